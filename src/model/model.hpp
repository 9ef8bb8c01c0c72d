// The typed architecture model: what a .arch file means once names are
// resolved and values checked. It knows nothing of YAML, JSON or AWS
// resource types; lowering turns it into AWS resources.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "model/cidr.hpp"
#include "model/protocol.hpp"
#include "model/kind.hpp"
#include "source/source_file.hpp"

namespace archc::model {

struct Tag {
  std::string key, value;
  SourceRange range;  // of the value; invalid for tags archc makes
};

// How a load balancer checks the targets of a target group over HTTP. The
// defaults are AWS's for an HTTP target group of instances (ELBv2
// CreateTargetGroup), written out by both backends: the Terraform
// provider's own defaults differ (3 and 3 for the thresholds).
struct HealthCheck {
  std::string path = "/";
  std::string success_codes = "200";  // Matcher HttpCode: "200", "200,302" or "200-399"
  int interval = 30;                  // seconds between checks of a target, 5-300
  int timeout = 6;                    // seconds without an answer that fail a check, 2-120, below interval
  int healthy_threshold = 5;          // consecutive successes that make a target healthy, 2-10
  int unhealthy_threshold = 2;        // consecutive failures that make it unhealthy, 2-10
};

struct Stack {
  std::string name;
  std::string region = "us-east-1";
  std::vector<Tag> tags;
  SourceRange range;  // of the stack block; invalid when there is none
};

enum class NatMode { None, Single, PerZone };

// A `name` the source gives an AWS resource's Name tag instead of the one
// archc derives (model/name_tag.hpp), and where it is written.
struct NameOverride {
  std::string value;
  SourceRange range;
};

// A subnet tier: one subnet per zone of its VPC.
struct Tier {
  std::string name;
  SourceRange range;
  bool is_public = false;
  bool isolated = false;
  std::vector<Cidr> cidrs;              // one per zone, in zone order
  std::vector<SourceRange> cidr_ranges;  // where each came from (the `size` attribute when allocated)
  std::optional<int> size;              // prefix length when archc allocates
  bool is_private() const { return !is_public && !isolated; }
  // Which of its VPC's route tables its subnets use: lowering makes one
  // public table, one private table a zone and one isolated table, which
  // the tiers of a class share, so a route added for one of them serves all.
  enum class RouteTables { Public, Private, Isolated };
  RouteTables route_tables() const {
    return is_public ? RouteTables::Public : isolated ? RouteTables::Isolated : RouteTables::Private;
  }
};

struct Vpc {
  std::string name;
  SourceRange range;
  std::optional<Cidr> cidr;  // absent until a valid `cidr` is read
  SourceRange cidr_range;
  std::vector<std::string> zones;  // letters
  SourceRange zones_range;
  NatMode nat = NatMode::PerZone;
  SourceRange nat_range;
  std::vector<Tier> tiers;
  // `igw_name` and `nat_names`: the Name tags of its internet gateway and,
  // in zone order, of its NAT gateways, when the source names them.
  std::optional<NameOverride> igw_name;
  std::vector<NameOverride> nat_names;
  bool has_public_tier() const;
  // The tier its NAT gateways sit in: the first public tier, when the VPC
  // has NAT and a private tier to use it.
  std::optional<std::size_t> nat_tier() const;
  // How many NAT gateways it has: one a zone, one, or none.
  std::size_t nat_gateways() const;
};

struct TierRef {
  std::size_t vpc = 0, tier = 0;
  SourceRange range;  // of the reference
};

// A block of a kind with hooks (model::KindSpec): a chain endpoint
// (Resource) or a service outside every VPC (an IAM role, a secret ...).
// Each kind derives its own type (src/model/<kind>.hpp) and is declared in
// src/kinds/<kind>.cpp. What a broken block could not give stays absent, so
// checks skip it instead of reading a made-up default.
struct Block {
  const KindSpec* kind = nullptr;
  std::string name;
  SourceRange range;  // of the name
  // False when an item of its block did not parse: an attribute may then
  // hold a default that the source does not say, so checks that judge its
  // attributes skip it.
  bool complete = true;

