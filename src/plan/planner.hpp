// The planning of one model as a kind's `plan` hook sees it
// (model::KindSpec::plan): the VPCs with their subnets and every chain
// endpoint's security group with its ingress rules are planned before the
// first hook runs. Hooks run kind by kind in registration order
// (kinds/kinds.hpp), each kind's resources in source order.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "plan/plan.hpp"

namespace archc::plan {

class Planner {
 public:
  explicit Planner(const model::Model &m);
  // Plans the whole model: the network, then every resource by its hook.
  Plan run();

  const model::Model &model() const { return m_; }

  // The Name tag every resource carries: <stack>-<kind>-<name>[-<zone letter>].
  std::string tag(std::string_view kind, std::string_view name, std::string_view zone = {}) const;
  // vpc.<vpc>.<tier>, as the source writes it.
  std::string tier_ref(const model::TierRef &r) const;
  // The Name tags of a tier's subnets, in zone order.
  std::vector<std::string> subnet_tags(const model::TierRef &r) const;
  // The Name tag of the security group of resource `index` (into
  // Model::resources).
  const std::string &security_group(std::size_t index) const;

  // Load balancer target groups (Name tags), by the resource they forward
  // to: a load balancer adds them, the resource that registers its
  // instances reads them (its kind comes later in the registration order).
  void add_target_group(std::size_t index, std::string tag) { target_groups_[index].push_back(std::move(tag)); }
  const std::vector<std::string> &target_groups(std::size_t index) { return target_groups_[index]; }

 private:
  std::string zone_name(const std::string &letter) const { return m_.stack.region + letter; }
  Vpc plan_vpc(const model::Vpc &vpc) const;
  NetworkAcl plan_nacl(const model::Nacl &nacl) const;
  void plan_peering(const model::Peering &p);
  void plan_endpoint(const model::GatewayEndpoint &e);
  // The Name tags of the route tables of a tier's subnets, each once.
  std::vector<std::string> route_tables(const model::TierRef &t) const;
  void add_group(std::size_t index);
  void add_rules(const model::Edge &edge);
  void add_egress(const model::Edge &edge);
  // What an endpoint stands for as a rule's peer: its blocks (cidr, ""),
  // then its group ("", Name tag) when it is a resource.
  std::vector<std::pair<std::string, std::string>> peers(const model::Endpoint &e);

  const model::Model &m_;
  Plan out_;
  std::set<std::tuple<std::size_t, model::Protocol, int, int, std::string, std::string>> seen_rules_, seen_egress_;
  std::map<std::size_t, std::vector<std::string>> target_groups_;  // resource index → target group Name tags
  std::map<std::size_t, std::size_t> group_index_;                 // resource index → into Plan::security_groups
};

}  // namespace archc::plan
