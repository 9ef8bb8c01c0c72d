#include "model/peering.hpp"

namespace archc::model {

std::vector<PeeringRoute> peering_routes(const Model& m, const Peering& p) {
  std::vector<TierRef> tiers = p.tiers;
  if (!p.tiers_given)
    for (const auto v : {p.vpc, p.peer_vpc})
      if (v)
        for (std::size_t t = 0; t < m.vpcs[*v].tiers.size(); ++t) tiers.push_back({*v, t, {}});
  std::vector<PeeringRoute> out;
  for (const auto& t : tiers) {
    const std::optional<Cidr>& destination = t.vpc != *p.vpc ? m.vpcs[*p.vpc].cidr
                                             : p.peer_vpc    ? m.vpcs[*p.peer_vpc].cidr
                                                             : p.peer_cidr;
    if (destination) out.push_back({t, *destination});
  }
  return out;
}

}  // namespace archc::model
