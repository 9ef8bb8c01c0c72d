// Each rule of sema/checks fires at an exact place on a small variation of a
// clean architecture, and stays silent on a near miss.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "driver/compilation.hpp"

namespace {

// Clean: every check is silent on it (see the first test).
const std::string kBase = R"(stack "t" { region = "us-east-1" }
vpc "v" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "public" { public = true, cidrs = ["10.0.1.0/24", "10.0.2.0/24"] }
  subnet "app"    { cidrs = ["10.0.3.0/24", "10.0.4.0/24"] }
  subnet "db"     { isolated = true, cidrs = ["10.0.5.0/24", "10.0.6.0/24"] }
}
sg-chain "c" {
  internet -> alb.web : https
  alb.web  -> asg.app : 8080
  asg.app  -> rds.main : mysql
}
alb "web" {
  subnets = vpc.v.public
  listener "https" { port = 443, certificate = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d", forward = asg.app }
}
asg "app" {
  subnets = vpc.v.app
  min = 2, max = 4, desired = 2
  port = 8080
}
rds "main" {
  subnets  = vpc.v.db
  multi_az = true
}
)";

using Edits = std::vector<std::pair<std::string, std::string>>;

std::string edit(const Edits& edits) {
  std::string text = kBase;
  for (const auto& [from, to] : edits) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  }
  return text;
}

struct Found {
  std::size_t count = 0;
  std::uint32_t line = 0, column = 0;
  bool error = false;
  std::size_t errors_other_rules = 0;
};

Found find(const std::string& text, const std::string& rule) {
  auto c = archc::compile_text("t.arch", text);
  Found f;
  for (const auto& d : c->diags.all()) {
    if (d.id() != rule) {
      if (d.severity() == archc::Severity::Error) ++f.errors_other_rules;
      continue;
    }
    if (f.count++ == 0) {
      f.line = d.range.begin.line;
      f.column = d.range.begin.column;
      f.error = d.severity() == archc::Severity::Error;
    }
  }
  return f;
}

struct Case {
  std::string rule;
  bool error;
  Edits fails;
  std::uint32_t line, column;
  Edits passes;
};

const std::string kInternetEdge = "  internet -> alb.web : https\n";
const std::string kDbEdge = "  asg.app  -> rds.main : mysql\n";
const std::string kAppCidrs = R"(cidrs = ["10.0.3.0/24", "10.0.4.0/24"])";

