// peering-no-route: a peering carries only what route tables send into it
// (VPC peering guide, "Update your route tables for a VPC peering
// connection": both VPCs need a route to the other's block), and traffic
// needs a route both ways, since every reply crosses back. So a peering that
// routes no tier carries nothing; one between two VPCs of the file that
// routes one side only carries no reply; and a chain edge across a peering
// from, or to, a tier whose route tables do not lead to the other side
// opens a security group to packets that never arrive. Tiers of one class
// share their route tables (model::Tier::route_tables), so a route added for
// one serves them all. O(n log n) in the edges and routes, times the
// peerings of one VPC (AWS takes at most 125).
#include <algorithm>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "model/peering.hpp"
#include "sema/checks/chain_graph.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

namespace {

// The peering routes of a VPC's route tables of one class.
using Tables = std::pair<std::size_t, model::Tier::RouteTables>;

class PeeringRoutes {
 public:
  explicit PeeringRoutes(const model::Model& m) : m_(m) {
    for (const auto& p : m.peerings) {
      if (!p.vpc) continue;
      for (const auto& [tier, destination] : model::peering_routes(m, p))
        routes_[{tier.vpc, m.tier(tier).route_tables()}].push_back({destination, &p});
    }
  }

  // Whether the route tables of `t` lead every address of `block` into a peering.
  bool leads(const model::TierRef& t, const Cidr& block) const {
    const auto it = routes_.find({t.vpc, m_.tier(t).route_tables()});
    if (it == routes_.end()) return false;
    for (const auto& [destination, p] : it->second)
      if (destination.contains(block)) return true;
    return false;
  }

 private:
  const model::Model& m_;
  std::map<Tables, std::vector<std::pair<Cidr, const model::Peering*>>> routes_;
};

// The peerings of each VPC of the file, to find the one an edge crosses
// without a walk over every peering per edge.
class PeeringsOf {
 public:
  explicit PeeringsOf(const model::Model& m) : m_(m) {
    for (const auto& p : m.peerings) {
      if (!p.vpc) continue;
      by_vpc_[*p.vpc].push_back(&p);
      if (p.peer_vpc && *p.peer_vpc != *p.vpc) by_vpc_[*p.peer_vpc].push_back(&p);
    }
  }

  // The peering that joins `vpc` to the side holding `block`: the VPC of
  // the file `other_vpc`, or, for addresses written as a CIDR, a side (a
  // VPC of the file or outside it) whose block contains them.
  const model::Peering* between(std::size_t vpc, std::optional<std::size_t> other_vpc, const Cidr& block) const {
    const auto it = by_vpc_.find(vpc);
    if (it == by_vpc_.end()) return nullptr;
    for (const model::Peering* p : it->second) {
      const std::optional<std::size_t> far = *p->vpc == vpc ? p->peer_vpc : p->vpc;
      if (other_vpc) {
        if (far == other_vpc) return p;
        continue;
      }
      const std::optional<Cidr>& far_block = far ? m_.vpcs[*far].cidr : p->peer_cidr;
      if (far_block && far_block->contains(block)) return p;
    }
    return nullptr;
  }

