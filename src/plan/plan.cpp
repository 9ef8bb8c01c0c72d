#include "plan/plan.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "model/alb.hpp"
#include "model/asg.hpp"
#include "model/aws_catalog.hpp"
#include "model/rds.hpp"

namespace archc::plan {

namespace {

using model::Endpoint;

class Planner {
 public:
  explicit Planner(const model::Model& m) : m_(m) {
    out_.stack = m.stack.name;
    out_.region = m.stack.region;
    out_.tags = m.stack.tags;
  }

  Plan run() {
    for (const auto& vpc : m_.vpcs) out_.vpcs.push_back(plan_vpc(vpc));
    const std::vector<std::size_t> order = m_.resources_by_kind();
    for (std::size_t i : order) add_group(i);
    for (const auto& chain : m_.chains)
      for (const auto& edge : chain.edges) add_rules(edge);
    // Target groups are made per alb in listener order; each asg lists them
    // in that order too, so albs are planned before asgs.
    for (std::size_t i : order) {
      const model::Resource& r = *m_.resources[i];
      if (const auto* alb = dynamic_cast<const model::Alb*>(&r)) out_.load_balancers.push_back(plan_alb(*alb));
      if (const auto* asg = dynamic_cast<const model::Asg*>(&r)) out_.auto_scaling_groups.push_back(plan_asg(i, *asg));
      if (const auto* db = dynamic_cast<const model::Rds*>(&r)) out_.databases.push_back(plan_rds(*db));
    }
    return std::move(out_);
  }

 private:
  // The Name tag every resource carries: <stack>-<kind>-<name>[-<zone letter>].
  std::string tag(std::string_view kind, std::string_view name, std::string_view zone = {}) const {
    return fmt::format("{}-{}-{}{}{}", m_.stack.name, kind, name, zone.empty() ? "" : "-", zone);
  }

  std::string zone_name(const std::string& letter) const { return m_.stack.region + letter; }

  std::string tier_ref(const model::TierRef& r) const {
    return fmt::format("vpc.{}.{}", m_.vpc_of(r).name, m_.tier(r).name);
  }

  std::vector<std::string> subnet_tags(const model::TierRef& r) const {
    const auto& subnets = out_.vpcs[r.vpc].tiers[r.tier].subnets;
    std::vector<std::string> out;
    for (const auto& s : subnets) out.push_back(s.name);
    return out;
  }

  Vpc plan_vpc(const model::Vpc& vpc) const {
    Vpc out;
    out.name = vpc.name;
    out.tag = tag("vpc", vpc.name);
    out.cidr = vpc.cidr->str();
    for (const auto& z : vpc.zones) out.zones.push_back(zone_name(z));
    out.nat_mode = vpc.nat == model::NatMode::None ? "none" : vpc.nat == model::NatMode::Single ? "single" : "per-zone";

    for (const auto& t : vpc.tiers) {
      Tier tier{t.name, fmt::format("vpc.{}.{}", vpc.name, t.name),
                t.is_public ? "public" : t.isolated ? "isolated" : "private", {}};
      for (std::size_t z = 0; z < vpc.zones.size(); ++z)
        tier.subnets.push_back({tag("subnet", vpc.name + "-" + t.name, vpc.zones[z]), out.zones[z], t.cidrs[z].str(),
                                t.cidrs[z].usable_in_subnet(), t.is_public, {}, {}});
      out.tiers.push_back(std::move(tier));
    }

    const auto is_public = [](const model::Tier& t) { return t.is_public; };
    const auto is_private = [](const model::Tier& t) { return t.is_private(); };
    const auto is_isolated = [](const model::Tier& t) { return t.isolated; };
    const auto has = [&](auto pred) { return std::any_of(vpc.tiers.begin(), vpc.tiers.end(), pred); };

    if (has(is_public)) {
      out.internet_gateway = tag("igw", vpc.name);
      add_route_table(vpc, out, tag("rtb", vpc.name + "-public"),
                      {Route::Via::InternetGateway, *out.internet_gateway, {}}, is_public);
    }

    // NAT gateways exist only for private tiers to use, and sit in the first
    // public tier (the model has no NAT without a public tier). A single NAT
    // is the first zone's and serves every zone.
    std::vector<Route> nat_routes(vpc.zones.size());
    if (has(is_private) && vpc.nat != model::NatMode::None) {
      const Tier& public_tier = out.tiers[static_cast<std::size_t>(
          std::find_if(vpc.tiers.begin(), vpc.tiers.end(), is_public) - vpc.tiers.begin())];
      const std::size_t count = vpc.nat == model::NatMode::Single ? 1 : vpc.zones.size();
      for (std::size_t z = 0; z < count; ++z) {
        out.nat_gateways.push_back({tag("nat", vpc.name, vpc.zones[z]), out.zones[z], public_tier.subnets[z].name});
        nat_routes[z] = {Route::Via::Nat, out.nat_gateways.back().name, out.zones[z]};
      }
      std::fill(nat_routes.begin() + static_cast<std::ptrdiff_t>(count), nat_routes.end(), nat_routes.front());
    }
    if (has(is_private))
      for (std::size_t z = 0; z < vpc.zones.size(); ++z)
        add_route_table(vpc, out, tag("rtb", vpc.name + "-private", vpc.zones[z]), nat_routes[z], is_private, z);
    if (has(is_isolated)) add_route_table(vpc, out, tag("rtb", vpc.name + "-isolated"), {}, is_isolated);
    return out;
  }

