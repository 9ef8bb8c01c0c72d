// The plan as JSON for tools; docs/plan.md is the schema. Keys keep the
// order they are written in, so the output is deterministic.
#include <nlohmann/json.hpp>

#include "plan/plan.hpp"

namespace archc::plan {

namespace {

using Json = nlohmann::ordered_json;

template <typename T>
Json or_null(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json route_json(const Route& r) {
  if (r.via == Route::Via::None) return nullptr;
  Json j{{"destination", "0.0.0.0/0"},
         {"target", r.via == Route::Via::InternetGateway ? "internet-gateway" : "nat-gateway"},
         {"gateway", r.gateway}};
  if (r.via == Route::Via::Nat) j["zone"] = r.zone;
  return j;
}

Json vpc_json(const Vpc& v) {
  Json tiers = Json::array();
  for (const auto& t : v.tiers) {
    Json subnets = Json::array();
    for (const auto& s : t.subnets)
      subnets.push_back({{"name_tag", s.name},
                         {"zone", s.zone},
                         {"cidr", s.cidr},
                         {"usable_addresses", s.usable},
                         {"map_public_ip", s.map_public_ip},
                         {"route_table", s.route_table},
                         {"default_route", route_json(s.route)}});
    tiers.push_back({{"name", t.name}, {"ref", t.ref}, {"kind", t.kind}, {"subnets", std::move(subnets)}});
  }
  Json nats = Json::array();
  for (const auto& n : v.nat_gateways) nats.push_back({{"name_tag", n.name}, {"zone", n.zone}, {"subnet", n.subnet}});
  Json tables = Json::array();
  for (const auto& rt : v.route_tables)
    tables.push_back({{"name_tag", rt.name}, {"default_route", route_json(rt.route)}, {"subnets", rt.subnets}});
  return {{"name", v.name},
          {"name_tag", v.tag},
          {"cidr", v.cidr},
          {"zones", v.zones},
          {"nat", v.nat_mode},
          {"internet_gateway", or_null(v.internet_gateway)},
          {"nat_gateways", std::move(nats)},
          {"route_tables", std::move(tables)},
          {"tiers", std::move(tiers)}};
}

Json group_json(const SecurityGroup& g) {
  Json rules = Json::array();
  for (const auto& r : g.ingress)
    rules.push_back({{"protocol", "tcp"},
                     {"from_port", r.from_port},
                     {"to_port", r.to_port},
                     {"source_cidr", r.cidr.empty() ? Json(nullptr) : Json(r.cidr)},
                     {"source_group", r.source_group.empty() ? Json(nullptr) : Json(r.source_group)},
                     {"source", r.source}});
  return {{"name_tag", g.name}, {"owner", g.owner}, {"vpc", g.vpc}, {"ingress", std::move(rules)}};
}

Json alb_json(const LoadBalancer& lb) {
  Json listeners = Json::array();
  for (const auto& l : lb.listeners) {
    Json action = l.redirect_port ? Json{{"type", "redirect"},
                                         {"protocol", "HTTPS"},
                                         {"port", *l.redirect_port},
                                         {"status_code", "HTTP_301"}}
                                  : Json{{"type", "forward"}, {"target_group", l.target_group}};
    listeners.push_back({{"name", l.name},
                         {"port", l.port},
                         {"protocol", l.https ? "HTTPS" : "HTTP"},
                         {"certificate", or_null(l.certificate)},
                         {"action", std::move(action)}});
  }
  Json groups = Json::array();
  for (const auto& tg : lb.target_groups)
    groups.push_back({{"name_tag", tg.name},
                      {"asg", tg.asg},
                      {"protocol", "HTTP"},
                      {"port", tg.port},
                      {"health_check_path", tg.health_check_path}});
  return {{"name", lb.name},
          {"name_tag", lb.tag},
          {"scheme", lb.internet_facing ? "internet-facing" : "internal"},
          {"tier", lb.tier},
          {"subnets", lb.subnets},
          {"security_group", lb.security_group},
          {"listeners", std::move(listeners)},
          {"target_groups", std::move(groups)}};
}

Json asg_json(const AutoScalingGroup& a) {
  return {{"name", a.name},
          {"name_tag", a.tag},
          {"tier", a.tier},
          {"subnets", a.subnets},
          {"instance_type", a.instance_type},
          {"image", a.image},
          {"image_parameter", or_null(a.image_parameter)},
          {"port", a.port},
          {"min", a.min},
          {"max", a.max},
          {"desired", a.desired},
          {"target_groups", a.target_groups},
          {"health_check_type", a.elb_health_checks() ? "ELB" : "EC2"},
          {"health_check_grace", a.elb_health_checks() ? Json(a.health_check_grace) : Json(nullptr)},
          {"scaling",
           a.scale_cpu ? Json{{"metric", "ASGAverageCPUUtilization"}, {"target", *a.scale_cpu}} : Json(nullptr)},
          {"security_group", a.security_group}};
}

Json rds_json(const Database& d) {
  Json replicas = Json::array();
  for (const auto& r : d.replicas) replicas.push_back({{"name_tag", r.name}, {"class", r.instance_class}});
  return {{"name", d.name},
          {"name_tag", d.tag},
          {"engine", d.engine},
          {"engine_version", or_null(d.engine_version)},
          {"port", d.port},
          {"class", d.instance_class},
          {"storage_gib", d.storage},
          {"multi_az", d.multi_az},
          {"encrypted", true},
          {"publicly_accessible", false},
          {"master_password", "aws-managed"},
          {"tier", d.tier},
          {"subnet_group", {{"name_tag", d.subnet_group}, {"subnets", d.subnets}}},
          {"security_group", d.security_group},
          {"database", or_null(d.database)},
          {"backup_retention_days", d.backup_retention},
          {"replicas", std::move(replicas)}};
}

template <typename T, typename F>
Json array_of(const std::vector<T>& items, F to_json) {
  Json out = Json::array();
  for (const auto& item : items) out.push_back(to_json(item));
  return out;
}

}  // namespace

std::string render_json(const Plan& p) {
  Json tags = Json::object();
  for (const auto& t : p.tags) tags[t.key] = t.value;
  const Json j{{"format", "archc-plan"},
               {"version", 1},
               {"stack", {{"name", p.stack}, {"region", p.region}, {"tags", std::move(tags)}}},
               {"vpcs", array_of(p.vpcs, vpc_json)},
               {"security_groups", array_of(p.security_groups, group_json)},
               {"load_balancers", array_of(p.load_balancers, alb_json)},
               {"auto_scaling_groups", array_of(p.auto_scaling_groups, asg_json)},
               {"databases", array_of(p.databases, rds_json)}};
  return j.dump(2) + '\n';
}

}  // namespace archc::plan
