// Restricted egress (`egress = "chain"`): a group then sends only what the
// chain edges from its resource open, and its edges to `internet` or a
// CIDR. Two mistakes follow from it:
// - egress-blocked: an edge whose source is a tier or VPC holding such a
//   resource admits traffic the resource may not send, since no edge from
//   the resource itself lets it out toward the target on those ports
//   (security groups filter both ways: AWS VPC user guide, "Security group
//   rules");
//   Nor does such an alb reach the asg a listener forwards to (requests
//   and health checks) unless an edge from the alb opens the asg's port;
// - egress-unrestricted: an edge to `internet` or a CIDR from a resource
//   that still sends everything changes nothing.
// O((E + R) log R), plus for each edge from a tier or VPC the restricted
// resources in it.
#include <map>
#include <vector>

#include <fmt/format.h>

#include "model/alb.hpp"
#include "model/asg.hpp"
#include "sema/checks/chain_graph.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

namespace {

using Kind = model::Endpoint::Kind;

// Whether `q` lets through all that `p` opens.
bool covers(const model::PortRange& q, const model::PortRange& p) {
  if (q.protocol == model::Protocol::All) return true;
  return q.protocol == p.protocol && q.lo <= p.lo && p.hi <= q.hi;
}

// What one restricted resource may send: to groups, by target, and to blocks.
struct Egress {
  std::map<std::size_t, std::vector<const model::PortRange*>> to_group;
  std::vector<std::pair<Cidr, const model::PortRange*>> to_block;
};

// Whether `out` lets `p` out toward `target`: an edge to it, or to a block
// that holds every subnet of its tier.
bool lets_out(const model::Model& m, const Egress& out, std::size_t target, const model::PortRange& p) {
  if (const auto it = out.to_group.find(target); it != out.to_group.end())
    for (const auto* q : it->second)
      if (covers(*q, p)) return true;
  const model::Resource& t = *m.resources[target];
  if (!t.subnets) return true;  // unplaced: nothing to judge
  const auto& blocks = m.tier(*t.subnets).cidrs;
  for (const auto& [block, q] : out.to_block) {
    bool holds = !blocks.empty();
    for (const Cidr& c : blocks) holds = holds && block.contains(c);
    if (holds && covers(*q, p)) return true;
  }
  return false;
}

}  // namespace

void egress(const model::Model& m, Diagnostics& diags) {
  std::map<std::size_t, Egress> restricted;  // resource index → what it may send
  for (std::size_t i = 0; i < m.resources.size(); ++i)
    if (m.resources[i]->chain_egress) restricted[i];
  for (const auto& chain : m.chains) {
    for (const auto& e : chain.edges)
      if (e.from.is_resource())
        if (auto it = restricted.find(e.from.index); it != restricted.end())
          for (const auto& p : e.ports) it->second.to_group[e.to.index].push_back(&p);
    for (const auto& e : chain.egress) {
      const model::Resource& from = *m.resources[e.from.index];
      const auto it = restricted.find(e.from.index);
      if (it == restricted.end()) {
        diags
            .report(Rule::EgressUnrestricted, e.to.range,
                    "{} `{}` sends everything (AWS's default egress), so this edge restricts nothing: write "
                    "`egress = \"chain\"` in its block to send only what its edges open",
                    from.kind->keyword, from.name)
            .notes.push_back({from.range, "declared here"});
        continue;
      }
      for (const Cidr& block : m.source_cidrs(e.to))
        for (const auto& p : e.ports) it->second.to_block.push_back({block, &p});
    }
  }
  if (restricted.empty()) return;

  for (const auto& [i, out] : restricted) {
    const auto* alb = dynamic_cast<const model::Alb*>(m.resources[i].get());
    if (!alb) continue;
    for (const auto& l : alb->listeners) {
      if (!l.forward) continue;
      const auto& asg = static_cast<const model::Asg&>(*m.resources[*l.forward]);
      if (!asg.complete || lets_out(m, out, *l.forward, {asg.port, asg.port, {}, model::Protocol::Tcp})) continue;
      diags
          .report(Rule::EgressBlocked, l.forward_range,
                  "alb `{}` sends only what its own edges open (`egress = \"chain\"`); none lets {} out to asg `{}`, "
                  "so listener `{}` never reaches its targets, nor do its health checks",
                  alb->name, asg.port, asg.name, l.name)
          .notes.push_back({alb->egress_range, "its egress is restricted here"});
    }
  }

  // The restricted resources of each tier.
  std::map<std::pair<std::size_t, std::size_t>, std::vector<std::size_t>> in_tier;
  for (const auto& [i, out] : restricted)
    if (const auto& placed = m.resources[i]->subnets) in_tier[{placed->vpc, placed->tier}].push_back(i);

  const ChainGraph graph(m);
  for (const auto* e : graph.edges()) {
    if (e->from.kind != Kind::Tier && e->from.kind != Kind::Vpc) continue;
    for (const auto& [tier, held] : in_tier) {
      const bool holds = e->from.kind == Kind::Tier ? tier == std::pair{e->from.tier.vpc, e->from.tier.tier}
                                                   : tier.first == e->from.index;
      if (!holds) continue;
      for (std::size_t r : held) {
        if (r == e->to.index) continue;
        for (const auto& p : e->ports) {
          if (lets_out(m, restricted.at(r), e->to.index, p)) continue;
          const model::Resource& res = *m.resources[r];
          diags
              .report(Rule::EgressBlocked, e->from.range,
                      "{} holds {} `{}`, which sends only what its own edges open (`egress = \"chain\"`); none lets "
                      "{} out to {}, so it never sends what this edge admits",
                      graph.describe(e->from), res.kind->keyword, res.name, format_ports({p}), graph.describe(e->to))
              .notes.push_back({res.egress_range, "its egress is restricted here"});
          break;
        }
      }
    }
  }
}

}  // namespace archc::checks
