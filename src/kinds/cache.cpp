// `cache`: an in-memory cache in a tier, ElastiCache for Redis OSS (a
// replication group with cluster mode disabled: one primary and its
// replicas, over a subnet group of the tier's subnets).
#include "model/cache.hpp"

#include <cstdint>

#include <fmt/format.h>
#include <fmt/ranges.h>

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

// The ElastiCache name of cache `name` of stack `stack`: names are unique in
// an account and region, so it starts with the stack's, whose first
// character is a letter (build_model.cpp). `<stack>-<name>` in
// lowercase, every other byte than a letter or digit a hyphen (runs of them
// one). Case is lost there, so a name with capitals gets 8 hex digits of a
// hash of the original (`Web` and `web`, which the name-collision check
// allows to differ only when their words do, never meet); so does a name
// cut to fit.
std::string elasticache_name(std::string_view stack, std::string_view name) {
  const std::string full = fmt::format("{}-{}", stack, name);
  std::string out;
  bool capitals = false;
  for (char ch : full) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 'A' && c <= 'Z') capitals = true;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += ch;
    else if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  constexpr std::size_t kHashLength = 9;  // "-" and 8 hex digits
  if (capitals || out.size() > kMaxNameLength) {
    std::uint32_t hash = 2166136261u;  // FNV-1a, 32 bits
    for (char ch : full) hash = (hash ^ static_cast<unsigned char>(ch)) * 16777619u;
    out.resize(std::min(out.size(), kMaxNameLength - kHashLength));
    while (out.back() == '-') out.pop_back();
    out += fmt::format("-{:08x}", hash);
  }
  while (out.back() == '-') out.pop_back();
  return out;
}

void read_cache(KindReader& r, model::Resource& resource) {
  auto& cache = static_cast<model::Cache&>(resource);
  if (auto v = r.string("node_type")) {
    if (v->rfind("cache.", 0) == 0)
      cache.node_type = *v;
    else
      r.diags().report(Rule::InvalidValue, r.get("node_type")->value->range,
                       fmt::format("`node_type` is an ElastiCache node type such as cache.t3.micro, not `{}`", *v));
  }
  cache.engine_version = r.string("version");
  if (auto v = r.integer("nodes")) cache.nodes = *v;
  if (auto v = r.boolean("tls")) cache.tls = *v;
  const auto multi_az = r.boolean("multi_az");
  if (!multi_az || !*multi_az) return;
  cache.multi_az = true;
  // Multi-AZ fails over to a replica in another zone: AWS refuses it
  // without automatic failover, which needs a replica (ElastiCache User
  // Guide, "Minimizing downtime with Multi-AZ").
  const SourceRange at = r.get("multi_az")->value->range;
  if (cache.nodes < 2)
    r.diags().report(Rule::InvalidValue, at,
                     "`multi_az` fails over to a replica, and there is none: set `nodes` to 2 or more");
  else if (cache.subnets && r.model().vpc_of(*cache.subnets).zones.size() < 2)
    r.diags()
        .report(Rule::InvalidValue, at,
                fmt::format("`multi_az` puts a replica in another zone, and tier `{}` has one zone",
                            r.model().tier(*cache.subnets).name))
        .notes.push_back({r.model().tier(*cache.subnets).range, "the tier is here"});
}

void lower_cache(Lowering& lo, const model::Resource& resource, std::size_t index) {
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

plan::Entry plan_cache(plan::Planner& p, const model::Resource& resource, std::size_t index) {
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
      .make = []() -> std::unique_ptr<model::Resource> { return std::make_unique<model::Cache>(); },
      .read = read_cache,
      .lower = lower_cache,
      .plan = plan_cache,
      .plan_key = "caches",
  };
  return kind;
}

}  // namespace archc::kinds
