// The typed architecture model: what a .arch file means once names are
// resolved and values checked. It knows nothing of YAML, JSON or AWS
// resource types; lowering turns it into AWS resources.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/cidr.hpp"
#include "source/source_file.hpp"

namespace archc::model {

struct Tag {
  std::string key, value;
  SourceRange range;  // of the value; invalid for tags archc makes
};

struct Stack {
  std::string name;
  std::string region = "us-east-1";
  std::vector<Tag> tags;
  SourceRange range;  // of the stack block; invalid when there is none
};

enum class NatMode { None, Single, PerZone };

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
};

struct Vpc {
  std::string name;
  SourceRange range;
  Cidr cidr;  // prefix 0 until a valid `cidr` is read (valid ones are /16../28)
  SourceRange cidr_range;
  std::vector<std::string> zones;  // letters
  SourceRange zones_range;
  NatMode nat = NatMode::PerZone;
  SourceRange nat_range;
  std::vector<Tier> tiers;
  bool has_public_tier() const;
};

struct TierRef {
  std::size_t vpc = 0, tier = 0;
  SourceRange range;
};

struct Listener {
  std::string name;
  SourceRange range;
  int port = 0;
  std::optional<int> redirect;  // HTTPS port to redirect to (HTTP 301)
  std::optional<std::string> certificate;
  std::optional<std::size_t> forward;  // index into Model::asgs
  SourceRange forward_range;
  bool https() const { return certificate.has_value(); }
};

struct Alb {
  std::string name;
  SourceRange range;
  TierRef subnets;
  std::vector<Listener> listeners;
  bool internet_facing = false;  // from the tier: public tiers face the internet
};

struct Asg {
  std::string name;
  SourceRange range;
  TierRef subnets;
  std::string instance_type = "t3.micro";
  std::string image = "al2023";  // alias from stdlib/images.json or an ami- id
  SourceRange image_range;
  int min = 1, max = 1, desired = 1;
  int port = 80;
  std::string health_check = "/";
  int health_check_grace = 300;  // seconds
  std::optional<int> scale_cpu;
  std::optional<std::string> user_data;
  SourceRange user_data_range;
};

struct Rds {
  std::string name;
  SourceRange range;
  std::string engine = "mysql";
  std::optional<std::string> engine_version;
  std::string instance_class = "db.t3.micro";
  TierRef subnets;
  int storage = 20;
  bool multi_az = false;
  SourceRange multi_az_range;
  int replicas = 0;
  SourceRange replicas_range;
  std::optional<std::string> replica_class;  // defaults to instance_class
  std::optional<std::string> database;
  int backup_retention = 7;  // days; 0 turns backups off
  SourceRange backup_retention_range;
};

// What an edge endpoint names.
struct Endpoint {
  enum class Kind { Internet, Cidr, Alb, Asg, Rds, Vpc, Tier } kind = Kind::Internet;
  std::size_t index = 0;  // into the list of its kind (Vpc: vpcs; Tier: vpc in `tier.vpc`)
  TierRef tier;           // Kind::Tier
  Cidr cidr;              // Kind::Cidr
  SourceRange range;
  bool is_resource() const { return kind == Kind::Alb || kind == Kind::Asg || kind == Kind::Rds; }
};

struct PortRange {
  int lo = 0, hi = 0;
  SourceRange range;
};

struct Edge {
  Endpoint from, to;
  std::vector<PortRange> ports;
  SourceRange range;
};

struct Chain {
  std::string name;
  SourceRange range;
  std::vector<Edge> edges;
};

struct Model {
  Stack stack;
  std::vector<Vpc> vpcs;
  std::vector<Alb> albs;
  std::vector<Asg> asgs;
  std::vector<Rds> rdss;
  std::vector<Chain> chains;

  const Tier& tier(const TierRef& r) const { return vpcs[r.vpc].tiers[r.tier]; }
  // The address blocks an edge source stands for: 0.0.0.0/0 for internet,
  // the VPC's block, one block per subnet of a tier; none for a resource
  // (whose security group is the source).
  std::vector<Cidr> source_cidrs(const Endpoint& e) const;
  const Vpc& vpc_of(const TierRef& r) const { return vpcs[r.vpc]; }
};

}  // namespace archc::model
