#include "lower/lower.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

#include <fmt/format.h>

#include "model/alb.hpp"
#include "model/asg.hpp"
#include "model/aws_catalog.hpp"
#include "model/logical_id.hpp"
#include "model/rds.hpp"

namespace archc {

const std::string& aws::id_of(const Resource& r) {
  return std::visit([](const auto& x) -> const std::string& { return x.id; }, r);
}

namespace {

using model::Endpoint;

class Lowering {
 public:
  explicit Lowering(const model::Model& m) : m_(m) {
    out_.name = m.stack.name;
    out_.region = m.stack.region;
    out_.tags = m.stack.tags;
  }

  aws::Stack run() {
    for (std::size_t v = 0; v < m_.vpcs.size(); ++v) lower_vpc(v);
    const std::vector<std::size_t> order = m_.resources_by_kind();
    for (std::size_t i : order) group(i);
    for (const auto& chain : m_.chains)
      for (const auto& edge : chain.edges) lower_edge(edge);
    for (std::size_t i : order) {
      const model::Resource& r = *m_.resources[i];
      if (const auto* alb = dynamic_cast<const model::Alb*>(&r)) lower_alb(i, *alb);
      if (const auto* asg = dynamic_cast<const model::Asg*>(&r)) lower_asg(i, *asg);
      if (const auto* db = dynamic_cast<const model::Rds*>(&r)) lower_rds(i, *db);
    }
    return std::move(out_);
  }

 private:
  // Logical ids are unique by construction: the name-collision check has
  // rejected every model in which two declarations derive the same one.
  // Meeting an id twice here is a bug in that check.
  const std::string& claim(const std::string& id) {
    if (!ids_.insert(id).second) throw std::logic_error("logical id " + id + " derived twice");
    return id;
  }

  aws::Tags tags(std::string_view kind, std::string_view name, std::string_view zone = {}) const {
    aws::Tags t{{"Name", fmt::format("{}-{}-{}{}{}", m_.stack.name, kind, name, zone.empty() ? "" : "-", zone), {}}};
    t.insert(t.end(), m_.stack.tags.begin(), m_.stack.tags.end());
    return t;
  }

  template <typename R>
  R& add(R r) {
    claim(r.id);
    out_.resources.emplace_back(std::move(r));
    return std::get<R>(out_.resources.back());
  }

  std::string zone_name(const std::string& letter) const { return m_.stack.region + letter; }

  void lower_vpc(std::size_t v) {
    const model::Vpc& vpc = m_.vpcs[v];
    const std::string base = logical_id::leading_word(vpc.name);
    const std::string vpc_id = add(aws::Vpc{base + "Vpc", vpc.cidr->str(), tags("vpc", vpc.name)}).id;
    vpc_ids_.push_back(vpc_id);

    std::string igw, attachment;
    if (vpc.has_public_tier()) {
      igw = add(aws::InternetGateway{base + "InternetGateway", tags("igw", vpc.name)}).id;
      attachment = add(aws::GatewayAttachment{base + "GatewayAttachment", vpc_id, igw}).id;
    }

    auto& subnet_ids = subnet_ids_[v];
    for (const auto& t : vpc.tiers) {
      std::vector<std::string> ids;
      for (std::size_t z = 0; z < vpc.zones.size(); ++z) {
        const std::string& zone = vpc.zones[z];
        ids.push_back(add(aws::Subnet{logical_id::subnet(vpc.name, t.name, zone), vpc_id, t.cidrs[z].str(),
                                      zone_name(zone), t.is_public, tags("subnet", vpc.name + "-" + t.name, zone)})
                          .id);
      }
      subnet_ids.push_back(std::move(ids));
    }

    const bool any_private = std::any_of(vpc.tiers.begin(), vpc.tiers.end(), [](const auto& t) { return t.is_private(); });
    const bool any_isolated = std::any_of(vpc.tiers.begin(), vpc.tiers.end(), [](const auto& t) { return t.isolated; });

    if (!igw.empty()) {
      const std::string rt = add(aws::RouteTable{base + "PublicRouteTable", vpc_id, tags("rtb", vpc.name + "-public")}).id;
      add(aws::Route{base + "PublicDefaultRoute", rt, igw, "", attachment});
      associate(v, rt, [](const model::Tier& t) { return t.is_public; });
    }

    // NAT gateways sit in the first public tier; only private tiers use them.
    std::vector<std::string> nats(vpc.zones.size());
    if (any_private && vpc.nat != model::NatMode::None) {
      const std::size_t public_tier = static_cast<std::size_t>(
          std::find_if(vpc.tiers.begin(), vpc.tiers.end(), [](const auto& t) { return t.is_public; }) - vpc.tiers.begin());
      const std::size_t count = vpc.nat == model::NatMode::Single ? 1 : vpc.zones.size();
      for (std::size_t z = 0; z < count; ++z) {
        const std::string& zone = vpc.zones[z];
        const std::string eip = add(aws::ElasticIp{base + "NatEip" + logical_id::zone(zone), attachment,
                                                   tags("eip", vpc.name + "-nat", zone)})
                                    .id;
        nats[z] = add(aws::NatGateway{base + "NatGateway" + logical_id::zone(zone), subnet_ids[public_tier][z], eip,
                                      tags("nat", vpc.name, zone)})
                      .id;
      }
      if (vpc.nat == model::NatMode::Single) std::fill(nats.begin(), nats.end(), nats.front());
    }

    if (any_private) {
      for (std::size_t z = 0; z < vpc.zones.size(); ++z) {
        const std::string& zone = vpc.zones[z];
        const std::string rt = add(aws::RouteTable{base + "PrivateRouteTable" + logical_id::zone(zone), vpc_id,
                                                   tags("rtb", vpc.name + "-private", zone)})
                                   .id;
        if (!nats[z].empty())
          add(aws::Route{base + "PrivateDefaultRoute" + logical_id::zone(zone), rt, "", nats[z], ""});
        associate(v, rt, [](const model::Tier& t) { return t.is_private(); }, z);
      }
    }
    if (any_isolated) {
      const std::string rt =
          add(aws::RouteTable{base + "IsolatedRouteTable", vpc_id, tags("rtb", vpc.name + "-isolated")}).id;
      associate(v, rt, [](const model::Tier& t) { return t.isolated; });
    }
  }