  virtual ~Block() = default;
  // `alb.web`: how the source refers to it.
  std::string ref() const { return fmt::format("{}.{}", kind->keyword, name); }
};

// A block placed in a tier that owns a security group: an alb, asg, rds ...
struct Resource : Block {
  std::optional<TierRef> subnets;  // absent when missing or unresolved
  // `egress = "chain"`: its group sends only what the chain edges from it
  // open (docs/language.md, "Egress"); otherwise AWS's default, everything.
  bool chain_egress = false;
  SourceRange egress_range;  // of the attribute's value, when written

  // What an edge to it opens when the edge names no ports: TCP ports.
  virtual std::vector<int> serving_ports() const = 0;
  // The most addresses it may take in one subnet of its tier (a network
  // interface takes one), when everything it may place lands there.
  virtual std::uint64_t addresses_in_one_subnet() const = 0;
  // The most it takes in one subnet while all `zones` zones of its tier
  // serve; as much as addresses_in_one_subnet() unless it balances what it
  // places across them.
  virtual std::uint64_t addresses_in_one_subnet_balanced(std::size_t /*zones*/) const {
    return addresses_in_one_subnet();
  }
};

// What an edge endpoint names.
struct Endpoint {
  enum class Kind { Internet, Cidr, Vpc, Tier, Resource } kind = Kind::Internet;
  std::size_t index = 0;  // Vpc: into Model::vpcs; Resource: into Model::resources
  TierRef tier;           // Kind::Tier
  Cidr cidr;              // Kind::Cidr
  SourceRange range;
  bool is_resource() const { return kind == Kind::Resource; }
};

// What an edge opens: a protocol and, for TCP and UDP, the ports lo..hi
// (inclusive, 1-65535). ICMP and `all` have no ports: lo = 0, hi = 65535.
struct PortRange {
  int lo = 0, hi = 0;
  SourceRange range;
  Protocol protocol = Protocol::Tcp;
  // Whether it lets `port` of `protocol` (TCP or UDP) through: `all` does,
  // ICMP never does.
  bool opens(Protocol p, int port) const { return (protocol == p || protocol == Protocol::All) && lo <= port && port <= hi; }
};

struct Edge {
  Endpoint from, to;
  std::vector<PortRange> ports;
  SourceRange range;
};

// A network ACL rule (`nacl` blocks, docs/language.md "Network ACLs"): AWS
// evaluates a direction's rules in number order, the first that matches a
// packet decides, and a packet no rule matches is denied (VPC User Guide,
// "Network ACL rules").
struct NaclRule {
  int number = 0;  // as written; AWS takes 1-32766
  bool allow = true;
  PortRange ports;  // the protocol and, for TCP and UDP, the ports it matches
  // The peer's address blocks: the CIDR written, or one per subnet of the
  // tier named (in zone order), which lowering writes as one entry each,
  // numbered `number`, `number + 1` ... (numbers()).
  std::vector<Cidr> blocks;
  std::optional<TierRef> tier;  // when the peer is a tier
  std::string peer;             // as written: `10.8.0.0/24`, `vpc.lab.app`
  SourceRange range;            // of the rule's string
  SourceRange number_range;     // of its number (the string's when it is not in the source as is)
  // The last number its entries take: one a block.
  int last_number() const { return number + static_cast<int>(blocks.empty() ? 0 : blocks.size() - 1); }
};

// A network ACL on a tier: what its subnets let in (`inbound`) and out
// (`outbound`), each direction's rules sorted by number. Stateless: a reply
// is checked against the rules like any packet.
struct Nacl {
  std::string name;
  SourceRange range;  // of the name
  std::optional<TierRef> tier;
  std::vector<NaclRule> inbound, outbound;  // by number; a rule that could not be read is absent
  SourceRange inbound_range, outbound_range;  // of each list, invalid when not written
  // Every rule was read, and no direction holds more entries than AWS
  // takes (checks/nacl_rule_number.cpp reports them): nacl-blocks-flow,
  // whose cost grows with the square of the rules, judges no other.
  bool complete = true;
};

struct Chain {
  std::string name;
  SourceRange range;
  std::vector<Edge> edges;   // into a resource: ingress rules of its group
  std::vector<Edge> egress;  // from a resource to `internet` or a CIDR: egress rules of the source's group
};

// A VPC peering connection (docs/language.md, "Peering"): from a VPC of the
// file to another VPC of the file (`peer_vpc`), or to one outside the stack
// named by id, block, region and account. Routes to the other side's block
// go into the route tables of `tiers` (EC2 CreateVpcPeeringConnection,
// CreateRoute with VpcPeeringConnectionId).
struct Peering {
  std::string name;
  SourceRange range;  // of the name
  std::optional<std::size_t> vpc;  // the requester, into Model::vpcs; absent when unresolved
  SourceRange vpc_range;
  std::optional<std::size_t> peer_vpc;  // the accepter, when it is a VPC of the file
  SourceRange peer_vpc_range;
  // The accepter outside the stack (when peer_vpc is absent):
  std::string peer_vpc_id;        // vpc-...
  std::optional<Cidr> peer_cidr;  // its block, which the routes lead to
  SourceRange peer_cidr_range;
  std::string peer_region;  // empty: the stack's region
  SourceRange peer_region_range;
  std::string peer_owner;   // 12-digit account id; empty: the stack's account
  // The tiers whose route tables lead to the other side; when `tiers` is
  // not written, every tier of both VPCs of the file.
  std::vector<TierRef> tiers;
  bool tiers_given = false;
  SourceRange tiers_range;
  std::size_t tiers_written = 0;  // items of the list as written
  // Whether the accepter lies in another region than the stack: its
  // security groups cannot be named in rules (EC2 security groups, "Update
  // your security groups to reference peer security groups").
  bool cross_region(const Stack& s) const { return !peer_region.empty() && peer_region != s.region; }
};

// A gateway VPC endpoint (docs/language.md, "Gateway endpoints"): S3 or
// DynamoDB reached from the route tables of `tiers` without a NAT gateway
// (EC2 CreateVpcEndpoint, VpcEndpointType Gateway).
struct GatewayEndpoint {
  std::string name;
  SourceRange range;  // of the name
  std::optional<std::size_t> vpc;  // into Model::vpcs
  SourceRange vpc_range;
  std::string service;  // "s3" or "dynamodb"; empty when unread
  SourceRange service_range;
  std::vector<TierRef> tiers;  // those that resolved, in the endpoint's VPC
  SourceRange tiers_range;     // of the list, when written
  std::size_t tiers_written = 0;  // items of the list as written
};

struct Model {
  Stack stack;
  std::vector<Vpc> vpcs;
  std::vector<Peering> peerings;                  // in declaration order
  std::vector<GatewayEndpoint> gateway_endpoints;  // in declaration order
  std::vector<std::unique_ptr<Resource>> resources;  // in declaration order, every kind
  // The blocks of the service kinds (KindSpec::service), in declaration order.
  std::vector<std::unique_ptr<Block>> services;
  std::vector<Chain> chains;
  std::vector<Nacl> nacls;  // in declaration order
  // False when the file holds more than the model could take in: a block
  // that could not be read, an edge dropped for a broken endpoint or port.
  // Checks that conclude from something missing (no edge reaches it, no
  // resource uses that tier) then skip, since it may be in the broken part.
  bool all_edges_read = true;
  bool all_placements_read = true;  // every chain endpoint is here, `subnets` resolved

