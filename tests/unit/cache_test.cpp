// The `cache` kind (kinds/cache.cpp): what it reads and refuses, what it
// lowers to, and what the plan shows of it.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "lower/lower.hpp"
#include "plan/plan.hpp"
#include "test_support.hpp"

namespace {

using archc::test::compile;
using Strings = std::vector<std::string>;

// A VPC with a two-zone data tier and a one-zone VPC, then `cache`.
std::string with_cache(const std::string& stack, const std::string& cache) {
  return stack + R"(
vpc "main" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "app"  { cidrs = ["10.0.1.0/24", "10.0.2.0/24"] }
}
vpc "one" {
  cidr  = "10.1.0.0/16"
  zones = ["a"]
  subnet "data" { isolated = true, cidrs = ["10.1.1.0/24"] }
}
)" + cache;
}

// The fixture's unused tiers and unreached caches warn: tests look at errors.
using archc::test::error_briefs;
using archc::test::plan_of;

}  // namespace

TEST_CASE("a cache reads its attributes and defaults", "[cache]") {
  const auto plan = plan_of(with_cache(R"(stack "lab" { region = "us-east-1" })",
                                       R"(cache "sessions" { subnets = vpc.main.app })"));
  const auto& c = plan["caches"].at(0);
  CHECK(c["replication_group_id"] == "lab-sessions-27185690");
  CHECK(c["node_type"] == "cache.t3.micro");
  CHECK(c["nodes"] == 1);
  CHECK(c["multi_az"] == false);
  CHECK(c["encrypted_in_transit"] == true);
  CHECK(c["port"] == 6379);
  CHECK(c["subnet_group"]["subnets"] == Strings{"lab-subnet-main-app-a", "lab-subnet-main-app-b"});
}

TEST_CASE("an edge to a cache opens the Redis port", "[cache]") {
  const auto plan = plan_of(with_cache(R"(stack "lab" { region = "us-east-1" })", R"(
sg-chain "c" { vpc.main.app -> cache.s }
cache "s" {
  subnets = vpc.main.app
  nodes = 3, multi_az = true, tls = false, version = "7.1", node_type = "cache.r7g.large"
}
)"));
  const auto& group = plan["security_groups"].at(0);
  CHECK(group["owner"] == "cache.s");
  CHECK(group["ingress"].size() == 2);
  CHECK(group["ingress"].at(0)["from_port"] == 6379);
  const auto& c = plan["caches"].at(0);
  CHECK(c["nodes"] == 3);
  CHECK(c["automatic_failover"] == true);
  CHECK(c["encrypted_in_transit"] == false);
  CHECK(c["engine_version"] == "7.1");
  CHECK(c["node_type"] == "cache.r7g.large");
}

TEST_CASE("Multi-AZ needs a replica, and a second zone", "[cache]") {
  CHECK(error_briefs(compile(with_cache("", R"(cache "s" {
  subnets  = vpc.main.app
  multi_az = true
})"))->diags) == Strings{"14:14: error[invalid-value]: `multi_az` fails over to a replica, and there is none: set `nodes` to 2 or more"});
  auto c = compile(with_cache("", R"(cache "s" {
  subnets  = vpc.one.data
  nodes    = 2
  multi_az = true
})"));
  REQUIRE(error_briefs(c->diags) ==
          Strings{"15:14: error[invalid-value]: `multi_az` puts a replica in another zone, and tier `data` has one zone"});
  CHECK(archc::test::notes(c->diags.all().back()) == Strings{"10:10: the tier is here"});
}

TEST_CASE("what could not be read is not judged by Multi-AZ", "[cache]") {
  // `nodes` unreadable: only its own error, none about replicas.
  CHECK(error_briefs(compile(with_cache("", R"(cache "s" {
  subnets  = vpc.main.app
  nodes    = "2"
  multi_az = true
})"))->diags) == Strings{"14:14: error[type-mismatch]: `nodes` must be a number, not a string"});
  CHECK(error_briefs(compile(with_cache("", R"(cache "s" {
  subnets  = vpc.main.app
  nodes    = 7
  multi_az = true
})"))->diags) == Strings{"14:14: error[invalid-value]: `nodes` must be a whole number from 1 to 6"});
}

TEST_CASE("a cache's node type, version and size are checked", "[cache]") {
  CHECK(error_briefs(compile(with_cache("", R"(cache "s" {
  subnets   = vpc.main.app
  node_type = "cache."
  version   = "7.1."
})"))->diags) == Strings{"14:15: error[invalid-value]: `node_type` is an ElastiCache node type such as cache.t3.micro, not `cache.`",
                         "15:15: error[invalid-value]: `version` is a Redis OSS version such as 7.1, not `7.1.`"});
}

TEST_CASE("a cache's node type and size are checked", "[cache]") {
  CHECK(error_briefs(compile(with_cache("", R"(cache "s" {
  subnets   = vpc.main.app
  node_type = "t3.micro"
  nodes     = 7
})"))->diags) == Strings{"14:15: error[invalid-value]: `node_type` is an ElastiCache node type such as cache.t3.micro, not `t3.micro`",
                 "15:15: error[invalid-value]: `nodes` must be a whole number from 1 to 6"});
}

TEST_CASE("ElastiCache names are lowercase, at most 40 characters, and keep case apart", "[cache]") {
  const auto id = [](const std::string& stack, const std::string& name) {
    return plan_of(with_cache(fmt::format(R"(stack "{}" {{ region = "us-east-1" }})", stack),
                              fmt::format(R"(cache "{}" {{ subnets = vpc.main.app }})", name)))["caches"]
        .at(0)["replication_group_id"]
        .get<std::string>();
  };
  // The readable part, then 8 hex digits of the FNV-1a hash of
  // `<stack>/<name>` as written.
  CHECK(id("lab", "web_sessions--2") == "lab-web-sessions-2-b03c6775");
  CHECK(id("lab", "-x-") == "lab-x-411af9db");
  // What the readable part merges, the hash keeps apart: case, and where
  // the stack's name ends.
  CHECK(id("lab", "web") == "lab-web-67427245");
  CHECK(id("lab", "Web") == "lab-web-c9cd09e5");
  CHECK(id("a", "b-c") != id("a-b", "c"));
  // A name of the shape the hash gives is hashed too.
  CHECK(id("lab", "web-c9cd09e5") != id("lab", "Web"));
  // Cut to 31 characters, less the hyphen it ends on, then the hash.
  CHECK(id("a-rather-long-stack-name", "and-a-long-cache-name") == "a-rather-long-stack-name-and-a-6893c7bb");
}

TEST_CASE("a cache lowers to a subnet group, a replication group and its address", "[cache]") {
  auto c = compile(with_cache(R"(stack "lab" { region = "us-east-1" })", R"(
cache "s" { subnets = vpc.main.app, nodes = 2, multi_az = true })"));
  REQUIRE(error_briefs(c->diags) == Strings{});
  const archc::aws::Stack stack = archc::lower(c->model);
  const auto* group = std::get_if<archc::aws::CacheReplicationGroup>(&stack.resources.back());
  REQUIRE(group != nullptr);
  CHECK(group->id == "SCache");
  CHECK(group->group_id == "lab-s-f84e8236");
  CHECK(group->subnet_group == "SCacheSubnetGroup");
  CHECK(group->security_group == "SCacheSecurityGroup");
  CHECK(group->nodes == 2);
  CHECK(group->multi_az);
  REQUIRE(stack.outputs.size() == 1);
  CHECK(stack.outputs[0].id == "SCacheEndpoint");
  CHECK(stack.outputs[0].kind == archc::aws::Output::Kind::CacheAddress);
}
