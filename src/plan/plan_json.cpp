// The plan as JSON for tools; docs/plan.md is the schema. Keys keep the
// order they are written in, so the output is deterministic.
#include <nlohmann/json.hpp>

#include "plan/plan.hpp"

namespace archc::plan {

namespace {

using Json = nlohmann::ordered_json;

Json route_json(const Route &r) {
  if (r.via == Route::Via::None) return nullptr;
  Json j{{"destination", "0.0.0.0/0"},
         {"target", r.via == Route::Via::InternetGateway ? "internet-gateway" : "nat-gateway"},
         {"gateway", r.gateway}};
  if (r.via == Route::Via::Nat) j["zone"] = r.zone;
  return j;
}

Json vpc_json(const Vpc &v) {
  Json tiers = Json::array();
  for (const auto &t : v.tiers) {
    Json subnets = Json::array();
    for (const auto &s : t.subnets)
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
  for (const auto &n : v.nat_gateways) nats.push_back({{"name_tag", n.name}, {"zone", n.zone}, {"subnet", n.subnet}});
  Json tables = Json::array();
  for (const auto &rt : v.route_tables) {
    Json peering_routes = Json::array();
    for (const auto &r : rt.peering_routes) peering_routes.push_back({{"destination_cidr", r.destination}, {"peering", r.peering}});
    tables.push_back({{"name_tag", rt.name},
                      {"default_route", route_json(rt.route)},
                      {"peering_routes", std::move(peering_routes)},
                      {"subnets", rt.subnets}});
  }
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

// The rules of a group, keyed by `direction` (`source` or `destination`).
Json rules_json(const std::vector<Rule> &rules, const std::string &direction) {
  Json out = Json::array();
  for (const auto &r : rules) {
    const auto ports = model::port_fields(r.protocol, r.from_port, r.to_port);  // as AWS describes the rule
    out.push_back({{"protocol", model::protocol_name(r.protocol)},
                   {"from_port", ports ? Json(ports->first) : Json(nullptr)},
                   {"to_port", ports ? Json(ports->second) : Json(nullptr)},
                   {direction + "_cidr", r.cidr.empty() ? Json(nullptr) : Json(r.cidr)},
                   {direction + "_group", r.group.empty() ? Json(nullptr) : Json(r.group)},
                   {direction, r.peer}});
  }
  return out;
}

Json group_json(const SecurityGroup &g) {
  return {{"name_tag", g.name},
          {"owner", g.owner},
          {"vpc", g.vpc},
          {"ingress", rules_json(g.ingress, "source")},
          {"egress", g.egress ? rules_json(*g.egress, "destination") : Json(nullptr)}};
}

Json nacl_entries_json(const std::vector<NaclEntry> &entries, const std::string &direction) {
  Json out = Json::array();
  for (const auto &e : entries) {
    const auto ports = model::port_fields(e.protocol, e.from_port, e.to_port);  // as AWS describes the entry
    out.push_back({{"rule_number", e.number},
                   {"action", e.allow ? "allow" : "deny"},
                   {"protocol", model::protocol_name(e.protocol)},
                   {"from_port", ports ? Json(ports->first) : Json(nullptr)},
                   {"to_port", ports ? Json(ports->second) : Json(nullptr)},
                   {"cidr", e.cidr},
                   {direction, e.peer}});
  }
  return out;
}

Json nacl_json(const NetworkAcl &n) {
  return {{"name", n.nacl},
          {"name_tag", n.name},
          {"vpc", n.vpc},
          {"tier", n.tier},
          {"subnets", n.subnets},
          {"inbound", nacl_entries_json(n.inbound, "source")},
          {"outbound", nacl_entries_json(n.outbound, "destination")}};
}

Json peering_json(const Peering &p) {
  const auto text_or_null = [](const std::string &s) { return s.empty() ? Json(nullptr) : Json(s); };
  return {{"name", p.name},
          {"name_tag", p.tag},
          {"vpc", p.vpc},
          {"peer_vpc", text_or_null(p.peer_vpc)},
          {"peer_vpc_id", text_or_null(p.peer_vpc_id)},
          {"peer_cidr", p.peer_cidr},
          {"peer_region", p.peer_region},
          {"peer_owner", text_or_null(p.peer_owner)},
          {"route_tables", p.route_tables}};
}

Json endpoint_json(const GatewayEndpoint &e) {
  return {{"name", e.name},
          {"vpc", e.vpc},
          {"service", e.service},
          {"service_name", e.service_name},
          {"route_tables", e.route_tables}};
}

template <typename T, typename F>
Json array_of(const std::vector<T> &items, F to_json) {
  Json out = Json::array();
  for (const auto &item : items) out.push_back(to_json(item));
  return out;
}

}  // namespace

std::string render_json(const Plan &p) {
  Json tags = Json::object();
  for (const auto &t : p.tags) tags[t.key] = t.value;
  Json j{{"format", "archc-plan"},
         {"version", 1},
         {"stack", {{"name", p.stack}, {"region", p.region}, {"tags", std::move(tags)}}},
         {"vpcs", array_of(p.vpcs, vpc_json)},
         {"peerings", array_of(p.peerings, peering_json)},
         {"gateway_endpoints", array_of(p.gateway_endpoints, endpoint_json)},
         {"security_groups", array_of(p.security_groups, group_json)},
         {"network_acls", array_of(p.network_acls, nacl_json)}};
  for (const model::KindSpec *kind : model::all_kinds()) {
    if (kind->plan_key.empty()) continue;
    Json &entries = j[std::string(kind->plan_key)] = Json::array();
    for (const auto &e : p.resources)
      if (e.kind == kind) entries.push_back(e.json);
  }
  return j.dump(2) + '\n';
}

}  // namespace archc::plan
