#include "lower/lower.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "lower/lowering.hpp"
#include "model/aws_catalog.hpp"
#include "model/kind.hpp"
#include "model/logical_id.hpp"
#include "model/name_tag.hpp"
#include "model/peering.hpp"

namespace archc {

const std::string &aws::id_of(const Resource &r) {
  return std::visit([](const auto &x) -> const std::string & { return x.id; }, r);
}

Lowering::Lowering(const model::Model &m) : m_(m) {
  out_.name = m.stack.name;
  out_.region = m.stack.region;
  out_.tags = m.stack.tags;
}

aws::Stack Lowering::run() {
  for (std::size_t v = 0; v < m_.vpcs.size(); ++v) lower_vpc(v);
  for (const auto &nacl : m_.nacls) lower_nacl(nacl);
  for (const auto &p : m_.peerings) lower_peering(p);
  for (const auto &e : m_.gateway_endpoints) lower_endpoint(e);
  const std::vector<std::size_t> order = m_.resources_by_kind();
  for (std::size_t i : order) lower_group(i);
  for (const auto &chain : m_.chains) {
    for (const auto &edge : chain.edges) lower_edge(edge);
    // Egress edges from a group that sends everything add nothing (linted).
    for (const auto &edge : chain.egress)
      if (m_.resources[edge.from.index]->chain_egress) lower_egress(edge);
  }
  for (std::size_t i : order) m_.resources[i]->kind->lower(*this, *m_.resources[i], i);
  for (std::size_t i : m_.services_by_kind()) m_.services[i]->kind->lower(*this, *m_.services[i], i);
  return std::move(out_);
}

const std::string &Lowering::claim(const std::string &id) {
  if (!ids_.insert(id).second) throw std::logic_error("logical id " + id + " derived twice");
  return id;
}

aws::Tags Lowering::tags(std::string_view kind, std::string_view name, std::string_view zone) const {
  return tags(nullptr, kind, name, zone);
}

aws::Tags Lowering::tags(const model::NameOverride *name, std::string_view kind, std::string_view name_part,
                         std::string_view zone) const {
  aws::Tags t{{"Name", name ? name->value : name_tag(m_.stack.name, kind, name_part, zone), {}}};
  t.insert(t.end(), m_.stack.tags.begin(), m_.stack.tags.end());
  return t;
}

template <typename Pred>
void Lowering::associate(std::size_t v, const std::string &rt, Pred matches, const aws::Ids &path,
                         std::size_t only_zone) {
  const model::Vpc &vpc = m_.vpcs[v];
  for (std::size_t t = 0; t < vpc.tiers.size(); ++t) {
    if (!matches(vpc.tiers[t])) continue;
    route_tables_[v][t].push_back(rt);  // a tier's tables differ: one a zone, or one
    for (std::size_t z = 0; z < vpc.zones.size(); ++z) {
      if (only_zone != std::string::npos && z != only_zone) continue;
      const std::string &subnet = subnet_ids_[v][t][z];
      const std::string &association = add(aws::RouteTableAssociation{subnet + "RouteTableAssociation", subnet, rt}).id;
      if (path.empty()) continue;
      aws::Ids &subnet_path = internet_paths_[v][t][z];
      subnet_path = path;
      subnet_path.push_back(association);
    }
  }
}

aws::Ids Lowering::internet_path(const model::TierRef &tier) const {
  aws::Ids out;
  std::set<std::string> seen;  // the attachment, or a single NAT's route, is on every zone's path
  for (const auto &zone : internet_paths_.at(tier.vpc).at(tier.tier))
    for (const auto &id : zone)
      if (seen.insert(id).second) out.push_back(id);
  return out;
}

void Lowering::lower_vpc(std::size_t v) {
  const model::Vpc &vpc = m_.vpcs[v];
  const std::string base = logical_id::leading_word(vpc.name);
  const std::string vpc_id = add(aws::Vpc{base + "Vpc", vpc.cidr->str(), tags("vpc", vpc.name)}).id;
  vpc_ids_.push_back(vpc_id);

  std::string igw, attachment;
  if (vpc.has_public_tier()) {
    igw = add(aws::InternetGateway{base + "InternetGateway",
                                   tags(vpc.igw_name ? &*vpc.igw_name : nullptr, "igw", vpc.name)}).id;
    attachment = add(aws::GatewayAttachment{base + "GatewayAttachment", vpc_id, igw}).id;
  }

  auto &subnet_ids = subnet_ids_[v];
  for (const auto &t : vpc.tiers) {
    std::vector<std::string> ids;
    for (std::size_t z = 0; z < vpc.zones.size(); ++z) {
      const std::string &zone = vpc.zones[z];
      ids.push_back(add(aws::Subnet{logical_id::subnet(vpc.name, t.name, zone), vpc_id, t.cidrs[z].str(),
                                    zone_name(zone), t.is_public, tags("subnet", vpc.name + "-" + t.name, zone)})
                        .id);
    }
    subnet_ids.push_back(std::move(ids));
  }
  internet_paths_[v].assign(vpc.tiers.size(), std::vector<aws::Ids>(vpc.zones.size()));
  route_tables_[v].resize(vpc.tiers.size());

  const bool any_private =
      std::any_of(vpc.tiers.begin(), vpc.tiers.end(), [](const auto &t) { return t.is_private(); });
  const bool any_isolated = std::any_of(vpc.tiers.begin(), vpc.tiers.end(), [](const auto &t) { return t.isolated; });

  if (!igw.empty()) {
    const std::string rt =
        add(aws::RouteTable{base + "PublicRouteTable", vpc_id, tags("rtb", vpc.name + "-public")}).id;
    const std::string route = add(aws::Route{base + "PublicDefaultRoute", rt, igw, "", {attachment}, "", "0.0.0.0/0"}).id;
    associate(v, rt, [](const model::Tier &t) { return t.is_public; }, {attachment, route});
  }

  std::vector<std::string> nats(vpc.zones.size());
  if (const auto public_tier = vpc.nat_tier()) {
    for (std::size_t z = 0; z < vpc.nat_gateways(); ++z) {
      const std::string &zone = vpc.zones[z];
      const std::string eip = add(aws::ElasticIp{base + "NatEip" + logical_id::zone(zone), "", {attachment},
                                                 tags("eip", vpc.name + "-nat", zone)})
                                  .id;
      // A NAT gateway forwards through its own subnet's route to the
      // internet gateway: until that route is in place it is created, but
      // the instances behind it reach nothing.
      nats[z] = add(aws::NatGateway{base + "NatGateway" + logical_id::zone(zone), subnet_ids[*public_tier][z], eip,
                                    internet_paths_[v][*public_tier][z],
                                    tags(vpc.nat_names.empty() ? nullptr : &vpc.nat_names[z], "nat", vpc.name, zone)})
                    .id;
    }
    if (vpc.nat == model::NatMode::Single) std::fill(nats.begin(), nats.end(), nats.front());
  }

  if (any_private) {
    for (std::size_t z = 0; z < vpc.zones.size(); ++z) {
      const std::string &zone = vpc.zones[z];
      const std::string rt = add(aws::RouteTable{base + "PrivateRouteTable" + logical_id::zone(zone), vpc_id,
                                                 tags("rtb", vpc.name + "-private", zone)})
                                 .id;
      aws::Ids path;
      if (!nats[z].empty())
        path.push_back(add(aws::Route{base + "PrivateDefaultRoute" + logical_id::zone(zone), rt, "", nats[z], {}, "", "0.0.0.0/0"}).id);
      associate(v, rt, [](const model::Tier &t) { return t.is_private(); }, path, z);
    }
  }
  if (any_isolated) {
    const std::string rt =
        add(aws::RouteTable{base + "IsolatedRouteTable", vpc_id, tags("rtb", vpc.name + "-isolated")}).id;
    associate(v, rt, [](const model::Tier &t) { return t.isolated; }, {});
  }
}

// The connection, and in each route table of its tiers a route to the other
// side's block: tiers of one class share their tables (lower_vpc), so a
// table gets one route however many of its tiers are named.
void Lowering::lower_peering(const model::Peering &p) {
  const std::string word = logical_id::leading_word(p.name) + "Peering";
  aws::VpcPeeringConnection c;
  c.id = word;
  c.vpc = vpc_ids_.at(*p.vpc);
  c.tags = tags("pcx", p.name);
  if (p.peer_vpc) {
    c.peer_vpc = vpc_ids_.at(*p.peer_vpc);
    c.auto_accept = true;
  } else {
    c.peer_vpc_id = p.peer_vpc_id;
    c.peer_region = p.cross_region(m_.stack) ? p.peer_region : "";  // the stack's own need not be said
    c.peer_owner = p.peer_owner;
    c.auto_accept = p.peer_owner.empty() && !p.cross_region(m_.stack);
  }
  const std::string id = add(std::move(c)).id;  // a copy: adding the routes moves the stack's resources
  if (p.peer_vpc) peerings_.try_emplace(std::minmax(*p.vpc, *p.peer_vpc), id);
  std::set<std::string> routed;
  for (const auto &[tier, destination] : model::peering_routes(m_, p))
    for (const auto &rt : route_tables_.at(tier.vpc).at(tier.tier))
      if (routed.insert(rt).second)
        add(aws::Route{rt + word + "Route", rt, "", "", {}, id, destination.str()});
}

// A gateway endpoint, associated with the route tables of its tiers.
void Lowering::lower_endpoint(const model::GatewayEndpoint &e) {
  aws::Ids tables;
  std::set<std::string> seen;
  for (const auto &tier : e.tiers)
    for (const auto &rt : route_tables_.at(tier.vpc).at(tier.tier))
      if (seen.insert(rt).second) tables.push_back(rt);
  aws::VpcEndpoint endpoint;
  endpoint.id = logical_id::leading_word(e.name) + "GatewayEndpoint";
  endpoint.vpc = vpc_ids_.at(*e.vpc);
  endpoint.service_name = AwsCatalog::endpoint_service_name(m_.stack.region, e.service);
  endpoint.route_tables = std::move(tables);
  add(std::move(endpoint));
}

// Every chain endpoint has its own security group: one named in no chain
// then accepts nothing.
void Lowering::lower_group(std::size_t i) {
  const model::Resource &r = *m_.resources[i];
  const std::string word(r.kind->name_tag_word);
  model::Endpoint self;
  self.kind = model::Endpoint::Kind::Resource;
  self.index = i;
  groups_[i] = add(aws::SecurityGroup{logical_id::security_group(m_, self), vpc_ids_[r.subnets->vpc],
                                      fmt::format("archc {} {}", word, r.name), tags("sg", word + "-" + r.name),
                                      r.chain_egress})
                   .id;
}

void Lowering::lower_edge(const model::Edge &edge) {
  const std::string &target = groups_.at(edge.to.index);
  const auto sources = logical_id::rule_peers(m_, edge.from);
  for (const auto &port : edge.ports) {
    for (const auto &source : sources) {
      const std::string group = source.cidr.empty() ? groups_.at(edge.from.index) : "";
      // The same rule twice is an error in AWS; duplicates are linted.
      if (!rules_.insert(std::make_tuple(target, port.protocol, port.lo, port.hi, source.cidr, group)).second) continue;
      add(aws::IngressRule{logical_id::ingress_rule(target, source, port), target, port.protocol, port.lo, port.hi,
                           source.cidr, group, fmt::format("from {} to {}", m_.describe(edge.from), m_.describe(edge.to)),
                           group.empty() ? aws::Ids{} : peering_of(edge.from.index, edge.to.index)});
    }
  }
  // A source whose egress the chains restrict sends what its edges open.
  if (edge.from.is_resource() && m_.resources[edge.from.index]->chain_egress) lower_egress(edge);
}

aws::Ids Lowering::peering_of(std::size_t from, std::size_t to) const {
  const std::size_t a = m_.resources[from]->subnets->vpc, b = m_.resources[to]->subnets->vpc;
  if (a == b) return {};
  const auto it = peerings_.find(std::minmax(a, b));
  return it == peerings_.end() ? aws::Ids{} : aws::Ids{it->second};
}

// The egress rules of an edge's source, a resource with `egress = "chain"`,
// to its target: a group, or address blocks.
void Lowering::lower_egress(const model::Edge &edge) {
  const std::string &group = groups_.at(edge.from.index);
  for (const auto &port : edge.ports) {
    for (const auto &destination : logical_id::rule_peers(m_, edge.to)) {
      const std::string to_group = destination.cidr.empty() ? groups_.at(edge.to.index) : "";
      if (!egress_rules_.insert(std::make_tuple(group, port.protocol, port.lo, port.hi, destination.cidr, to_group)).second)
        continue;
      add(aws::EgressRule{logical_id::egress_rule(group, destination, port), group, port.protocol, port.lo, port.hi,
                          destination.cidr, to_group,
                          fmt::format("from {} to {}", m_.describe(edge.from), m_.describe(edge.to)),
                          to_group.empty() ? aws::Ids{} : peering_of(edge.from.index, edge.to.index)});
    }
  }
}

// A network ACL, its entries and its tier's associations. A rule with a
// tier peer is one entry a subnet of that tier, numbered on from the rule's
// number (the nacl-rule-number check keeps them apart from the others).
void Lowering::lower_nacl(const model::Nacl &nacl) {
  const std::string base = logical_id::leading_word(nacl.name) + "NetworkAcl";
  const std::string acl = add(aws::NetworkAcl{base, vpc_ids_.at(nacl.tier->vpc), tags("nacl", nacl.name)}).id;
  for (const bool egress : {false, true}) {
    for (const auto &rule : egress ? nacl.outbound : nacl.inbound) {
      int number = rule.number;
      for (const auto &block : rule.blocks) {
        add(aws::NetworkAclEntry{fmt::format("{}{}{}", base, egress ? "Out" : "In", number), acl, number, egress,
                                 rule.allow, rule.ports.protocol, rule.ports.lo, rule.ports.hi, block.str()});
        ++number;
      }
    }
  }
  for (const auto &subnet : subnet_ids(*nacl.tier))
    add(aws::SubnetNetworkAclAssociation{subnet + "NetworkAclAssociation", subnet, acl});
}

std::string Lowering::image_parameter(const std::string &alias) {
  // Asgs of one image share its parameter. Aliases have distinct words (a
  // unit test holds stdlib/images.json to that), so no other alias meets it.
  const std::string id = logical_id::leading_word(alias) + "ImageId";
  if (ids_.insert(id).second) out_.images.push_back({id, *AwsCatalog::get().image_parameter(alias)});
  return id;
}

aws::Stack lower(const model::Model &m) { return Lowering(m).run(); }

}  // namespace archc
