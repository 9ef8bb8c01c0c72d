// The AWS limits and quotas of stdlib/limits.json (issue 9 part 4): each at
// its exact place, one past the limit, and silent at the limit.
#include <sstream>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli_support.hpp"
#include "emit/cloudformation.hpp"
#include "emit/terraform.hpp"
#include "lower/lower.hpp"
#include "test_support.hpp"

namespace archc {
namespace {

using Strings = std::vector<std::string>;

// Lines 1 to 7: a VPC with a private tier; the stack's tags are TAGS.
std::string network(const std::string& tags) {
  return R"(stack "s" { region = "us-east-1", tags = {)" + tags + R"(} }
vpc "v" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "pub" { public = true, cidrs = ["10.0.1.0/24", "10.0.2.0/24"] }
  subnet "app" { cidrs = ["10.0.3.0/24", "10.0.4.0/24"] }
}
)";
}

Strings of_rules(std::string text, std::initializer_list<std::string_view> rules) {
  auto c = test::compile(std::move(text));
  c->diags.sort();
  Strings out;
  for (const auto& d : c->diags.all())
    for (auto rule : rules)
      if (d.id() == rule) out.push_back(test::brief(d));
  return out;
}

TEST_CASE("user data over 16,384 bytes is an error at the user data", "[checks][limits]") {
  const auto with_user_data = [](std::size_t bytes) {
    return network("") + "asg \"app\" { subnets = vpc.v.app, user_data = \"" + std::string(bytes, 'x') +
           "\" }\nsg-chain \"c\" { \"10.0.0.0/8\" -> asg.app : 80 }\n";
  };
  CHECK(
      of_rules(with_user_data(16385), {"limit-exceeded"}) ==
      Strings{"8:46: error[limit-exceeded]: user data is 16385 bytes; EC2 takes at most 16384 bytes (before base64)"});
  CHECK(of_rules(with_user_data(16384), {"limit-exceeded"}).empty());
}

TEST_CASE("scale_cpu takes a fraction, as AWS does, and writes it as given", "[checks][limits]") {
  const std::string text = network("") +
                           "asg \"app\" { subnets = vpc.v.app, min = 1, max = 3, scale_cpu = 55.5 }\n"
                           "sg-chain \"c\" { \"10.0.0.0/8\" -> asg.app : 80 }\n";
  auto c = test::compile(text);
  REQUIRE(c->ok());
  CHECK(emit_cloudformation(lower(c->model)).find("TargetValue: 55.5\n") != std::string::npos);
  CHECK(emit_terraform(lower(c->model)).find("\"target_value\": 55.5") != std::string::npos);
  std::string out_of_range = text;
  out_of_range.replace(out_of_range.find("55.5"), 4, "100.5");
  CHECK(test::error_briefs(test::compile(out_of_range)->diags) ==
        Strings{"8:64: error[invalid-value]: `scale_cpu` must be a number from 1 to 100"});
  // Zeros a double drops are no digits lost; any other digit past what a
  // double holds is an error, and so is a value that only rounds into range.
  std::string zeros = text;
  zeros.replace(zeros.find("55.5"), 4, "055.500");
  c = test::compile(zeros);
  REQUIRE(c->ok());
  CHECK(emit_cloudformation(lower(c->model)).find("TargetValue: 55.5\n") != std::string::npos);
  for (const char* too_precise : {"55.50000000000000001", "100.00000000000000001"}) {
    std::string precise = text;
    precise.replace(precise.find("55.5"), 4, too_precise);
    CHECK(test::error_briefs(test::compile(precise)->diags) ==
          Strings{fmt::format("8:64: error[invalid-value]: `scale_cpu` is {}: more digits than AWS keeps (a double, 15 "
                              "to 17), so it would be written {}",
                              too_precise, too_precise[0] == '1' ? "100" : "55.5")});
  }
}

// The network with `asgs` auto scaling groups, three resources each: a
// launch template, the group and its security group.
std::string with_asgs(int asgs) {
  std::string text = network("");
  for (int i = 0; i < asgs; ++i) text += fmt::format("asg \"a{}\" {{ subnets = vpc.v.app }}\n", i);
  return text;
}

