#include "plan/planner.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "model/aws_catalog.hpp"
#include "model/name_tag.hpp"
#include "model/peering.hpp"

namespace archc::plan {

namespace {

// Adds a route table associated with the subnets of the tiers that match,
// in one zone or (zone npos) all of them.
template <typename Pred>
void add_route_table(const model::Vpc &vpc, Vpc &out, std::string name, const Route &route, Pred matches,
                     std::size_t only_zone = std::string::npos) {
  RouteTable rt{std::move(name), route, {}, {}};
  for (std::size_t t = 0; t < vpc.tiers.size(); ++t) {
    if (!matches(vpc.tiers[t])) continue;
    for (std::size_t z = 0; z < vpc.zones.size(); ++z) {
      if (only_zone != std::string::npos && z != only_zone) continue;
      Subnet &subnet = out.tiers[t].subnets[z];
      subnet.route_table = rt.name;
      subnet.route = route;
      rt.subnets.push_back(subnet.name);
    }
  }
  out.route_tables.push_back(std::move(rt));
}

}  // namespace

Planner::Planner(const model::Model &m) : m_(m) {
  out_.stack = m.stack.name;
  out_.region = m.stack.region;
  out_.tags = m.stack.tags;
}

Plan Planner::run() {
  for (const auto &vpc : m_.vpcs) out_.vpcs.push_back(plan_vpc(vpc));
  for (const auto &nacl : m_.nacls) out_.network_acls.push_back(plan_nacl(nacl));
  for (const auto &p : m_.peerings) plan_peering(p);
  for (const auto &e : m_.gateway_endpoints) plan_endpoint(e);
  const std::vector<std::size_t> order = m_.resources_by_kind();
  for (std::size_t i : order) add_group(i);
  for (const auto &chain : m_.chains) {
    for (const auto &edge : chain.edges) add_rules(edge);
    for (const auto &edge : chain.egress) add_egress(edge);
  }
  for (std::size_t i : order) {
    const model::Resource &r = *m_.resources[i];
    Entry entry = r.kind->plan(*this, r, i);
    entry.kind = r.kind;
    entry.tier = tier_ref(*r.subnets);
    entry.security_group = security_group(i);
    out_.resources.push_back(std::move(entry));
  }
  for (std::size_t i : m_.services_by_kind()) {
    const model::Block &s = *m_.services[i];
    Entry entry = s.kind->plan(*this, s, i);
    entry.kind = s.kind;
    out_.resources.push_back(std::move(entry));
  }
  return std::move(out_);
}

std::string Planner::tag(std::string_view kind, std::string_view name, std::string_view zone) const {
  return name_tag(m_.stack.name, kind, name, zone);
}

std::string Planner::tier_ref(const model::TierRef &r) const {
  return fmt::format("vpc.{}.{}", m_.vpc_of(r).name, m_.tier(r).name);
}

std::vector<std::string> Planner::subnet_tags(const model::TierRef &r) const {
  const auto &subnets = out_.vpcs[r.vpc].tiers[r.tier].subnets;
  std::vector<std::string> out;
  for (const auto &s : subnets) out.push_back(s.name);
  return out;
}

const std::string &Planner::security_group(std::size_t index) const {
  return out_.security_groups[group_index_.at(index)].name;
}

Vpc Planner::plan_vpc(const model::Vpc &vpc) const {
  Vpc out;
  out.name = vpc.name;
  out.tag = tag("vpc", vpc.name);
  out.cidr = vpc.cidr->str();
  for (const auto &z : vpc.zones) out.zones.push_back(zone_name(z));
  out.nat_mode = vpc.nat == model::NatMode::None ? "none" : vpc.nat == model::NatMode::Single ? "single" : "per-zone";

  for (const auto &t : vpc.tiers) {
    Tier tier{t.name,
              fmt::format("vpc.{}.{}", vpc.name, t.name),
              t.is_public  ? "public"
              : t.isolated ? "isolated"
                           : "private",
              {}};
    for (std::size_t z = 0; z < vpc.zones.size(); ++z)
      tier.subnets.push_back({tag("subnet", vpc.name + "-" + t.name, vpc.zones[z]),
                              out.zones[z],
                              t.cidrs[z].str(),
                              t.cidrs[z].usable_in_subnet(),
                              t.is_public,
                              {},
                              {}});
    out.tiers.push_back(std::move(tier));
  }

  const auto is_public = [](const model::Tier &t) { return t.is_public; };
  const auto is_private = [](const model::Tier &t) { return t.is_private(); };
  const auto is_isolated = [](const model::Tier &t) { return t.isolated; };
  const auto has = [&](auto pred) { return std::any_of(vpc.tiers.begin(), vpc.tiers.end(), pred); };

  if (has(is_public)) {
    out.internet_gateway = vpc.igw_name ? vpc.igw_name->value : tag("igw", vpc.name);
    add_route_table(vpc, out, tag("rtb", vpc.name + "-public"),
                    {Route::Via::InternetGateway, *out.internet_gateway, {}}, is_public);
  }

  // NAT gateways (model::Vpc::nat_tier). A single NAT is the first zone's
  // and serves every zone.
  std::vector<Route> nat_routes(vpc.zones.size());
  if (const auto nat_tier = vpc.nat_tier()) {
    const Tier &public_tier = out.tiers[*nat_tier];
    const std::size_t count = vpc.nat_gateways();
    for (std::size_t z = 0; z < count; ++z) {
      out.nat_gateways.push_back({vpc.nat_names.empty() ? tag("nat", vpc.name, vpc.zones[z]) : vpc.nat_names[z].value,
                                  out.zones[z], public_tier.subnets[z].name});
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

// A network ACL as AWS lists its entries: a tier peer is one entry a
// subnet, numbered on from the rule's number (as lower.cpp writes them).
NetworkAcl Planner::plan_nacl(const model::Nacl &nacl) const {
  NetworkAcl out{tag("nacl", nacl.name), nacl.name, tag("vpc", m_.vpc_of(*nacl.tier).name), tier_ref(*nacl.tier),
                 subnet_tags(*nacl.tier), {}, {}};
  for (const bool outbound : {false, true})
    for (const auto &rule : outbound ? nacl.outbound : nacl.inbound) {
      int number = rule.number;
      for (const auto &block : rule.blocks)
        (outbound ? out.outbound : out.inbound)
            .push_back({number++, rule.allow, rule.ports.protocol, rule.ports.lo, rule.ports.hi, block.str(), rule.peer});
    }
  return out;
}

std::vector<std::string> Planner::route_tables(const model::TierRef &t) const {
  std::vector<std::string> out;
  for (const auto &s : out_.vpcs[t.vpc].tiers[t.tier].subnets)
    if (std::find(out.begin(), out.end(), s.route_table) == out.end()) out.push_back(s.route_table);  // at most one a zone
  return out;
}

// Mirrors Lowering::lower_peering: each side's tables of the tiers named
// (or of every tier) lead to the other side's block.
void Planner::plan_peering(const model::Peering &p) {
  Peering out;
  out.name = p.name;
  out.tag = tag("pcx", p.name);
  out.vpc = m_.vpcs[*p.vpc].name;
  if (p.peer_vpc) {
    out.peer_vpc = m_.vpcs[*p.peer_vpc].name;
    out.peer_cidr = m_.vpcs[*p.peer_vpc].cidr->str();
    out.peer_region = m_.stack.region;
  } else {
    out.peer_vpc_id = p.peer_vpc_id;
    out.peer_cidr = p.peer_cidr->str();
    out.peer_region = p.peer_region.empty() ? m_.stack.region : p.peer_region;
    out.peer_owner = p.peer_owner;
  }
  for (const auto &[tier, destination] : model::peering_routes(m_, p)) {
    for (const auto &name : route_tables(tier)) {
      if (std::find(out.route_tables.begin(), out.route_tables.end(), name) != out.route_tables.end()) continue;
      out.route_tables.push_back(name);
      for (auto &rt : out_.vpcs[tier.vpc].route_tables)
        if (rt.name == name) rt.peering_routes.push_back({destination.str(), out.tag});
    }
  }
  out_.peerings.push_back(std::move(out));
}

void Planner::plan_endpoint(const model::GatewayEndpoint &e) {
  GatewayEndpoint out{e.name, m_.vpcs[*e.vpc].name, e.service,
                      AwsCatalog::endpoint_service_name(m_.stack.region, e.service), {}};  // route tables below
  for (const auto &tier : e.tiers)
    for (const auto &name : route_tables(tier))
      if (std::find(out.route_tables.begin(), out.route_tables.end(), name) == out.route_tables.end())
        out.route_tables.push_back(name);
  out_.gateway_endpoints.push_back(std::move(out));
}

// Every chain endpoint has a group of its own, so one named in no chain
// accepts nothing.
void Planner::add_group(std::size_t i) {
  const model::Resource &r = *m_.resources[i];
  group_index_[i] = out_.security_groups.size();
  out_.security_groups.push_back(
      {tag("sg", fmt::format("{}-{}", r.kind->name_tag_word, r.name)), r.ref(), m_.vpc_of(*r.subnets).name, {}, {}});
  if (r.chain_egress) out_.security_groups.back().egress.emplace();
}

std::vector<std::pair<std::string, std::string>> Planner::peers(const model::Endpoint &e) {
  std::vector<std::pair<std::string, std::string>> out;  // (cidr, group)
  for (const auto &c : m_.source_cidrs(e)) out.emplace_back(c.str(), "");
  if (e.is_resource()) out.emplace_back("", out_.security_groups[group_index_.at(e.index)].name);
  return out;
}

// An edge is an ingress rule on the target's group per port and source; a
// tier source is one CIDR per subnet. The same rule twice is merged (AWS
// rejects duplicates).
void Planner::add_rules(const model::Edge &edge) {
  const auto sources = peers(edge.from);
  const std::size_t target = group_index_.at(edge.to.index);
  for (const auto &port : edge.ports)
    for (const auto &[cidr, group] : sources)
      if (seen_rules_.insert({target, port.protocol, port.lo, port.hi, cidr, group}).second)
        out_.security_groups[target].ingress.push_back(
            {port.protocol, port.lo, port.hi, cidr, group, m_.describe(edge.from)});
  if (edge.from.is_resource()) add_egress(edge);
}

// An edge from a resource with `egress = "chain"` is an egress rule of its
// group too; an edge to internet or a CIDR is one only.
void Planner::add_egress(const model::Edge &edge) {
  auto &egress = out_.security_groups[group_index_.at(edge.from.index)].egress;
  if (!egress) return;
  for (const auto &port : edge.ports)
    for (const auto &[cidr, group] : peers(edge.to))
      if (seen_egress_.insert({edge.from.index, port.protocol, port.lo, port.hi, cidr, group}).second)
        egress->push_back({port.protocol, port.lo, port.hi, cidr, group, m_.describe(edge.to)});
}

std::string rule_ports(const Rule &r) {
  if (!model::has_ports(r.protocol)) return "all";
  return r.from_port == r.to_port ? std::to_string(r.from_port) : fmt::format("{}-{}", r.from_port, r.to_port);
}

Plan make_plan(const model::Model &m) { return Planner(m).run(); }

}  // namespace archc::plan
