// The health check of an asg's target groups (kinds/asg.cpp): success
// codes, interval, timeout and thresholds within AWS's bounds, their exact
// errors, and what both backends and the plan show of them.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "emit/cloudformation.hpp"
#include "emit/terraform.hpp"
#include "lower/lower.hpp"
#include "model/asg.hpp"
#include "plan/plan.hpp"
#include "test_support.hpp"

namespace archc {
namespace {

using Strings = std::vector<std::string>;

// An alb forwarding to asg "app", whose body ends with `health` from line 14
// on.
std::string site(const std::string& health) {
  return R"(stack "t" { region = "us-east-1" }
vpc "main" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "public" { public = true, cidrs = ["10.0.1.0/24", "10.0.2.0/24"] }
  subnet "app"    { cidrs = ["10.0.3.0/24", "10.0.4.0/24"] }
}
alb "web" {
  subnets = vpc.main.public
  listener "http" { port = 80, forward = asg.app }
}
asg "app" {
  subnets = vpc.main.app
)" + health + R"(
}
sg-chain "c" {
  internet -> alb.web
  alb.web  -> asg.app
}
)";
}

Strings errors_of(const std::string& health) {
  auto c = test::compile(site(health));
  c->diags.sort();
  return test::error_briefs(c->diags);
}

std::unique_ptr<Compilation> compile_ok(const std::string& health) {
  auto c = test::compile(site(health));
  INFO(Catch::Detail::stringify(test::briefs(c->diags)));
  REQUIRE(c->ok());
  return c;
}

// The health check settings as both backends write them, in CloudFormation's
// order: path, codes, interval, timeout, healthy and unhealthy thresholds.
struct Written {
  Strings cfn, tf;
};

Written written(const std::string& health) {
  auto c = compile_ok(health);
  const aws::Stack stack = lower(c->model);
  const YAML::Node p = YAML::Load(emit_cloudformation(stack))["Resources"]["WebAlbAppTargetGroup"]["Properties"];
  const auto tf = nlohmann::json::parse(emit_terraform(stack));
  const auto& hc = tf.at("resource").at("aws_lb_target_group").at("web_alb_app_target_group").at("health_check").at(0);
  auto s = [](const YAML::Node& n) { return n.as<std::string>(); };
  return {{s(p["HealthCheckPath"]), s(p["Matcher"]["HttpCode"]), s(p["HealthCheckIntervalSeconds"]),
           s(p["HealthCheckTimeoutSeconds"]), s(p["HealthyThresholdCount"]), s(p["UnhealthyThresholdCount"])},
          {hc.at("path").get<std::string>(), hc.at("matcher").get<std::string>(), hc.at("interval").dump(),
           hc.at("timeout").dump(), hc.at("healthy_threshold").dump(), hc.at("unhealthy_threshold").dump()}};
}

}  // namespace

TEST_CASE("a target group checks with AWS's defaults, written out in both backends", "[health-check]") {
  // The Terraform provider's own thresholds are 3 and 3: left out, the two
  // backends would check differently.
  const Written w = written("");
  const Strings defaults{"/", "200", "30", "6", "5", "2"};
  CHECK(w.cfn == defaults);
  CHECK(w.tf == defaults);
}

TEST_CASE("success codes, interval, timeout and thresholds reach both backends", "[health-check]") {
  const Written w = written(R"(  health_check = "/login"
  success_codes = "200-399"
  health_check_interval = 10
  health_check_timeout = 9
  healthy_threshold = 3
  unhealthy_threshold = 10)");
  const Strings expected{"/login", "200-399", "10", "9", "3", "10"};
  CHECK(w.cfn == expected);
  CHECK(w.tf == expected);
}

TEST_CASE("success codes: one code, a comma list or a range, from 200 to 499", "[health-check]") {
  for (const std::string codes : {"200", "499", "200,302", "200,202,204", "200-399", "200-499", "302-302"}) {
    INFO(codes);
    CHECK(errors_of("  success_codes = \"" + codes + "\"") == Strings{});
  }
  const std::string form =
      "14:19: error[invalid-value]: `success_codes` is one HTTP code (\"200\"), codes separated by commas "
      "(\"200,302\") or a range (\"200-399\"), not ";
  for (const std::string codes : {"", "20", "2000", "2OO", "200,", ",200", "200, 302", "200-", "-399", "200-300-400",
                                  "200,300-399", "200-399,404", "200..399"}) {
    INFO(codes);
    CHECK(errors_of("  success_codes = \"" + codes + "\"") == Strings{form + "\"" + codes + "\""});
  }
  CHECK(errors_of("  success_codes = \"500\"") ==
        Strings{"14:19: error[invalid-value]: `success_codes` holds HTTP codes from 200 to 499, not 500"});
  CHECK(errors_of("  success_codes = \"200,199\"") ==
        Strings{"14:19: error[invalid-value]: `success_codes` holds HTTP codes from 200 to 499, not 199"});
  CHECK(errors_of("  success_codes = \"200-503\"") ==
        Strings{"14:19: error[invalid-value]: `success_codes` holds HTTP codes from 200 to 499, not 503"});
  CHECK(errors_of("  success_codes = \"399-200\"") ==
        Strings{"14:19: error[invalid-value]: the range 399-200 of `success_codes` runs backwards: write 200-399"});
  // A number is not a code list: the codes are text, as AWS takes them.
  CHECK(errors_of("  success_codes = 200") ==
        Strings{"14:19: error[type-mismatch]: `success_codes` must be a string, not a number"});
}

