// The resolved architecture as a user reads it before deploying: every
// subnet with its zone, size and route, every NAT, every security-group
// rule, the load balancers, auto scaling groups and databases.
//
// It is computed from the model alone, never from the lowering, so that a
// deployed stack can be checked against it: a broken lowering then shows as
// a difference instead of being copied into the expectation. The rules it
// mirrors are LANGUAGE.md §5.
//
// Things AWS names are named by their Name tag (`<stack>-<kind>-<name>[-<zone>]`),
// the name a user finds in the console and the one tests resolve ids to.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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
  std::string name;  // as in the source
  std::string ref;   // vpc.<vpc>.<tier>
  const char* kind = "private";  // public | private | isolated
  std::vector<Subnet> subnets;   // in zone order
};

struct NatGateway {
  std::string name, zone;
  std::string subnet;  // Name tag of the public subnet it sits in
};

struct RouteTable {
  std::string name;
  Route route;
  std::vector<std::string> subnets;  // Name tags
};

struct Vpc {
  std::string name, tag, cidr;
  std::vector<std::string> zones;  // full names
  const char* nat_mode = "per-zone";
  std::optional<std::string> internet_gateway;  // Name tag
  std::vector<NatGateway> nat_gateways;
  std::vector<RouteTable> route_tables;
  std::vector<Tier> tiers;
};

// A TCP ingress rule: from a CIDR or from another resource's group.
struct Rule {
  int from_port = 0, to_port = 0;
  std::string cidr;          // or
  std::string source_group;  // Name tag of the source's security group
  std::string source;        // as in the source: internet, a CIDR, alb.web, vpc.lab.app ...
};

struct SecurityGroup {
  std::string name;   // Name tag
  std::string owner;  // alb.web, asg.app, rds.main
  std::string vpc;
  std::vector<Rule> ingress;  // duplicates merged
};

struct TargetGroup {
  std::string name;  // Name tag
  std::string asg;   // the asg it forwards to, as in the source
  int port = 80;
  std::string health_check_path;
};

struct Listener {
  std::string name;
  int port = 80;
  bool https = false;
  std::optional<std::string> certificate;
  std::optional<int> redirect_port;  // HTTP 301 to HTTPS on this port, or
  std::string target_group;          // forward to this (Name tag)
};

struct LoadBalancer {
  std::string name, tag;
  bool internet_facing = false;
  std::string tier;                  // vpc.<vpc>.<tier>
  std::vector<std::string> subnets;  // Name tags
  std::string security_group;
  std::vector<Listener> listeners;
  std::vector<TargetGroup> target_groups;  // in order of first use
};

struct AutoScalingGroup {
  std::string name, tag;
  std::string tier;
  std::vector<std::string> subnets;
  std::string instance_type, image;
  std::optional<std::string> image_parameter;  // SSM path of an image alias
  int port = 80;
  int min = 1, max = 1, desired = 1;
  std::vector<std::string> target_groups;  // of every alb forwarding to it
  int health_check_grace = 300;            // applies to ELB health checks
  std::optional<int> scale_cpu;            // target average CPU %
  std::string security_group;
  bool elb_health_checks() const { return !target_groups.empty(); }
};

struct Replica {
  std::string name;  // Name tag
  std::string instance_class;
};

struct Database {
  std::string name, tag;
  std::string engine;  // as AWS names it
  std::optional<std::string> engine_version;
  int port = 0;
  std::string instance_class;
  int storage = 20;  // GiB
  bool multi_az = false;
  std::string tier;
  std::string subnet_group;  // Name tag
  std::vector<std::string> subnets;
  std::string security_group;
  std::optional<std::string> database;
  int backup_retention = 7;
  std::vector<Replica> replicas;
};

struct Plan {
  std::string stack, region;
  std::vector<model::Tag> tags;
  std::vector<Vpc> vpcs;
  std::vector<SecurityGroup> security_groups;  // albs, then asgs, then rdss
  std::vector<LoadBalancer> load_balancers;
  std::vector<AutoScalingGroup> auto_scaling_groups;
  std::vector<Database> databases;
};

// The plan of a model without errors.
Plan make_plan(const model::Model& m);

// For people: aligned, grouped per VPC and tier.
std::string render_text(const Plan& p);
// For tools: the schema is docs/plan.md.
std::string render_json(const Plan& p);

}  // namespace archc::plan
