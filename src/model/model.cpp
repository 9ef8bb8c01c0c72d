#include "model/model.hpp"

#include <algorithm>

namespace archc::model {

bool Vpc::has_public_tier() const {
  return std::any_of(tiers.begin(), tiers.end(), [](const Tier& t) { return t.is_public; });
}

std::optional<std::size_t> Vpc::nat_tier() const {
  const bool any_private = std::any_of(tiers.begin(), tiers.end(), [](const Tier& t) { return t.is_private(); });
  const auto first_public = std::find_if(tiers.begin(), tiers.end(), [](const Tier& t) { return t.is_public; });
  if (nat == NatMode::None || !any_private || first_public == tiers.end()) return std::nullopt;
  return static_cast<std::size_t>(first_public - tiers.begin());
}

std::size_t Vpc::nat_gateways() const {
  if (!nat_tier()) return 0;
  return nat == NatMode::Single ? 1 : zones.size();
}

std::vector<Cidr> Model::source_cidrs(const Endpoint& e) const {
  switch (e.kind) {
    case Endpoint::Kind::Internet: return {Cidr{0, 0}};
    case Endpoint::Kind::Cidr: return {e.cidr};
    case Endpoint::Kind::Vpc:
      if (const auto& c = vpcs[e.index].cidr) return {*c};
      return {};
    case Endpoint::Kind::Tier: return tier(e.tier).cidrs;
    case Endpoint::Kind::Resource: return {};
  }
  return {};
}

std::string Model::describe(const Endpoint& e) const {
  switch (e.kind) {
    case Endpoint::Kind::Internet: return "internet";
    case Endpoint::Kind::Cidr: return e.cidr.str();
    case Endpoint::Kind::Vpc: return "vpc." + vpcs[e.index].name;
    case Endpoint::Kind::Tier: return fmt::format("vpc.{}.{}", vpc_of(e.tier).name, tier(e.tier).name);
    case Endpoint::Kind::Resource: return resources[e.index]->ref();
  }
  return {};
}

namespace {

template <typename Blocks>
std::vector<std::size_t> by_kind(const Blocks& blocks) {
  std::vector<std::size_t> out;
  for (const KindSpec* kind : all_kinds())
    for (std::size_t i = 0; i < blocks.size(); ++i)
      if (blocks[i]->kind == kind) out.push_back(i);
  return out;
}

}  // namespace

std::vector<std::size_t> Model::resources_by_kind() const { return by_kind(resources); }
std::vector<std::size_t> Model::services_by_kind() const { return by_kind(services); }

}  // namespace archc::model