  // Associates the route table with the subnets of matching tiers, in one
  // zone or (zone npos) all of them.
  template <typename Pred>
  void associate(std::size_t v, const std::string& rt, Pred matches, std::size_t only_zone = std::string::npos) {
    const model::Vpc& vpc = m_.vpcs[v];
    for (std::size_t t = 0; t < vpc.tiers.size(); ++t) {
      if (!matches(vpc.tiers[t])) continue;
      for (std::size_t z = 0; z < vpc.zones.size(); ++z) {
        if (only_zone != std::string::npos && z != only_zone) continue;
        const std::string& subnet = subnet_ids_[v][t][z];
        add(aws::RouteTableAssociation{subnet + "RouteTableAssociation", subnet, rt});
      }
    }
  }

  // Every chain endpoint has its own security group: one named in no chain
  // then accepts nothing.
  void group(std::size_t i) {
    const model::Resource& r = *m_.resources[i];
    const std::string word(r.kind->name_tag_word);
    Endpoint self;
    self.kind = Endpoint::Kind::Resource;
    self.index = i;
    groups_[i] = add(aws::SecurityGroup{logical_id::security_group(m_, self), vpc_ids_[r.subnets->vpc],
                                        fmt::format("archc {} {}", word, r.name), tags("sg", word + "-" + r.name)})
                     .id;
  }

  const std::string& group_of(const Endpoint& e) const { return groups_.at(e.index); }

  void lower_edge(const model::Edge& edge) {
    const std::string& target = group_of(edge.to);
    const auto sources = logical_id::ingress_sources(m_, edge.from);
    for (const auto& port : edge.ports) {
      for (const auto& source : sources) {
        const std::string group = source.cidr.empty() ? group_of(edge.from) : "";
        // The same rule twice is an error in AWS; duplicates are linted.
        if (!rules_.insert(std::make_tuple(target, port.lo, port.hi, source.cidr, group)).second) continue;
        add(aws::IngressRule{logical_id::ingress_rule(target, source, port), target, port.lo, port.hi, source.cidr,
                             group, fmt::format("from {} to {}", m_.describe(edge.from), m_.describe(edge.to))});
      }
    }
  }

