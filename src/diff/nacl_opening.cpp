// What a change lets through a network ACL that the old ACL stopped: for
// each inbound allow entry of an ACL that both stacks have, whether some
// packet it decides in the new ACL (one no earlier-numbered new entry
// decides) is one the old ACL denies. Exact, by model::judge over a list
// that lets through what the earlier new entries decide and then judges
// the rest as the old ACL does: a packet it denies is newly admitted. An
// ACL that only one stack has restricts its subnets, relative to the VPC's
// default ACL, which allows everything; so it opens nothing here.
// O(e^2) judgements per ACL, with e at most AWS's 40 entries a direction
// (an ACL with more is left out, as nacl-blocks-flow leaves it).
#include "diff/nacl_opening.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "model/nacl.hpp"

namespace archc::diff {

namespace {

constexpr std::size_t kMostEntries = 40;  // rules_per_network_acl_max of stdlib/limits.json

struct Entry {
  const aws::NetworkAclEntry* aws;
  model::NaclRule rule;
};

// The inbound entries of each ACL, by number; an entry whose block does
// not parse is left out (lowering writes only valid blocks).
std::map<std::string, std::vector<Entry>> inbound(const aws::Stack& stack) {
  std::map<std::string, std::vector<Entry>> out;
  for (const auto& res : stack.resources) {
    const auto* e = std::get_if<aws::NetworkAclEntry>(&res);
    if (!e || e->egress) continue;
    const auto block = parse_cidr(e->cidr);
    if (!block) continue;
    model::NaclRule r;
    r.number = e->number;
    r.allow = e->allow;
    r.ports.protocol = e->protocol;
    r.ports.lo = model::has_ports(e->protocol) ? e->from_port : 0;
    r.ports.hi = model::has_ports(e->protocol) ? e->to_port : 65535;
    r.blocks = {*block};
    out[e->acl].push_back({e, std::move(r)});
  }
  for (auto& [acl, entries] : out)
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.rule.number < b.rule.number; });
  return out;
}

std::string address(std::uint32_t a) {
  return fmt::format("{}.{}.{}.{}", a >> 24, (a >> 16) & 0xff, (a >> 8) & 0xff, a & 0xff);
}

}  // namespace

std::vector<SecurityChange> nacl_openings(const aws::Stack& old_stack, const aws::Stack& new_stack) {
  const auto before = inbound(old_stack);
  std::vector<SecurityChange> out;
  for (const auto& [acl, entries] : inbound(new_stack)) {
    const auto old = before.find(acl);
    if (old == before.end() || entries.size() > kMostEntries || old->second.size() > kMostEntries) continue;
    std::vector<model::NaclRule> rules;  // the earlier new entries, as allows, then the old ACL
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const Entry& e = entries[i];
      if (e.rule.allow) {
        rules.clear();
        for (std::size_t j = 0; j < i; ++j) {
          rules.push_back(entries[j].rule);
          rules.back().allow = true;
        }
        for (const Entry& o : old->second) rules.push_back(o.rule);
        // `all` matches every protocol: judged as TCP, UDP and ICMP.
        for (const model::Protocol p : {model::Protocol::Tcp, model::Protocol::Udp, model::Protocol::Icmp}) {
          if (e.rule.ports.protocol != model::Protocol::All && e.rule.ports.protocol != p) continue;
          const model::NaclVerdict v =
              model::judge(rules, p, e.rule.ports.lo, e.rule.ports.hi, static_cast<std::uint32_t>(e.rule.blocks[0].first()),
                           static_cast<std::uint32_t>(e.rule.blocks[0].last()));
          if (v.allowed) continue;
          SecurityChange c;
          c.kind = SecurityChange::Kind::NaclOpened;
          c.rule = e.aws->id;
          c.group = acl;
          c.source = e.aws->cidr;
          c.protocol = e.aws->protocol;
          c.from_port = e.aws->from_port;
          c.to_port = e.aws->to_port;
          c.was = fmt::format("{} {}{} {}", address(v.address), model::protocol_name(p),
                              model::has_ports(p) ? fmt::format(":{}", v.port) : "",
                              v.rule ? fmt::format("denied by entry {}", v.rule->number) : "matched no entry");
          c.description = fmt::format("inbound entry {} allow", e.rule.number);
          out.push_back(std::move(c));
          break;
        }
      }
    }
  }
  return out;
}

}  // namespace archc::diff
