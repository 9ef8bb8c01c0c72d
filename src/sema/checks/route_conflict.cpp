// route-conflict: a route table holds one route a destination (EC2
// CreateRoute: RouteAlreadyExists) and one gateway endpoint a service (VPC
// guide, "Gateway endpoints": a route table cannot have more than one route
// to the same service's prefix list). Tiers of one class share their route
// tables (lower.cpp: one public table, one private table a zone, one
// isolated table), so two peerings that route the same block, or two
// endpoints of one service, into tiers of one class of a VPC collide when
// the stack deploys. O(n log n) over the routes the peerings and endpoints add.
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "model/peering.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

namespace {

void report(Diagnostics& diags, SourceRange at, const std::string& message, SourceRange first_at,
            const std::string& first) {
  diags.report(Rule::RouteConflict, at, "{}", message).notes.push_back({first_at, first});
}

}  // namespace

void route_conflict(const model::Model& m, Diagnostics& diags) {
  // (vpc, table class, first address, prefix length) → the peering that routes it first.
  std::map<std::tuple<std::size_t, model::Tier::RouteTables, std::uint64_t, int>, const model::Peering*> routes;
  for (const auto& p : m.peerings) {
    if (!p.vpc) continue;
    const model::Peering* reported = nullptr;  // one diagnostic a pair of peerings
    for (const auto& [t, destination] : model::peering_routes(m, p)) {
      const model::Tier& tier = m.tier(t);
      const auto [it, fresh] =
          routes.try_emplace({t.vpc, tier.route_tables(), destination.first(), destination.prefix}, &p);
      if (fresh || it->second == &p || it->second == reported) continue;
      reported = it->second;
      report(diags, p.range,
             fmt::format("peering `{}` routes {} from the route tables of tier `{}` of vpc `{}`, where peering `{}` "
                         "already routes it: a route table holds one route a destination",
                         p.name, destination.str(), tier.name, m.vpcs[t.vpc].name, it->second->name),
             it->second->range, fmt::format("peering `{}` is here", it->second->name));
    }
  }
  // (vpc, table class, service) → the endpoint associated first.
  std::map<std::tuple<std::size_t, model::Tier::RouteTables, std::string_view>, const model::GatewayEndpoint*> services;
  for (const auto& e : m.gateway_endpoints) {
    if (e.service.empty()) continue;
    for (const auto& t : e.tiers) {
      const model::Tier& tier = m.tier(t);
      const auto [it, fresh] = services.try_emplace({t.vpc, tier.route_tables(), e.service}, &e);
      if (fresh || it->second == &e) continue;
      report(diags, t.range,
             fmt::format("gateway-endpoint `{}` joins the route tables of tier `{}` of vpc `{}` to {}, which "
                         "gateway-endpoint `{}` already serves them: a route table takes one endpoint a service",
                         e.name, tier.name, m.vpcs[t.vpc].name, e.service, it->second->name),
             it->second->range, fmt::format("gateway-endpoint `{}` is here", it->second->name));
      break;
    }
  }
}

}  // namespace archc::checks