  void lower_alb(std::size_t i, const model::Alb& alb) {
    const std::string base = logical_id::alb(alb.name);
    const auto& tier = *alb.subnets;
    const std::string lb = add(aws::LoadBalancer{base, alb.internet_facing, subnet_ids_[tier.vpc][tier.tier],
                                                 {groups_.at(i)}, tags("alb", alb.name)})
                               .id;
    out_.outputs.push_back({aws::Output::Kind::LoadBalancerDns, base + "DnsName", lb,
                            fmt::format("DNS name of alb {}", alb.name)});
    std::map<std::size_t, std::string> target_groups;  // asg index → target group id
    for (const auto& l : alb.listeners) {
      std::string tg;
      if (l.forward) {
        auto [it, fresh] = target_groups.emplace(*l.forward, "");
        if (fresh) {
          const auto& asg = static_cast<const model::Asg&>(*m_.resources[*l.forward]);
          it->second = add(aws::TargetGroup{logical_id::target_group(alb.name, asg.name), vpc_ids_[tier.vpc], asg.port,
                                            asg.health_check, tags("tg", alb.name + "-" + asg.name)})
                           .id;
          asg_target_groups_[*l.forward].push_back(it->second);
        }
        tg = it->second;
      }
      add(aws::Listener{logical_id::listener(alb.name, l.name), lb, l.port, l.certificate, l.redirect, tg});
    }
  }

  std::string image_parameter(const std::string& alias) {
    // Asgs of one image share its parameter. Aliases have distinct words (a
    // unit test holds stdlib/images.json to that), so no other alias meets it.
    const std::string id = logical_id::leading_word(alias) + "ImageId";
    if (ids_.insert(id).second) out_.images.push_back({id, *AwsCatalog::get().image_parameter(alias)});
    return id;
  }

  void lower_asg(std::size_t i, const model::Asg& asg) {
    const std::string base = logical_id::leading_word(asg.name);
    aws::LaunchTemplate lt;
    lt.id = base + "LaunchTemplate";
    if (asg.image.rfind("ami-", 0) == 0) lt.image_id = asg.image;
    else lt.image_parameter = image_parameter(asg.image);
    lt.instance_type = asg.instance_type;
    lt.security_group = groups_.at(i);
    lt.user_data = asg.user_data;
    lt.tags = tags("lt", asg.name);
    const std::string lt_id = add(std::move(lt)).id;
    const auto& tier = *asg.subnets;
    const std::string group = add(aws::AutoScalingGroup{base + "Asg", lt_id, subnet_ids_[tier.vpc][tier.tier],
                                                        asg_target_groups_[i], asg.min, asg.max, asg.desired,
                                                        asg.health_check_grace, tags("asg", asg.name)})
                                  .id;
    if (asg.scale_cpu) add(aws::ScalingPolicy{base + "CpuScalingPolicy", group, *asg.scale_cpu});
  }

  void lower_rds(std::size_t i, const model::Rds& db) {
    const std::string base = logical_id::leading_word(db.name) + "Db";
    const EngineInfo& engine = *AwsCatalog::get().engine(db.engine);
    const auto& tier = *db.subnets;
    const std::string subnet_group =
        add(aws::DbSubnetGroup{base + "SubnetGroup", fmt::format("archc rds {} subnets", db.name),
                               subnet_ids_[tier.vpc][tier.tier], tags("dbsubnet", db.name)})
            .id;
    aws::DbInstance primary;
    primary.id = base;
    primary.engine = engine.engine;
    primary.engine_version = db.engine_version;
    primary.instance_class = db.instance_class;
    primary.security_group = groups_.at(i);
    primary.tags = tags("rds", db.name);
    primary.storage = db.storage;
    primary.multi_az = db.multi_az;
    primary.subnet_group = subnet_group;
    primary.master_username = engine.master_username;
    primary.database = db.database;
    primary.backup_retention = db.backup_retention;
    const std::string primary_id = add(std::move(primary)).id;
    out_.outputs.push_back({aws::Output::Kind::DbAddress, base + "Endpoint", primary_id,
                            fmt::format("endpoint address of rds {}", db.name)});
    for (int r = 1; r <= db.replicas; ++r) {
      aws::DbInstance replica;
      replica.id = base + "Replica" + std::to_string(r);
      replica.engine = engine.engine;
      replica.engine_version = db.engine_version;
      replica.instance_class = db.replica_class.value_or(db.instance_class);
      replica.security_group = groups_.at(i);
      replica.tags = tags("rds", db.name + "-replica-" + std::to_string(r));
      replica.replica_of = primary_id;
      add(std::move(replica));
    }
  }

  const model::Model& m_;
  aws::Stack out_;
  std::set<std::string> ids_;
  std::vector<std::string> vpc_ids_;
  std::map<std::size_t, std::vector<std::vector<std::string>>> subnet_ids_;  // vpc → tier → zone
  std::map<std::size_t, std::string> groups_;  // resource index → its security group id
  std::map<std::size_t, std::vector<std::string>> asg_target_groups_;
  std::set<std::tuple<std::string, int, int, std::string, std::string>> rules_;
};

}  // namespace

aws::Stack lower(const model::Model& m) { return Lowering(m).run(); }

}  // namespace archc
