// The lowering of one model as a kind's `lower` hook sees it
// (model::KindSpec::lower): the network (VPCs, subnets, gateways, route
// tables) and every chain endpoint's security group with its ingress rules
// are lowered before the first hook runs, so a hook finds their ids here
// and adds its own resources and outputs. Hooks run kind by kind in
// registration order (kinds/kinds.hpp), each kind's resources in source
// order: the chain endpoints', then the services'.
#pragma once

#include <map>
#include <utility>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "lower/aws_resources.hpp"

namespace archc {

class Lowering {
 public:
  explicit Lowering(const model::Model &m);
  // Lowers the whole model: the network, then every resource by its hook.
  aws::Stack run();

  const model::Model &model() const { return m_; }

  // Adds a resource and returns it. Its logical id must be new: the
  // name-collision check rejects every model in which two declarations
  // derive the same id, so meeting one twice is a bug (std::logic_error).
  template <typename R>
  R &add(R r) {
    claim(r.id);
    out_.resources.emplace_back(std::move(r));
    return std::get<R>(out_.resources.back());
  }
  void add_output(aws::Output o) { out_.outputs.push_back(std::move(o)); }

  // The Name tag `<stack>-<kind>-<name>[-<zone letter>]`, then the stack's
  // tags.
  aws::Tags tags(std::string_view kind, std::string_view name, std::string_view zone = {}) const;
  // The Name tag the source chose (model::NameOverride) when there is one,
  // else the derived one; then the stack's tags.
  aws::Tags tags(const model::NameOverride *name, std::string_view kind, std::string_view name_part,
                 std::string_view zone = {}) const;
  const std::string &vpc_id(std::size_t vpc) const { return vpc_ids_.at(vpc); }
  // The logical ids of a tier's subnets, in zone order.
  const aws::Ids &subnet_ids(const model::TierRef &tier) const { return subnet_ids_.at(tier.vpc).at(tier.tier); }
  // What the tier's subnets need before traffic between them and the
  // internet flows, zone by zone without repeats: the gateway attachment
  // (public tiers), the default route of their route table, and each
  // subnet's association with that table. Empty for a tier with no default
  // route (isolated, or private in a VPC without NAT). No property of a
  // resource in the tier refers to these, so one that needs the internet
  // while it deploys lists them in its `depends_on` (docs/language.md,
  // "Deploy-time order").
  aws::Ids internet_path(const model::TierRef &tier) const;
  // The logical id of the security group of resource `index` (into
  // Model::resources).
  const std::string &security_group(std::size_t index) const { return groups_.at(index); }
  // The id of the SSM parameter holding the image alias's AMI id, added on
  // first use (one per alias; the alias must be in stdlib/images.json).
  std::string image_parameter(const std::string &alias);

  // Load balancer target groups, by the resource they forward to: a load
  // balancer adds them, the resource that registers its instances reads
  // them (its kind comes later in the registration order).
  void add_target_group(std::size_t index, std::string id) { target_groups_[index].push_back(std::move(id)); }
  const aws::Ids &target_groups(std::size_t index) { return target_groups_[index]; }

 private:
  const std::string &claim(const std::string &id);
  std::string zone_name(const std::string &letter) const { return m_.stack.region + letter; }
  void lower_vpc(std::size_t v);
  // Associates the route table `rt` with the subnets of the tiers that
  // `matches`, in one zone or (npos) all of them. `path` is what the table
  // gives those subnets of a path to the internet (its default route and
  // what that needs), empty for none: each subnet's internet path is that
  // and its association.
  template <typename Pred>
  void associate(std::size_t v, const std::string &rt, Pred matches, const aws::Ids &path,
                 std::size_t only_zone = std::string::npos);
  void lower_peering(const model::Peering &p);
  void lower_endpoint(const model::GatewayEndpoint &e);
  void lower_group(std::size_t index);
  void lower_edge(const model::Edge &edge);
  // What a rule from `from`'s group to `to`'s must wait for: across a
  // peering, the connection (EC2 security groups, "Update your security
  // groups to reference peer security groups": the peering must be active).
  aws::Ids peering_of(std::size_t from, std::size_t to) const;
  void lower_egress(const model::Edge &edge);
  void lower_nacl(const model::Nacl &nacl);

  const model::Model &m_;
  aws::Stack out_;
  std::set<std::string> ids_;
  std::vector<std::string> vpc_ids_;
  std::map<std::size_t, std::vector<aws::Ids>> subnet_ids_;  // vpc → tier → zone
  std::map<std::size_t, std::vector<std::vector<aws::Ids>>> internet_paths_;  // vpc → tier → zone → ids
  std::map<std::size_t, std::vector<aws::Ids>> route_tables_;                 // vpc → tier → its route tables
  std::map<std::size_t, std::string> groups_;                // resource index → its security group id
  std::map<std::size_t, aws::Ids> target_groups_;
  std::map<std::pair<std::size_t, std::size_t>, std::string> peerings_;  // VPCs of the file, smaller first → connection id
  // Rules made, as (group, protocol, ports, peer block, peer group): AWS
  // refuses the same rule twice.
  std::set<std::tuple<std::string, model::Protocol, int, int, std::string, std::string>> rules_, egress_rules_;
};

}  // namespace archc
