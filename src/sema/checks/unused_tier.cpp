// A tier no resource uses still costs subnets, route tables and addresses;
// usually a leftover or a typo in a `subnets` reference. A public tier is in
// use when it holds the VPC's NAT gateways.
#include <fmt/format.h>

#include "sema/checks/check.hpp"

namespace archc::checks {

void unused_tier(const model::Model& m, Diagnostics& diags) {
  if (!m.all_placements_read || !m.all_edges_read) return;  // the use may be in what could not be read
  std::vector<std::vector<bool>> used(m.vpcs.size());
  for (std::size_t v = 0; v < m.vpcs.size(); ++v) used[v].assign(m.vpcs[v].tiers.size(), false);
  auto use = [&](const model::TierRef& t) { used[t.vpc][t.tier] = true; };
  for (const auto& r : m.resources)
    if (r->subnets) use(*r->subnets);
  for (const auto& c : m.chains)
    for (const auto& e : c.edges)
      if (e.from.kind == model::Endpoint::Kind::Tier) use(e.from.tier);
  for (std::size_t v = 0; v < m.vpcs.size(); ++v) {
    const model::Vpc& vpc = m.vpcs[v];
    for (std::size_t t = 0; t < vpc.tiers.size(); ++t) {
      const model::Tier& tier = vpc.tiers[t];
      if (used[v][t] || (tier.is_public && vpc.nat != model::NatMode::None)) continue;
      diags.report(Rule::UnusedTier, tier.range,
                    fmt::format("tier `{}` of vpc `{}` is declared but no resource uses it", tier.name, vpc.name));
    }
  }
}

}  // namespace archc::checks
