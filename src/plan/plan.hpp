// The resolved architecture as a user reads it before deploying: every
// subnet with its zone, size and route, every NAT, every security-group
// rule, and every chain endpoint (load balancer, auto scaling group,
// database ...) as its kind's `plan` hook shows it.
//
// It is computed from the model alone, never from the lowering, so that a
// deployed stack can be checked against it: a broken lowering then shows as
// a difference instead of being copied into the expectation. The rules it
// mirrors are LANGUAGE.md §5.
//
// Things AWS names are named by their Name tag
// (`<stack>-<kind>-<name>[-<zone>]`), the name a user finds in the console and
// the one tests resolve ids to.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/kind.hpp"
#include "model/model.hpp"

namespace archc::plan {

// A subnet's default route (0.0.0.0/0).
struct Route {
  enum class Via { None, InternetGateway, Nat } via = Via::None;
  std::string gateway;  // Name tag of the gateway, empty for None
  std::string zone;     // full zone name of the NAT, for Nat
};

struct Subnet {
  std::string name;  // Name tag
  std::string zone;  // full zone name, e.g. ap-northeast-2a
  std::string cidr;
  std::uint64_t usable = 0;  // addresses left after the five AWS keeps
  bool map_public_ip = false;
  std::string route_table;  // Name tag
  Route route;
};

struct Tier {
  std::string name;              // as in the source
  std::string ref;               // vpc.<vpc>.<tier>
  const char *kind = "private";  // public | private | isolated
  std::vector<Subnet> subnets;   // in zone order
};

struct NatGateway {
  std::string name, zone;
  std::string subnet;  // Name tag of the public subnet it sits in
};

// A route to a peer VPC's block through a peering connection.
struct PeeringRoute {
  std::string destination;  // the peer's CIDR block
  std::string peering;      // Name tag of the connection
};

struct RouteTable {
  std::string name;
  Route route;
  std::vector<std::string> subnets;  // Name tags
  std::vector<PeeringRoute> peering_routes;
};

// A VPC peering connection: the requester is a VPC of the file; the
// accepter one of the file (peer_vpc) or one outside (peer_vpc_id ...).
struct Peering {
  std::string name, tag;      // source name, Name tag
  std::string vpc;            // requester's source name
  std::string peer_vpc;       // accepter's source name, or empty
  std::string peer_vpc_id;    // an outside accepter's id
  std::string peer_cidr;      // the accepter's block
  std::string peer_region;    // the accepter's region
  std::string peer_owner;     // empty: the stack's account
  std::vector<std::string> route_tables;  // Name tags of the tables with a route through it
};

// A gateway VPC endpoint.
struct GatewayEndpoint {
  std::string name, vpc, service;
  std::string service_name;               // com.amazonaws.<region>.<service>
  std::vector<std::string> route_tables;  // Name tags
};

struct Vpc {
  std::string name, tag, cidr;
  std::vector<std::string> zones;  // full names
  const char *nat_mode = "per-zone";
  std::optional<std::string> internet_gateway;  // Name tag
  std::vector<NatGateway> nat_gateways;
  std::vector<RouteTable> route_tables;
  std::vector<Tier> tiers;
};

// A rule of a security group: ingress from its peer, or egress to it, a
// CIDR or another resource's group.
struct Rule {
  model::Protocol protocol = model::Protocol::Tcp;
  int from_port = 0, to_port = 0;  // TCP and UDP
  std::string cidr;   // or
  std::string group;  // Name tag of the peer's security group
  std::string peer;   // as in the source: internet, a CIDR, alb.web, vpc.lab.app ...
};
// Its ports as the text plan and hover show them: `22`, `8000-8100`, or
// `all` for ICMP and all traffic.
std::string rule_ports(const Rule &r);

struct SecurityGroup {
  std::string name;   // Name tag
  std::string owner;  // alb.web, asg.app, rds.main
  std::string vpc;
  std::vector<Rule> ingress;  // duplicates merged
  // With `egress = "chain"`, what it may send (duplicates merged); absent,
  // AWS's default: everything.
  std::optional<std::vector<Rule>> egress;
};

// An entry of a network ACL, as AWS lists it: a tier peer is one entry a
// subnet, numbered on from the rule's number.
struct NaclEntry {
  int number = 0;
  bool allow = true;
  model::Protocol protocol = model::Protocol::Tcp;
  int from_port = 0, to_port = 0;  // TCP and UDP
  std::string cidr;
  std::string peer;  // as in the source: 10.8.0.0/24, vpc.lab.app
};
// A network ACL and the subnets it is associated with.
struct NetworkAcl {
  std::string name;  // Name tag
  std::string nacl;  // its name in the source
  std::string vpc;   // Name tag
  std::string tier;  // vpc.<vpc>.<tier>
  std::vector<std::string> subnets;  // Name tags
  std::vector<NaclEntry> inbound, outbound;  // by number
};

// A table the text plan prints under a resource, with a title line above
// it (an alb's listeners).
struct Table {
  std::string title;
  std::vector<std::vector<std::string>> rows;
};

// What the plan shows of one chain endpoint or service, made by its kind's
// `plan` hook (model::KindSpec::plan).
struct Entry {
  const model::KindSpec *kind = nullptr;
  // vpc.<vpc>.<tier>: the text plan shows it under that tier; empty for a
  // service, which the text plan shows after the VPCs.
  std::string tier;
  std::string security_group;  // Name tag: the text plan lists its ingress rules last; empty for a service
  // Text: the line naming it ("alb web  internet-facing"), then rows of a
  // label and a value, then its tables.
  std::string heading;
  std::vector<std::pair<std::string, std::string>> facts;
  std::vector<Table> tables;
  // JSON: its object in the array `kind->plan_key` (docs/plan.md).
  nlohmann::ordered_json json;
};

// A JSON value, or null when absent.
template <typename T>
nlohmann::ordered_json or_null(const std::optional<T> &v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

struct Plan {
  std::string stack, region;
  std::vector<model::Tag> tags;
  std::vector<Vpc> vpcs;
  std::vector<Peering> peerings;
  std::vector<GatewayEndpoint> gateway_endpoints;
  std::vector<SecurityGroup> security_groups;  // of the resources, in their order
  std::vector<NetworkAcl> network_acls;        // in source order
  // The chain endpoints, then the services: kind by kind in registration
  // order, each in source order.
  std::vector<Entry> resources;
};

// The plan of a model without errors.
Plan make_plan(const model::Model &m);

// For people: aligned, grouped per VPC and tier.
std::string render_text(const Plan &p);
// For tools: the schema is docs/plan.md.
std::string render_json(const Plan &p);

}  // namespace archc::plan