TEST_CASE("interval, timeout and thresholds are within AWS's bounds", "[health-check]") {
  struct Bound {
    std::string attribute;
    int min, max;
  };
  for (const Bound& b : {Bound{"health_check_interval", 5, 300}, Bound{"health_check_timeout", 2, 120},
                         Bound{"healthy_threshold", 2, 10}, Bound{"unhealthy_threshold", 2, 10}}) {
    INFO(b.attribute);
    const std::string message =
        fmt::format("error[invalid-value]: `{}` must be a whole number from {} to {}", b.attribute, b.min, b.max);
    const std::string column = std::to_string(b.attribute.size() + 6);  // after `  NAME = `
    // The other end of the pair stays valid: an interval of 300 with the
    // default timeout, a timeout of 120 below an interval of 300.
    const std::string interval = b.attribute == "health_check_timeout" ? "\n  health_check_interval = 300" : "";
    CHECK(errors_of(fmt::format("  {} = {}{}", b.attribute, b.min - 1, interval)) ==
          Strings{"14:" + column + ": " + message});
    CHECK(errors_of(fmt::format("  {} = {}{}", b.attribute, b.max + 1, interval)) ==
          Strings{"14:" + column + ": " + message});
    CHECK(errors_of(fmt::format("  {} = {}{}", b.attribute, b.max, interval)) == Strings{});
    if (b.attribute != "health_check_interval")  // 5 is below the default timeout, 6
      CHECK(errors_of(fmt::format("  {} = {}{}", b.attribute, b.min, interval)) == Strings{});
  }
}

TEST_CASE("the timeout must be less than the interval", "[health-check]") {
  CHECK(errors_of("  health_check_interval = 10\n  health_check_timeout = 10") ==
        Strings{"15:26: error[invalid-value]: `health_check_timeout` (10 s) must be less than "
                "`health_check_interval` (10 s)"});
  CHECK(errors_of("  health_check_timeout = 45\n  health_check_interval = 40") ==
        Strings{"14:26: error[invalid-value]: `health_check_timeout` (45 s) must be less than "
                "`health_check_interval` (40 s)"});
  CHECK(errors_of("  health_check_interval = 10\n  health_check_timeout = 9") == Strings{});
  // Against a default: at the attribute that is written.
  CHECK(errors_of("  health_check_timeout = 30") ==
        Strings{"14:26: error[invalid-value]: `health_check_timeout` (30 s) must be less than "
                "`health_check_interval` (30 s, the default)"});
  CHECK(errors_of("  health_check_interval = 6") ==
        Strings{"14:27: error[invalid-value]: `health_check_timeout` (6 s, the default) must be less than "
                "`health_check_interval` (6 s)"});
  CHECK(errors_of("  health_check_interval = 7") == Strings{});
  // A value out of bounds is reported alone: what was meant is unknown.
  CHECK(errors_of("  health_check_interval = 3\n  health_check_timeout = 4") ==
        Strings{"14:27: error[invalid-value]: `health_check_interval` must be a whole number from 5 to 300"});
  CHECK(errors_of("  health_check_interval = 5\n  health_check_timeout = 1") ==
        Strings{"15:26: error[invalid-value]: `health_check_timeout` must be a whole number from 2 to 120"});
  // In a block with an unreadable item, the timeout may be the item.
  CHECK(errors_of("  health_check_interval = 5\n  health_check_timeot = 3") ==
        Strings{"15:3: error[unknown-attribute]: asg `app` has no attribute `health_check_timeot`"});
}

TEST_CASE("the plan shows every health check setting", "[health-check]") {
  auto c = compile_ok("  success_codes = \"200,302\"\n  health_check_interval = 15\n  unhealthy_threshold = 3");
  const plan::Plan p = plan::make_plan(c->model);
  const auto json = nlohmann::json::parse(plan::render_json(p));
  CHECK(json.at("load_balancers").at(0).at("target_groups").at(0) ==
        nlohmann::json({{"name_tag", "t-tg-web-app"},
                        {"asg", "app"},
                        {"protocol", "HTTP"},
                        {"port", 80},
                        {"health_check_path", "/"},
                        {"success_codes", "200,302"},
                        {"health_check_interval", 15},
                        {"health_check_timeout", 6},
                        {"healthy_threshold", 5},
                        {"unhealthy_threshold", 3}}));
  CHECK_THAT(plan::render_text(p),
             Catch::Contains("t-tg-web-app  HTTP 80  health check /  success 200,302  every 15 s, timeout 6 s  "
                             "healthy after 5, unhealthy after 3\n"));
}

}  // namespace archc