 private:
  const model::Model& m_;
  std::map<std::size_t, std::vector<const model::Peering*>> by_vpc_;
};

// One side of an edge: the tier its addresses are in, when one is known,
// and the block a route must lead to in order to reach them.
struct Side {
  std::optional<model::TierRef> tier;
  std::optional<std::size_t> vpc;  // of the file
  Cidr block;
};

std::optional<Side> side_of(const model::Model& m, const model::Endpoint& e) {
  using K = model::Endpoint::Kind;
  switch (e.kind) {
    case K::Internet:
      return std::nullopt;
    case K::Cidr:
      return Side{std::nullopt, std::nullopt, e.cidr};
    case K::Vpc:
      if (!m.vpcs[e.index].cidr) return std::nullopt;
      return Side{std::nullopt, e.index, *m.vpcs[e.index].cidr};
    case K::Tier:
      if (!m.vpcs[e.tier.vpc].cidr) return std::nullopt;
      return Side{e.tier, e.tier.vpc, *m.vpcs[e.tier.vpc].cidr};
    case K::Resource: {
      const auto& subnets = m.resources[e.index]->subnets;
      if (!subnets || !m.vpcs[subnets->vpc].cidr) return std::nullopt;
      return Side{subnets, subnets->vpc, *m.vpcs[subnets->vpc].cidr};
    }
  }
  return std::nullopt;
}

std::string tier_name(const model::Model& m, const model::TierRef& t) {
  return fmt::format("vpc.{}.{}", m.vpcs[t.vpc].name, m.tier(t).name);
}

DiagnosticNote routed_here(const model::Peering& p) {
  if (p.tiers_given)
    return {p.tiers_range, fmt::format("peering `{}` routes the tables of these tiers only", p.name)};
  return {p.range, fmt::format("peering `{}` is here", p.name)};
}

// A peering that routes no tier, or only the tiers of one of two VPCs of the file.
void check_routed_sides(const model::Model& m, const model::Peering& p, Diagnostics& diags) {
  if (!p.tiers_given || p.tiers.size() != p.tiers_written) return;  // an unresolved tier was reported
  if (p.tiers.empty()) {
    diags.report(Rule::PeeringNoRoute, p.tiers_range,
                 "peering `{}` names no tier: no route table leads into it, so nothing crosses it", p.name);
    return;
  }
  if (!p.peer_vpc) return;  // the outside VPC's owner routes its own side
  bool requester = false, accepter = false;
  for (const auto& t : p.tiers) (t.vpc == *p.vpc ? requester : accepter) = true;
  if (requester && accepter) return;
  const model::Vpc& routed = m.vpcs[requester ? *p.vpc : *p.peer_vpc];
  const model::Vpc& unrouted = m.vpcs[requester ? *p.peer_vpc : *p.vpc];
  if (!routed.cidr) return;
  diags.report(Rule::PeeringNoRoute, p.tiers_range,
               "peering `{}` routes tiers of vpc `{}` only: no route table of vpc `{}` leads back to {}, so no reply "
               "crosses the peering",
               p.name, routed.name, unrouted.name, routed.cidr->str());
}

}  // namespace

void peering_no_route(const model::Model& m, Diagnostics& diags) {
  for (const auto& p : m.peerings)
    if (p.vpc) check_routed_sides(m, p, diags);

  const PeeringRoutes routes(m);
  const PeeringsOf peerings(m);
  const ChainGraph graph(m);
  // `from` sends to `to` across a peering: each side's tier must lead into
  // it, toward the other's block.
  auto check = [&](const model::Edge& e) {
    const auto from = side_of(m, e.from);
    const auto to = side_of(m, e.to);
    if (!from || !to || !(from->vpc || to->vpc) || from->vpc == to->vpc) return;
    // The side in the file, from which the peering is looked up.
    const Side& here = from->vpc ? *from : *to;
    const Side& there = from->vpc ? *to : *from;
    const model::Peering* p = peerings.between(*here.vpc, there.vpc, there.block);
    if (!p) return;
    for (const auto* s : {&*from, &*to}) {
      const Side& other = s == &*from ? *to : *from;
      if (!s->tier || routes.leads(*s->tier, other.block)) continue;
      const bool sender = s == &*from;
      diags
          .report(Rule::PeeringNoRoute, e.range,
                  "{} -> {} crosses peering `{}`, but the route tables of tier `{}` lead no traffic to {} into it: {} "
                  "never reach {}",
                  graph.describe(e.from), graph.describe(e.to), p->name, tier_name(m, *s->tier), other.block.str(),
                  sender ? "its packets" : "the replies", graph.describe(sender ? e.to : e.from))
          .notes.push_back(routed_here(*p));
      return;
    }
  };
  for (const auto& chain : m.chains) {
    for (const auto& e : chain.edges) check(e);
    for (const auto& e : chain.egress) check(e);
  }
}

}  // namespace archc::checks