TEST_CASE("a stack of more than 500 CloudFormation resources is an error for that target only", "[checks][limits]") {
  const auto over = test::compile(with_asgs(200));
  REQUIRE(over->ok());
  const aws::Stack stack = lower(over->model);
  Diagnostics diags;
  check_cloudformation_limits(stack, emit_cloudformation(stack), over->model.stack.range, diags);
  CHECK(test::briefs(diags) ==
        Strings{fmt::format("1:7: error[limit-exceeded]: the stack makes {} CloudFormation resources; one stack takes "
                            "at most 500 (split it, or build it for Terraform)",
                            stack.resources.size())});
  CHECK(stack.resources.size() > 500);
  const auto under = test::compile(with_asgs(100));
  Diagnostics none;
  const aws::Stack under_stack = lower(under->model);
  check_cloudformation_limits(under_stack, emit_cloudformation(under_stack), under->model.stack.range, none);
  CHECK(none.all().empty());
}

// Each asg's user data, 16,000 bytes on one line, adds about 17 KB to the
// template: 66 asgs make about 200 resources in a template over 1 MiB, 50
// asgs one under it.
std::string with_large_user_data(int asgs) {
  std::string text = network("");
  for (int i = 0; i < asgs; ++i)
    text += fmt::format("asg \"a{}\" {{ subnets = vpc.v.app, user_data = \"{}\" }}\n", i, std::string(16000, 'x'));
  return text;
}

TEST_CASE("a CloudFormation template over 1 MiB is an error for that target only", "[checks][limits]") {
  const auto over = test::compile(with_large_user_data(66));
  REQUIRE(over->ok());
  const aws::Stack stack = lower(over->model);
  const std::string yaml = emit_cloudformation(stack);
  REQUIRE(yaml.size() > 1048576);
  REQUIRE(stack.resources.size() < 500);
  Diagnostics diags;
  check_cloudformation_limits(stack, yaml, over->model.stack.range, diags);
  REQUIRE(diags.all().size() == 1);
  const Diagnostic& d = diags.all().front();
  CHECK(test::brief(d) == fmt::format("1:7: error[limit-exceeded]: the CloudFormation template is {} bytes; "
                                      "CloudFormation reads at most 1048576 (1 MiB), even from S3 (split the stack, "
                                      "or build it for Terraform)",
                                      yaml.size()));
  CHECK(test::notes(d) == Strings{"a template over 51200 bytes deploys only from S3 (TemplateURL; `aws "
                                  "cloudformation deploy --s3-bucket`), not passed in the request"});

  // Just under the limit: no diagnostic, however far past the 51,200 bytes
  // of a template in a request.
  const auto under = test::compile(with_large_user_data(50));
  const aws::Stack under_stack = lower(under->model);
  const std::string under_yaml = emit_cloudformation(under_stack);
  REQUIRE(under_yaml.size() > 51200);
  REQUIRE(under_yaml.size() <= 1048576);
  Diagnostics none;
  check_cloudformation_limits(under_stack, under_yaml, under->model.stack.range, none);
  CHECK(none.all().empty());
}

TEST_CASE("archc build of a template over 1 MiB writes nothing; to Terraform it builds", "[cli][limits]") {
  test::TempDir dir;
  test::write(dir / "big.arch", with_large_user_data(66));
  const std::string previous = "previous stack\n";
  test::write(dir / "stack.yaml", previous);
  const test::Run r =
      test::archc(fmt::format("build {} -o {}", test::quote(dir / "big.arch"), test::quote(dir / "stack.yaml")));
  CHECK(r.status == 1);
  CHECK(test::contains(r.err, dir / "big.arch" + ":1:7: error[limit-exceeded]: the CloudFormation template is "));
  CHECK(test::contains(r.err, "= note: a template over 51200 bytes deploys only from S3"));
  CHECK(test::read(dir / "stack.yaml") == previous);
  CHECK(dir.entries() == Strings{"big.arch", "stack.yaml"});
  CHECK(test::archc(fmt::format("build {} -o {}", test::quote(dir / "big.arch"), test::quote(dir / "main.tf.json")))
            .status == 0);
}

