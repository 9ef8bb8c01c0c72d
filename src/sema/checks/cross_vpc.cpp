// What one VPC cannot reach in another. A target group registers instances
// of its own VPC only (ELBv2 RegisterTargets: "the target must be in the VPC
// of the target group"), so a peering does not lift that. A security group
// rule names a group of another VPC only across a VPC peering connection in
// the same region (EC2 security groups, "Update your security groups to
// reference peer security groups"): a `peering` between two VPCs of the
// file joins VPCs of the stack's one region, so it lifts the check for
// chain edges; an outside VPC in another region has no groups the file can
// name, and is reached by its CIDR block.
#include <algorithm>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "model/alb.hpp"
#include "sema/checks/chain_graph.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

namespace {

// The VPC of a placed resource, nullptr when its tier is not known.
const model::Vpc* vpc_of(const model::Model& m, const model::Resource& r) {
  return r.subnets ? &m.vpc_of(*r.subnets) : nullptr;
}

DiagnosticNote placed_in(const model::Model& m, const model::Resource& r) {
  return {r.subnets->range, fmt::format("{} `{}` is in vpc `{}`", r.kind->keyword, r.name, vpc_of(m, r)->name)};
}

}  // namespace

void cross_vpc(const model::Model& m, Diagnostics& diags) {
  for (const auto* alb : m.all<model::Alb>()) {
    const model::Vpc* own = vpc_of(m, *alb);
    if (!own) continue;
    for (const auto& l : alb->listeners) {
      if (!l.forward) continue;
      const model::Resource& target = *m.resources[*l.forward];
      const model::Vpc* other = vpc_of(m, target);
      if (!other || other == own) continue;
      diags
          .report(Rule::CrossVpc, l.forward_range,
                  "listener `{}` of alb `{}` forwards to {} `{}` of vpc `{}`, but a target group holds instances of "
                  "its own VPC only",
                  l.name, alb->name, target.kind->keyword, target.name, other->name)
          .notes.push_back(placed_in(m, *alb));
    }
  }
  // Pairs of VPCs of the file joined by a peering, smaller index first.
  std::set<std::pair<std::size_t, std::size_t>> peered;
  for (const auto& p : m.peerings)
    if (p.vpc && p.peer_vpc) peered.insert(std::minmax(*p.vpc, *p.peer_vpc));
  const ChainGraph graph(m);
  for (const auto* e : graph.edges()) {
    if (!e->from.is_resource()) continue;
    const model::Resource& from = *m.resources[e->from.index];
    const model::Resource& to = *m.resources[e->to.index];
    const model::Vpc* a = vpc_of(m, from);
    const model::Vpc* b = vpc_of(m, to);
    if (!a || !b || a == b || peered.count(std::minmax(from.subnets->vpc, to.subnets->vpc))) continue;
    Diagnostic& d = diags.report(Rule::CrossVpc, e->range,
                                 "{} -> {} joins the security groups of vpc `{}` and vpc `{}`, which only a peering "
                                 "connection allows",
                                 graph.describe(e->from), graph.describe(e->to), a->name, b->name);
    d.notes.push_back(placed_in(m, from));
    d.notes.push_back(placed_in(m, to));
  }
}

}  // namespace archc::checks