const std::vector<Case> kCases = {
    {"subnet-outside-vpc", true, {{R"("10.0.4.0/24")", R"("10.9.4.0/24")"}}, 6, 45, {}},
    {"cidr-overlap", true, {{R"("10.0.5.0/24")", R"("10.0.4.128/25")"}}, 7, 47, {{R"("10.0.5.0/24")", R"("10.0.5.0/25")"}}},
    {"alb-single-zone", true,
     {{R"(["a", "b"])", R"(["a"])"}, {R"(, "10.0.2.0/24")", ""}, {R"(, "10.0.4.0/24")", ""}, {R"(, "10.0.6.0/24")", ""}},
     15, 13, {}},
    {"rds-single-zone", true,
     {{R"(["a", "b"])", R"(["a"])"}, {R"(, "10.0.2.0/24")", ""}, {R"(, "10.0.4.0/24")", ""}, {R"(, "10.0.6.0/24")", ""}},
     24, 14, {}},
    {"asg-single-zone", false,
     {{R"(["a", "b"])", R"(["a"])"}, {R"(, "10.0.2.0/24")", ""}, {R"(, "10.0.4.0/24")", ""}, {R"(, "10.0.6.0/24")", ""}},
     19, 13, {}},
    {"rds-single-az", false, {{"multi_az = true", "multi_az = false"}}, 25, 14, {}},
    {"single-nat", false, {{R"(["a", "b"])", R"(["a", "b"], nat = "single")"}}, 4, 29,
     {{R"(["a", "b"])", R"(["a", "b"], nat = "per-zone")"}}},
    {"subnet-capacity", true,
     {{kAppCidrs, R"(cidrs = ["10.0.3.0/28", "10.0.4.0/28"])"}, {"max = 4", "max = 23"}}, 6, 30,
     {{kAppCidrs, R"(cidrs = ["10.0.3.0/28", "10.0.4.0/28"])"}, {"max = 4", "max = 22"}}},
    {"subnet-capacity-failover", false,
     {{kAppCidrs, R"(cidrs = ["10.0.3.0/28", "10.0.4.0/28"])"}, {"max = 4", "max = 12"}}, 6, 30,
     {{kAppCidrs, R"(cidrs = ["10.0.3.0/28", "10.0.4.0/28"])"}, {"max = 4", "max = 11"}}},
    {"rds-public-tier", true, {{"subnets  = vpc.v.db", "subnets  = vpc.v.public"}}, 24, 14,
     {{"subnets  = vpc.v.db", "subnets  = vpc.v.app"}}},
    {"alb-no-internet-route", true, {{"subnets = vpc.v.public", "subnets = vpc.v.app"}}, 10, 3,
     {{"subnets = vpc.v.public", "subnets = vpc.v.app"}, {"internet -> alb.web", R"("10.0.0.0/8" -> alb.web)"}}},
    {"asg-without-nat", false, {{R"(["a", "b"])", R"(["a", "b"], nat = "none")"}}, 19, 13,
     {{R"(["a", "b"])", R"(["a", "b"], nat = "none")"}, {kAppCidrs, "isolated = true, " + kAppCidrs}}},
    {"db-internet-exposed", true, {{kDbEdge, kDbEdge + R"(  "203.0.113.0/24" -> rds.main : mysql)" "\n"}}, 13, 3,
     {{kDbEdge, kDbEdge + R"(  "10.8.0.0/24" -> rds.main : mysql)" "\n"}}},
    {"forward-port-blocked", true, {{"asg.app : 8080", "asg.app : 80, 443"}}, 16, 117,
     {{"asg.app : 8080", "asg.app : 8000..8100"}}},
    {"chain-skips-tier", false, {{kDbEdge, kDbEdge + "  alb.web -> rds.main : mysql\n"}}, 13, 3, {}},
    {"admin-port-from-internet", false, {{kDbEdge, kDbEdge + "  internet -> asg.app : 22, rdp\n"}}, 13, 25,
     {{kDbEdge, kDbEdge + R"(  "203.0.113.7/32" -> asg.app : ssh)" "\n"}}},
    {"vpc-cidr-source", false, {{"asg.app  -> rds.main", "vpc.v -> rds.main"}}, 12, 3,
     {{"asg.app  -> rds.main", "vpc.v.app -> rds.main"}}},
    {"chain-cycle", false, {{kDbEdge, kDbEdge + "  rds.main -> asg.app : 8080\n"}}, 13, 3,
     {{kDbEdge, kDbEdge + "  asg.app -> asg.app : 8080\n"}}},
    {"duplicate-edge", false, {{kDbEdge, kDbEdge + "  alb.web -> asg.app : 8000..8081\n"}}, 13, 24,
     {{kDbEdge, kDbEdge + "  alb.web -> asg.app : 9090\n"}}},
    {"unreachable-resource", false, {{"multi_az = true\n}\n", "multi_az = true\n}\nasg \"worker\" { subnets = vpc.v.app }\n"}},
     27, 5,
     {{"multi_az = true\n}\n", "multi_az = true\n}\nasg \"worker\" { subnets = vpc.v.app }\n"},
      {kDbEdge, kDbEdge + "  asg.app -> asg.worker : 8080\n"}}},
    {"secret-in-output", true,
     {{"  port = 8080\n", "  port = 8080\n  user_data = <<EOT\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nEOT\n"}}, 22, 15,
     {{"  port = 8080\n", "  port = 8080\n  user_data = <<EOT\nexport AWS_ACCESS_KEY_ID=$(imds-role)\nEOT\n"}}},
    {"replica-without-backups", true, {{"multi_az = true", "multi_az = true, replicas = 1, backup_retention = 0"}}, 25,
     53, {{"multi_az = true", "multi_az = true, replicas = 1, backup_retention = 1"}}},
    {"unused-tier", false,
     {{"  subnet \"db\"", "  subnet \"spare\" { isolated = true, cidrs = [\"10.0.7.0/24\", \"10.0.8.0/24\"] }\n  subnet \"db\""}},
     7, 10,
     {{"  subnet \"db\"", "  subnet \"spare\" { public = true, cidrs = [\"10.0.7.0/24\", \"10.0.8.0/24\"] }\n  subnet \"db\""}}},
    {"unused-variable", false, {{"multi_az = true\n}\n", "multi_az = true\n}\nvpn = \"10.8.0.0/24\"\n"}}, 27, 1,
     {{"multi_az = true\n}\n", "multi_az = true\n}\nvpn = \"10.8.0.0/24\"\nadmins = \"${vpn}\"\n"},
      {kDbEdge, kDbEdge + "  \"${admins}\" -> asg.app : ssh\n"}}},
};

}  // namespace

TEST_CASE("the base architecture is clean", "[checks]") {
  auto c = archc::compile_text("t.arch", kBase);
  for (const auto& d : c->diags.all()) FAIL(archc::render_text(d, false));
  CHECK(c->ok());
}

TEST_CASE("each check fires at its place and stays silent on a near miss", "[checks]") {
  for (const auto& k : kCases) {
    SECTION(k.rule) {
      const Found f = find(edit(k.fails), k.rule);
      INFO(edit(k.fails));
      REQUIRE(f.count >= 1);
      CHECK(f.error == k.error);
      CHECK(f.line == k.line);
      CHECK(f.column == k.column);
      const Found silent = find(edit(k.passes), k.rule);
      INFO(edit(k.passes));
      CHECK(silent.count == 0);
      CHECK(silent.errors_other_rules == 0);
    }
  }
}

TEST_CASE("duplicate-edge also finds a port named twice in one edge", "[checks]") {
  const Found f = find(edit({{"asg.app : 8080", "asg.app : 8080, http-alt"}}), "duplicate-edge");
  CHECK(f.count == 1);
  CHECK(f.line == 11);
  CHECK(f.column == 31);
}

TEST_CASE("every check runs: one pass reports every problem", "[checks]") {
  auto c = archc::compile_text("t.arch", edit({{"multi_az = true", "multi_az = false"},
                                               {"subnets  = vpc.v.db", "subnets  = vpc.v.public"},
                                               {"asg.app : 8080", "asg.app : 80"}}));
  std::vector<std::string> rules;
  for (const auto& d : c->diags.all()) rules.emplace_back(d.id());
  CHECK(rules == std::vector<std::string>{"unused-tier", "forward-port-blocked", "rds-public-tier", "rds-single-az"});
}

TEST_CASE("address checks still report when other parts of the model have errors", "[checks]") {
  const std::string text = edit({{"zones = [\"a\", \"b\"]", "zones = [\"a\", \"b\"]\n  colour = \"blue\""},
                                 {R"("10.0.5.0/24")", R"("10.0.4.128/25")"}});
  const Found overlap = find(text, "cidr-overlap");
  CHECK(overlap.count == 1);
  CHECK(overlap.line == 8);
  CHECK(overlap.column == 47);
  CHECK(find(text, "unknown-attribute").count == 1);
}