// The lines of archc's text output that start an error of `path`
// (`PATH:LINE:COLUMN: error[...]`), without the path. (The files below warn
// of every asg: no chain reaches them.)
Strings error_lines(const std::string& text, const std::string& path) {
  Strings out;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind(path + ":", 0) == 0 && line.find(": error[") != std::string::npos)
      out.push_back(line.substr(path.size() + 1));
  return out;
}

TEST_CASE("archc lint and check hold a file to CloudFormation's 500 resources unless --target terraform",
          "[cli][limits]") {
  test::TempDir dir;
  const std::string file = dir / "big.arch", text = with_asgs(200);
  test::write(file, text);
  const std::size_t resources = lower(test::compile(text)->model).resources.size();
  REQUIRE(resources > 500);
  const std::string expected = fmt::format(
      "1:7: error[limit-exceeded]: the stack makes {} CloudFormation resources; one stack takes at most 500 (split "
      "it, or build it for Terraform)",
      resources);

  const test::Run lint = test::archc("lint " + test::quote(file));
  CHECK(lint.status == 1);
  CHECK(error_lines(lint.out, file) == Strings{expected});
  const test::Run check = test::archc("check " + test::quote(file));
  CHECK(check.status == 1);
  CHECK(error_lines(check.err, file) == Strings{expected});
  CHECK(test::archc("lint --target cloudformation " + test::quote(file)).out == lint.out);

  const auto json = nlohmann::json::parse(test::archc("lint --format json " + test::quote(file)).out);
  CHECK(json["files"][0]["errors"] == 1);
  const auto& d = json["files"][0]["diagnostics"][0];  // at line 1, before the warnings
  CHECK(d["rule"] == "limit-exceeded");
  CHECK(d["severity"] == "error");
  CHECK(d["range"]["start"]["line"] == 1);
  CHECK(d["range"]["start"]["column"] == 7);
  CHECK("1:7: error[limit-exceeded]: " + d["message"].get<std::string>() == expected);

  for (const char* command : {"lint", "check"}) {
    const test::Run terraform = test::archc(fmt::format("{} --target terraform {}", command, test::quote(file)));
    CHECK(terraform.status == 0);
    CHECK(error_lines(terraform.out + terraform.err, file).empty());
  }
}

TEST_CASE("archc lint holds a file to CloudFormation's 1 MiB template, with the request limit as a note",
          "[cli][limits]") {
  test::TempDir dir;
  const std::string file = dir / "big.arch", text = with_large_user_data(66);
  test::write(file, text);
  const std::size_t bytes = emit_cloudformation(lower(test::compile(text)->model)).size();
  REQUIRE(bytes > 1048576);
  const test::Run r = test::archc("lint " + test::quote(file));
  CHECK(r.status == 1);
  CHECK(error_lines(r.out, file) ==
        Strings{fmt::format("1:7: error[limit-exceeded]: the CloudFormation template is {} bytes; CloudFormation reads "
                            "at most 1048576 (1 MiB), even from S3 (split the stack, or build it for Terraform)",
                            bytes)});
  CHECK(test::contains(r.out, "= note: a template over 51200 bytes deploys only from S3 (TemplateURL; `aws "
                              "cloudformation deploy --s3-bucket`), not passed in the request\n"));
  CHECK(test::archc("lint --target terraform " + test::quote(file)).status == 0);
}

