#include "model/model.hpp"

#include <algorithm>

namespace archc::model {

bool Vpc::has_public_tier() const {
  return std::any_of(tiers.begin(), tiers.end(), [](const Tier& t) { return t.is_public; });
}

std::vector<Cidr> Model::source_cidrs(const Endpoint& e) const {
  switch (e.kind) {
    case Endpoint::Kind::Internet: return {Cidr{0, 0}};
    case Endpoint::Kind::Cidr: return {e.cidr};
    case Endpoint::Kind::Vpc: return {vpcs[e.index].cidr};
    case Endpoint::Kind::Tier: return tier(e.tier).cidrs;
    default: return {};
  }
}

}  // namespace archc::model