  // Adds a route table associated with the subnets of the tiers that match,
  // in one zone or (zone npos) all of them.
  template <typename Pred>
  static void add_route_table(const model::Vpc& vpc, Vpc& out, std::string name, const Route& route, Pred matches,
                              std::size_t only_zone = std::string::npos) {
    RouteTable rt{std::move(name), route, {}};
    for (std::size_t t = 0; t < vpc.tiers.size(); ++t) {
      if (!matches(vpc.tiers[t])) continue;
      for (std::size_t z = 0; z < vpc.zones.size(); ++z) {
        if (only_zone != std::string::npos && z != only_zone) continue;
        Subnet& subnet = out.tiers[t].subnets[z];
        subnet.route_table = rt.name;
        subnet.route = route;
        rt.subnets.push_back(subnet.name);
      }
    }
    out.route_tables.push_back(std::move(rt));
  }

  // Every alb, asg and rds has a group of its own, so one named in no chain
  // accepts nothing.
  void add_group(std::size_t i) {
    const model::Resource& r = *m_.resources[i];
    group_index_[i] = out_.security_groups.size();
    out_.security_groups.push_back(
        {tag("sg", fmt::format("{}-{}", r.kind->name_tag_word, r.name)), r.ref(), m_.vpc_of(*r.subnets).name, {}});
  }

  std::size_t group_index(const Endpoint& e) const { return group_index_.at(e.index); }

  // An edge is an ingress rule on the target's group per port and source; a
  // tier source is one CIDR per subnet. The same rule twice is merged (AWS
  // rejects duplicates).
  void add_rules(const model::Edge& edge) {
    std::vector<std::pair<std::string, std::string>> sources;  // (cidr, group)
    for (const auto& c : m_.source_cidrs(edge.from)) sources.emplace_back(c.str(), "");
    if (edge.from.is_resource()) sources.emplace_back("", out_.security_groups[group_index(edge.from)].name);
    const std::size_t target = group_index(edge.to);
    for (const auto& port : edge.ports)
      for (const auto& [cidr, group] : sources)
        if (seen_rules_.insert({target, port.lo, port.hi, cidr, group}).second)
          out_.security_groups[target].ingress.push_back({port.lo, port.hi, cidr, group, m_.describe(edge.from)});
  }

  LoadBalancer plan_alb(const model::Alb& alb) {
    LoadBalancer out;
    out.name = alb.name;
    out.tag = tag("alb", alb.name);
    out.internet_facing = alb.internet_facing;
    out.tier = tier_ref(*alb.subnets);
    out.subnets = subnet_tags(*alb.subnets);
    out.security_group = tag("sg", "alb-" + alb.name);
    for (const auto& l : alb.listeners) {
      Listener listener{l.name, l.port, l.https(), l.certificate, l.redirect, {}};
      if (l.forward) {
        const auto& asg = static_cast<const model::Asg&>(*m_.resources[*l.forward]);
        listener.target_group = tag("tg", alb.name + "-" + asg.name);
        const bool fresh = std::none_of(out.target_groups.begin(), out.target_groups.end(),
                                        [&](const TargetGroup& tg) { return tg.name == listener.target_group; });
        if (fresh) {
          out.target_groups.push_back({listener.target_group, asg.name, asg.port, asg.health_check});
          asg_target_groups_[*l.forward].push_back(listener.target_group);
        }
      }
      out.listeners.push_back(std::move(listener));
    }
    return out;
  }

  AutoScalingGroup plan_asg(std::size_t i, const model::Asg& asg) {
    AutoScalingGroup out;
    out.name = asg.name;
    out.tag = tag("asg", asg.name);
    out.tier = tier_ref(*asg.subnets);
    out.subnets = subnet_tags(*asg.subnets);
    out.instance_type = asg.instance_type;
    out.image = asg.image;
    if (asg.image.rfind("ami-", 0) != 0) out.image_parameter = AwsCatalog::get().image_parameter(asg.image);
    out.port = asg.port;
    out.min = asg.min;
    out.max = asg.max;
    out.desired = asg.desired;
    out.target_groups = asg_target_groups_[i];
    out.health_check_grace = asg.health_check_grace;
    out.scale_cpu = asg.scale_cpu;
    out.security_group = tag("sg", "asg-" + asg.name);
    return out;
  }

  Database plan_rds(const model::Rds& db) const {
    const EngineInfo& engine = *AwsCatalog::get().engine(db.engine);
    Database out;
    out.name = db.name;
    out.tag = tag("rds", db.name);
    out.engine = engine.engine;
    out.engine_version = db.engine_version;
    out.port = engine.port;
    out.instance_class = db.instance_class;
    out.storage = db.storage;
    out.multi_az = db.multi_az;
    out.tier = tier_ref(*db.subnets);
    out.subnet_group = tag("dbsubnet", db.name);
    out.subnets = subnet_tags(*db.subnets);
    out.security_group = tag("sg", "rds-" + db.name);
    out.database = db.database;
    out.backup_retention = db.backup_retention;
    for (int r = 1; r <= db.replicas; ++r)
      out.replicas.push_back(
          {tag("rds", fmt::format("{}-replica-{}", db.name, r)), db.replica_class.value_or(db.instance_class)});
    return out;
  }

  const model::Model& m_;
  Plan out_;
  std::set<std::tuple<std::size_t, int, int, std::string, std::string>> seen_rules_;
  std::map<std::size_t, std::vector<std::string>> asg_target_groups_;
  std::map<std::size_t, std::size_t> group_index_;  // resource index → into Plan::security_groups  // asg index → target group Name tags
};

}  // namespace

Plan make_plan(const model::Model& m) { return Planner(m).run(); }

}  // namespace archc::plan