TEST_CASE("archc lint checks the target's limits only of a file without errors, at 1:1 without a stack block",
          "[cli][limits]") {
  test::TempDir dir;
  // The same 600 resources with an error: the model does not lower, so
  // only the error is reported.
  const std::string broken = dir / "broken.arch";
  test::write(broken, with_asgs(200) + "asg \"x\" { subnets = vpc.v.app, min = 0.5 }\n");
  const test::Run r = test::archc("lint " + test::quote(broken));
  CHECK(r.status == 1);
  const Strings lines = error_lines(r.out, broken);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].find("error[limit-exceeded]") == std::string::npos);

  // Line 1, the stack block, left out.
  std::string text = with_asgs(200);
  text.erase(0, text.find('\n') + 1);
  const std::string stackless = dir / "stackless.arch";
  test::write(stackless, text);
  CHECK(error_lines(test::archc("lint " + test::quote(stackless)).out, stackless) ==
        Strings{fmt::format("1:1: error[limit-exceeded]: the stack makes {} CloudFormation resources; one stack "
                            "takes at most 500 (split it, or build it for Terraform)",
                            lower(test::compile(text)->model).resources.size())});
}

TEST_CASE("a health check path over 1,024 characters is an error at the path", "[checks][limits]") {
  const auto with_path = [](std::size_t length) {
    return network("") + "asg \"app\" { subnets = vpc.v.app, health_check = \"/" + std::string(length - 1, 'p') +
           "\" }\nsg-chain \"c\" { \"10.0.0.0/8\" -> asg.app : 80 }\n";
  };
  CHECK(
      test::error_briefs(test::compile(with_path(1025))->diags) ==
      Strings{"8:49: error[invalid-value]: `health_check` is 1025 characters long; AWS takes a path of at most 1024"});
  CHECK(test::error_briefs(test::compile(with_path(1024))->diags).empty());
}

TEST_CASE("the 61st inbound rule of a security group is a warning at its edge", "[checks][limits]") {
  std::string ports;
  for (int p = 8001; p <= 8060; ++p) ports += fmt::format("{}{}", p == 8001 ? "" : ", ", p);
  const std::string asg = "asg \"app\" { subnets = vpc.v.app }\n";
  // 60 ports from one block, then one more port.
  const std::string sixty = network("") + asg + "sg-chain \"c\" {\n  \"10.0.0.0/8\" -> asg.app : " + ports + "\n";
  CHECK(of_rules(sixty + "}\n", {"quota-exceeded"}).empty());
  CHECK(of_rules(sixty + "  \"10.9.0.0/16\" -> asg.app : 9000\n}\n", {"quota-exceeded"}) ==
        Strings{"11:3: warning[quota-exceeded]: this edge makes 61 inbound rules on the security group of asg.app; "
                "AWS allows 60 per group unless the quota is raised"});
  // A rule written twice is made once: repeating the 60 adds nothing.
  CHECK(of_rules(sixty + "  \"10.0.0.0/8\" -> asg.app : " + ports + "\n}\n", {"quota-exceeded"}).empty());
  // A tier is a block per zone: 30 ports from the public tier are 60 rules.
  std::string thirty;
  for (int p = 8001; p <= 8030; ++p) thirty += fmt::format("{}{}", p == 8001 ? "" : ", ", p);
  const std::string tier = network("") + asg + "sg-chain \"c\" {\n  vpc.v.pub -> asg.app : " + thirty + "\n";
  CHECK(of_rules(tier + "}\n", {"quota-exceeded"}).empty());
  CHECK(of_rules(tier + "  vpc.v.pub -> asg.app : 9000\n}\n", {"quota-exceeded"}) ==
        Strings{"11:3: warning[quota-exceeded]: this edge makes 62 inbound rules on the security group of asg.app; "
                "AWS allows 60 per group unless the quota is raised"});
}

