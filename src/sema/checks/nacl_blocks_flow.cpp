// nacl-blocks-flow: network ACLs are stateless (VPC User Guide, "Control
// subnet traffic with network access control lists"), so each connection a
// chain edge opens crosses up to four of their rule lists:
// - the request: outbound at the source tier's ACL, inbound at the target's;
// - the reply, to the client's ephemeral port (1024-65535, model/nacl.hpp):
//   outbound at the target's ACL, inbound at the source's.
// A tier without a nacl block keeps the VPC's default ACL, which allows
// everything. Sources outside the tiers (internet, a CIDR, a VPC) have no
// ACL of ours; edges to internet or a CIDR (egress rules) cross the source's
// only. Traffic within one subnet crosses no ACL. Each edge's ports are
// judged exactly (model::judge), over every address of the peer's blocks.
// O(edges × ports × blocks × rules²) at worst; the rules are at most 40.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "model/nacl.hpp"
#include "sema/checks/chain_graph.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

namespace {

using Kind = model::Endpoint::Kind;

// One end of an edge: its ACL (null: none of ours) and its address blocks.
struct Side {
  const model::Nacl* nacl = nullptr;
  std::vector<Cidr> blocks;
};

std::string address(std::uint32_t a) {
  return fmt::format("{}.{}.{}.{}", a >> 24, (a >> 16) & 255, (a >> 8) & 255, a & 255);
}

class FlowCheck {
 public:
  FlowCheck(const model::Model& m, Diagnostics& diags) : m_(m), graph_(m), diags_(diags) {
    for (const auto& nacl : m.nacls)
      if (nacl.tier) by_tier_.emplace(std::make_pair(nacl.tier->vpc, nacl.tier->tier), &nacl);
  }

  void edge(const model::Edge& e) {
    const Side from = side(e.from), to = side(e.to);
    if (!from.nacl && !to.nacl) return;
    for (const auto& port : e.ports) {
      // `all` is every protocol: TCP and UDP on every port, and ICMP.
      std::vector<model::PortRange> flows;
      if (port.protocol == model::Protocol::All)
        flows = {{0, 65535, port.range, model::Protocol::Tcp},
                 {0, 65535, port.range, model::Protocol::Udp},
                 {0, 65535, port.range, model::Protocol::Icmp}};
      else
        flows = {port};
      for (const auto& flow : flows) {
        model::PortRange reply = flow;
        if (model::has_ports(flow.protocol)) reply.lo = model::kEphemeralLo, reply.hi = model::kEphemeralHi;
        // Each leg is reported once an edge's port item, at its first blocked flow.
        if (leg(e, port, to.nacl, false, false, flow, crossing(from.blocks, to.blocks))) break;
        if (leg(e, port, from.nacl, true, false, flow, crossing(to.blocks, from.blocks))) break;
        if (leg(e, port, to.nacl, true, true, reply, crossing(from.blocks, to.blocks))) break;
        if (leg(e, port, from.nacl, false, true, reply, crossing(to.blocks, from.blocks))) break;
      }
    }
  }

 private:
  Side side(const model::Endpoint& e) const {
    std::optional<model::TierRef> tier;
    if (e.kind == Kind::Resource) tier = m_.resources[e.index]->subnets;
    else if (e.kind == Kind::Tier) tier = e.tier;
    if (!tier) return {nullptr, m_.source_cidrs(e)};
    const auto it = by_tier_.find({tier->vpc, tier->tier});
    return {it == by_tier_.end() ? nullptr : it->second, m_.tier(*tier).cidrs};
  }

  // The blocks of `peers` whose traffic to `own` leaves a subnet: all but a
  // block that is the only subnet on the other side (traffic within a
  // subnet crosses no ACL).
  static std::vector<Cidr> crossing(const std::vector<Cidr>& peers, const std::vector<Cidr>& own) {
    std::vector<Cidr> out;
    for (const Cidr& p : peers)
      if (own.size() > 1 || (own.size() == 1 && !(own.front() == p))) out.push_back(p);
    return out;
  }

  // Judges one leg; true when it reported.
  bool leg(const model::Edge& e, const model::PortRange& written, const model::Nacl* nacl, bool outbound, bool reply,
           const model::PortRange& flow, const std::vector<Cidr>& peers) {
    if (!nacl || !nacl->complete) return false;  // a rule that could not be read may allow it
    const auto& rules = outbound ? nacl->outbound : nacl->inbound;
    for (const Cidr& peer : peers) {
      const model::NaclVerdict v =
          model::judge(rules, flow.protocol, flow.lo, flow.hi, static_cast<std::uint32_t>(peer.first()),
                       static_cast<std::uint32_t>(peer.last()));
      if (v.allowed) continue;
      const char* direction = outbound ? "outbound" : "inbound";
      const std::string packet = fmt::format(
          "{}{} {} {}", model::protocol_name(flow.protocol),
          model::has_ports(flow.protocol) ? fmt::format(" port {}", v.port) : std::string(), outbound ? "to" : "from",
          address(v.address));
      const std::string what = fmt::format("the {} of edge `{} -> {}` ({})", reply ? "reply" : "request",
                                           graph_.describe(e.from), graph_.describe(e.to), packet);
      Diagnostic* d = nullptr;
      if (v.rule) {
        d = &diags_.report(Rule::NaclBlocksFlow, v.rule->range, "rule {} of nacl `{}` ({}) denies {}", v.rule->number,
                           nacl->name, direction, what);
      } else {
        const SourceRange list = outbound ? nacl->outbound_range : nacl->inbound_range;
        d = &diags_.report(Rule::NaclBlocksFlow, list.valid() ? list : nacl->range,
                           "no {} rule of nacl `{}` allows {}: the implicit deny drops it", direction, nacl->name, what);
      }
      d->notes.push_back({written.range, fmt::format("the edge opens {} here", format_ports({written}))});
      if (reply && model::has_ports(flow.protocol))
        d->notes.push_back({{}, fmt::format("network ACLs are stateless: the reply needs its own {} rule, for the "
                                            "ephemeral ports {}-{}",
                                            direction, model::kEphemeralLo, model::kEphemeralHi)});
      else if (reply)  // an ICMP reply (echo reply) has no ports
        d->notes.push_back(
            {{}, fmt::format("network ACLs are stateless: the reply needs its own {} rule for ICMP", direction)});
      return true;
    }
    return false;
  }

  const model::Model& m_;
  ChainGraph graph_;
  Diagnostics& diags_;
  std::map<std::pair<std::size_t, std::size_t>, const model::Nacl*> by_tier_;  // the first nacl of each tier
};

}  // namespace

void nacl_blocks_flow(const model::Model& m, Diagnostics& diags) {
  if (m.nacls.empty()) return;
  FlowCheck check(m, diags);
  for (const auto& chain : m.chains) {
    for (const auto& e : chain.edges) check.edge(e);
    for (const auto& e : chain.egress) check.edge(e);
  }
}

}  // namespace archc::checks