  // The resources of type T (a kind's model type), in declaration order.
  template <typename T>
  std::vector<const T*> all() const {
    std::vector<const T*> out;
    for (const auto& r : resources)
      if (const auto* t = dynamic_cast<const T*>(r.get())) out.push_back(t);
    for (const auto& s : services)
      if (const auto* t = dynamic_cast<const T*>(s.get())) out.push_back(t);
    return out;
  }
  // Indexes into `resources`, kind by kind in registration order, then in
  // declaration order: the order of security groups and of lowering.
  std::vector<std::size_t> resources_by_kind() const;
  // Indexes into `services`, in the same order.
  std::vector<std::size_t> services_by_kind() const;

  const Tier& tier(const TierRef& r) const { return vpcs[r.vpc].tiers[r.tier]; }
  // The address blocks an edge source stands for: 0.0.0.0/0 for internet,
  // the VPC's block, one block per subnet of a tier; none for a resource
  // (whose security group is the source).
  std::vector<Cidr> source_cidrs(const Endpoint& e) const;
  // How the source writes it: `internet`, `203.0.113.7/32`, `vpc.lab`,
  // `vpc.lab.app`, `alb.web`.
  std::string describe(const Endpoint& e) const;
  const Vpc& vpc_of(const TierRef& r) const { return vpcs[r.vpc]; }
};

}  // namespace archc::model