TEST_CASE("tags AWS refuses are errors at the key or value at fault, characters some services refuse a warning",
          "[checks][limits]") {
  const auto errors = [](const std::string& tags) {
    return of_rules(network(tags), {"limit-exceeded", "invalid-value"});
  };
  CHECK(errors(R"("" = "x")") == Strings{"1:43: error[invalid-value]: a tag key must not be empty"});
  CHECK(errors(R"("aws:team" = "x")") ==
        Strings{
            "1:43: error[invalid-value]: the tag key `aws:team` starts with `aws:`, which AWS keeps for its own tags"});
  CHECK(
      errors(R"("AWS:x" = "y")") ==
      Strings{"1:43: error[invalid-value]: the tag key `AWS:x` starts with `aws:`, which AWS keeps for its own tags"});
  const auto warnings = [](const std::string& tags) { return of_rules(network(tags), {"tag-characters"}); };
  CHECK(warnings(R"("cost#centre" = "x")") ==
        Strings{"1:43: warning[tag-characters]: tag `cost#centre` holds a character that RDS, ElastiCache and load "
                "balancers refuse: use letters, digits, spaces and `_ . : / = + - @`"});
  CHECK(warnings(R"(team = "a\nb")") ==
        Strings{"1:50: warning[tag-characters]: tag `team` holds a character that RDS, ElastiCache and load "
                "balancers refuse: use letters, digits, spaces and `_ . : / = + - @`"});
  // Beyond ASCII: punctuation, symbols and emoji are not letters.
  for (const std::string text : {"web’s api", "web — api", "5 €", "web 🚀", "e\u0301"})
    CHECK(warnings("team = \"" + text + "\"").size() == 1);
  const std::string long_key(129, 'k');
  CHECK(
      errors("\"" + long_key + "\" = \"x\"") ==
      Strings{
          "1:43: error[limit-exceeded]: the tag key `kkkkkkkkkkkkkkkk...` has 129 characters; AWS takes at most 128"});
  CHECK(errors("team = \"" + std::string(257, 'v') + "\"") ==
        Strings{"1:50: error[limit-exceeded]: the value of tag `team` has 257 characters; AWS takes at most 256"});
  // At the limits, and letters of other scripts: silent. Characters, not
  // bytes: 128 two-byte letters make a key of 128.
  std::string greek;
  for (int i = 0; i < 128; ++i) greek += "λ";
  const std::string fine = "\"" + greek + "\" = \"" + std::string(256, 'v') + "\", \"équipe\" = \"données/ventes@eu\"";
  CHECK(errors(fine).empty());
  CHECK(warnings(fine).empty());
}

TEST_CASE("a resource name that makes a Name tag some services refuse is a warning at the name", "[checks][limits]") {
  const std::string text = network("") + R"arch(rds "db#1" { subnets = vpc.v.app }
alb "web (eu)" {
  subnets = vpc.v.pub
  listener "http" { port = 80, forward = asg.app }
}
asg "app" { subnets = vpc.v.app, port = 80 }
cache "c:1" { subnets = vpc.v.app }
)arch";
  // Once a resource, however many Name tags its name makes (the rds's
  // subnet group's, the alb's target group's); `:` is allowed.
  CHECK(of_rules(text, {"tag-characters"}) ==
        Strings{"8:5: warning[tag-characters]: rds `db#1` gets the Name tag `s-rds-db#1`, which holds a character "
                "that RDS, ElastiCache and load balancers refuse: use letters, digits, spaces and `_ . : / = + - @`",
                "9:5: warning[tag-characters]: alb `web (eu)` gets the Name tag `s-alb-web (eu)`, which holds a "
                "character that RDS, ElastiCache and load balancers refuse: use letters, digits, spaces and "
                "`_ . : / = + - @`"});
  // The text checked is the text written.
  auto c = test::compile(network("") + "rds \"db#1\" { subnets = vpc.v.app }\n");
  REQUIRE(c->ok());
  CHECK(emit_cloudformation(lower(c->model)).find("Value: s-rds-db#1\n") != std::string::npos);
}

TEST_CASE("more than 49 tags, with archc's Name, are an error at the tags", "[checks][limits]") {
  std::string tags;
  for (int i = 0; i < 50; ++i) tags += fmt::format("{}t{} = \"x\"", i == 0 ? "" : ", ", i);
  CHECK(of_rules(network(tags), {"limit-exceeded"}) ==
        Strings{"1:42: error[limit-exceeded]: 50 tags and archc's Name make 51; a resource takes at most 50"});
  tags = tags.substr(0, tags.rfind(", "));
  CHECK(of_rules(network(tags), {"limit-exceeded"}).empty());
}

}  // namespace
}  // namespace archc
