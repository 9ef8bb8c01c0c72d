// `cache`: an in-memory cache in a tier, ElastiCache for Redis OSS (a
// replication group with cluster mode disabled: one primary and its
// replicas, over a subnet group of the tier's subnets).
#include "model/cache.hpp"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "graph/graph.hpp"
#include "kinds/kinds.hpp"
#include "lower/lowering.hpp"
#include "model/logical_id.hpp"
#include "plan/planner.hpp"
#include "sema/kind_reader.hpp"

namespace archc::kinds {

namespace {

using model::AttributeSpec;
using model::ValueType;

// The most characters of an ElastiCache name: a ReplicationGroupId holds
// 1-40 lowercase letters, digits and hyphens, starts with a letter, and has
// no two hyphens in a row and none at its end (ElastiCache API Reference,
// CreateReplicationGroup). Subnet group names allow 255; one name serves both.
constexpr std::size_t kMaxNameLength = 40;

// The ElastiCache name of cache `name` of stack `stack`. Names are unique
// in an account and region, and lowercase: `<stack>-<name>` in lowercase,
// every byte other than a letter or digit a hyphen (runs of them one), cut
// to fit, then 8 hex digits of the FNV-1a hash of `<stack>/<name>` as
// written, which keeps apart what the readable part merges (`Web` and
// `web`; stack `a` with cache `b-c` and stack `a-b` with cache `c`). A
// stack name starts with a letter and holds no `/` (build_model.cpp).
std::string elasticache_name(std::string_view stack, std::string_view name) {
  std::string out;
  for (char ch : fmt::format("{}-{}", stack, name)) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += ch;
    else if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    else if (out.back() != '-') out += '-';
  }
  constexpr std::size_t kHashLength = 9;  // "-" and 8 hex digits
  out.resize(std::min(out.size(), kMaxNameLength - kHashLength));
  while (out.back() == '-') out.pop_back();
  std::uint32_t hash = 2166136261u;
  for (char ch : fmt::format("{}/{}", stack, name)) hash = (hash ^ static_cast<unsigned char>(ch)) * 16777619u;
  return fmt::format("{}-{:08x}", out, hash);
}

// `text` split at each `.`, each part non-empty and of `allowed` characters.
bool dotted(std::string_view text, std::size_t min_parts, std::size_t max_parts, bool (*allowed)(char)) {
  std::size_t parts = 1;
  std::size_t part_length = 0;
  for (char c : text) {
    if (c == '.') {
      if (part_length == 0) return false;
      ++parts, part_length = 0;
    } else if (allowed(c)) {
      ++part_length;
    } else {
      return false;
    }
  }
  return part_length > 0 && parts >= min_parts && parts <= max_parts;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z'); }

// cache.FAMILY.SIZE (ElastiCache User Guide, "Supported node types").
bool is_node_type(std::string_view v) {
  return v.starts_with("cache.") && dotted(v.substr(6), 2, 2, is_lower_alnum);
}

// MAJOR[.MINOR[.PATCH]]: 7, 7.1, 6.2.6.
bool is_version(std::string_view v) { return dotted(v, 1, 3, is_digit); }

void read_cache(KindReader& r, model::Block& resource) {
  auto& cache = static_cast<model::Cache&>(resource);
  if (auto v = r.string("node_type")) {
    if (is_node_type(*v))
      cache.node_type = *v;
    else
      r.diags().report(Rule::InvalidValue, r.get("node_type")->value->range,
                       fmt::format("`node_type` is an ElastiCache node type such as cache.t3.micro, not `{}`", *v));
  }
  if (auto v = r.string("version")) {
    if (is_version(*v))
      cache.engine_version = *v;
    else
      r.diags().report(Rule::InvalidValue, r.get("version")->value->range,
                       fmt::format("`version` is a Redis OSS version such as 7.1, not `{}`", *v));
  }
  const auto nodes = r.integer("nodes");
  if (nodes) cache.nodes = *nodes;
  if (auto v = r.boolean("tls")) cache.tls = *v;
  const auto multi_az = r.boolean("multi_az");
  if (!multi_az || !*multi_az) return;
  cache.multi_az = true;
  // Multi-AZ fails over to a replica in another zone: AWS refuses it
  // without automatic failover, which needs a replica (ElastiCache User
  // Guide, "Minimizing downtime with Multi-AZ"). A `nodes` that could not
  // be read says nothing of the replicas, nor do zones that could not.
  const SourceRange at = r.get("multi_az")->value->range;
  const bool nodes_known = nodes || (!r.get("nodes") && !r.broken());
  if (cache.nodes < 2 && nodes_known)
    r.diags().report(Rule::InvalidValue, at,
                     "`multi_az` fails over to a replica, and there is none: set `nodes` to 2 or more");
  else if (cache.nodes >= 2 && cache.subnets && r.model().vpc_of(*cache.subnets).zones.size() == 1)
    r.diags()
        .report(Rule::InvalidValue, at,
                fmt::format("`multi_az` puts a replica in another zone, and tier `{}` has one zone",
                            r.model().tier(*cache.subnets).name))
        .notes.push_back({r.model().tier(*cache.subnets).range, "the tier is here"});
}

void lower_cache(Lowering& lo, const model::Block& resource, std::size_t index) {
  const auto& cache = static_cast<const model::Cache&>(resource);
  const std::string base = logical_id::leading_word(cache.name) + "Cache";
  const std::string name = elasticache_name(lo.model().stack.name, cache.name);
  const std::string subnet_group =
      lo.add(aws::CacheSubnetGroup{base + "SubnetGroup", name, fmt::format("archc cache {} subnets", cache.name),
                                   lo.subnet_ids(*cache.subnets), lo.tags("cachesubnet", cache.name)})
          .id;
  aws::CacheReplicationGroup group;
  group.id = base;
  group.group_id = name;
  group.description = fmt::format("archc cache {}", cache.name);
  group.engine_version = cache.engine_version;
  group.node_type = cache.node_type;
  group.nodes = cache.nodes;
  group.multi_az = cache.multi_az;
  group.subnet_group = subnet_group;
  group.security_group = lo.security_group(index);
  group.port = model::Cache::kPort;
  group.transit_encryption = cache.tls;
  group.tags = lo.tags("cache", cache.name);
  const std::string id = lo.add(std::move(group)).id;
  lo.add_output({aws::Output::Kind::CacheAddress, base + "Endpoint", id,
                 fmt::format("primary endpoint address of cache {}", cache.name)});
}

plan::Entry plan_cache(plan::Planner& p, const model::Block& resource, std::size_t index) {
  const auto& cache = static_cast<const model::Cache&>(resource);
  const std::string name = elasticache_name(p.model().stack.name, cache.name);
  const std::vector<std::string> subnets = p.subnet_tags(*cache.subnets);
  const int replicas = cache.nodes - 1;
  plan::Entry e;
  e.heading = fmt::format("cache {}  redis{}  {}  {} node{}  {}", cache.name,
                          cache.engine_version ? " " + *cache.engine_version : "", cache.node_type, cache.nodes,
                          cache.nodes == 1 ? "" : "s", cache.multi_az ? "Multi-AZ" : "single-AZ");
  e.facts = {
      {"replication group", fmt::format("{} (primary and {} replica{})", name, replicas, replicas == 1 ? "" : "s")},
      {"subnet group", fmt::format("{} ({})", name, fmt::join(subnets, ", "))},
      {"port", std::to_string(model::Cache::kPort)},
      {"failover", cache.multi_az ? "automatic, to a replica in another zone" : "none"},
      {"protection", cache.tls ? "encrypted at rest and in transit (TLS)" : "encrypted at rest; plain text in transit"},
      {"security group", p.security_group(index)},
  };
  e.json = {{"name", cache.name},
            {"name_tag", p.tag("cache", cache.name)},
            {"replication_group_id", name},
            {"engine", "redis"},
            {"engine_version", plan::or_null(cache.engine_version)},
            {"port", model::Cache::kPort},
            {"node_type", cache.node_type},
            {"nodes", cache.nodes},
            {"multi_az", cache.multi_az},
            {"automatic_failover", cache.multi_az},
            {"encrypted_at_rest", true},
            {"encrypted_in_transit", cache.tls},
            {"tier", p.tier_ref(*cache.subnets)},
            {"subnet_group", {{"name_tag", p.tag("cachesubnet", cache.name)}, {"name", name}, {"subnets", subnets}}},
            {"security_group", p.security_group(index)}};
  return e;
}

graph::Drawing draw_cache(const model::Block& resource) {
  const auto& cache = static_cast<const model::Cache&>(resource);
  return {graph::Shape::Cache,
          cache.ref(),
          {fmt::format("ElastiCache Redis OSS{}", cache.engine_version ? " " + *cache.engine_version : ""),
           fmt::format("{} x {} node{}, {}", cache.node_type, cache.nodes, cache.nodes == 1 ? "" : "s",
                       cache.multi_az ? "Multi-AZ" : "single-AZ")}};
}

}  // namespace

const model::KindSpec& cache() {
  static const model::KindSpec kind{
      .keyword = "cache",
      .doc = "An in-memory cache (an archc extension): ElastiCache for Redis OSS, a primary and its replicas in a tier.",
      .attributes =
          {
              AttributeSpec{.name = "subnets",
                            .type = ValueType::TierRef,
                            .required = true,
                            .doc = "the tier of its subnet group; its nodes spread over the tier's zones"},
              AttributeSpec{.name = "node_type", .default_value = "`cache.t3.micro`", .doc = "the ElastiCache node type"},
              AttributeSpec{.name = "version", .default_value = "the engine's default", .doc = "the Redis OSS version"},
              AttributeSpec{.name = "nodes",
                            .type = ValueType::Integer,
                            .default_value = "`1`",
                            .min = 1,
                            .max = 6,
                            .unit = "nodes",
                            .doc = "the primary and its read replicas"},
              AttributeSpec{.name = "multi_az",
                            .type = ValueType::Bool,
                            .default_value = "`false`",
                            .doc = "fail over automatically to a replica in another zone; needs 2 nodes or more"},
              AttributeSpec{.name = "tls",
                            .type = ValueType::Bool,
                            .default_value = "`true`",
                            .doc = "encrypt in transit: clients connect with TLS"},
          },
      .chain_endpoint = true,
      .layer = model::Layer::Data,
      .name_tag_word = "cache",
      .make = []() -> std::unique_ptr<model::Block> { return std::make_unique<model::Cache>(); },
      .read = read_cache,
      .lower = lower_cache,
      .plan = plan_cache,
      .plan_key = "caches",
      .draw = draw_cache,
  };
  return kind;
}

}  // namespace archc::kinds
