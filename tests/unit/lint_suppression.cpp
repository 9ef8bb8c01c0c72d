// `# archc:ignore RULE` comments: where they apply, and unused-suppression.
#include <catch2/catch.hpp>

#include <algorithm>

#include "lint/lint.hpp"

namespace {

// Warns single-nat at 4:29 and rds-single-az at 21:14.
const std::string kSource = R"(stack "t" { region = "us-east-1" }
vpc "v" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"], nat = "single"
  subnet "public" { public = true, cidrs = ["10.0.1.0/24", "10.0.2.0/24"] }
  subnet "app"    { cidrs = ["10.0.3.0/24", "10.0.4.0/24"] }
  subnet "db"     { isolated = true, cidrs = ["10.0.5.0/24", "10.0.6.0/24"] }
}
sg-chain "c" {
  internet -> alb.web : http
  alb.web  -> asg.app : http
  asg.app  -> rds.main : mysql
}
alb "web" {
  subnets = vpc.v.public
  listener "http" { port = 80, forward = asg.app }
}
asg "app" { subnets = vpc.v.app, min = 2, max = 4 }
rds "main" {
  subnets  = vpc.v.db
  multi_az = false
}
)";

std::vector<std::string> lint_rules(const std::string& text, std::size_t* suppressed = nullptr) {
  auto c = archc::compile_text("t.arch", text);
  auto linted = archc::lint::lint_compilation(*c);
  if (suppressed) *suppressed = linted.diags.suppressed();
  std::vector<std::string> out;
  for (const auto& d : linted.diags.all())
    out.push_back(std::string(d.id()) + "@" + std::to_string(d.range.begin.line) + ":" + std::to_string(d.range.begin.column));
  return out;
}

std::string insert_line(std::string text, int before_line, const std::string& line) {
  std::size_t at = 0;
  for (int l = 1; l < before_line; ++l) at = text.find('\n', at) + 1;
  return text.insert(at, line + "\n");
}

}  // namespace

TEST_CASE("without suppressions lint reports the warnings", "[lint]") {
  CHECK(lint_rules(kSource) == std::vector<std::string>{"single-nat@4:29", "rds-single-az@21:14"});
}

TEST_CASE("a suppression on the line before silences that line", "[lint]") {
  std::size_t suppressed = 0;
  auto rules = lint_rules(insert_line(kSource, 21, "  # archc:ignore rds-single-az -- dev database"), &suppressed);
  CHECK(rules == std::vector<std::string>{"single-nat@4:29"});
  CHECK(suppressed == 1);
}

TEST_CASE("a suppression inside a block silences the whole block", "[lint]") {
  auto rules = lint_rules(insert_line(kSource, 8, "  // archc:ignore single-nat"));
  CHECK(rules == std::vector<std::string>{"rds-single-az@22:14"});
}

TEST_CASE("a suppression before a top-level block silences the block", "[lint]") {
  auto rules = lint_rules(insert_line(kSource, 19, "# archc:ignore rds-single-az, single-nat"));
  // single-nat is not in the rds block: that half of the comment is unused.
  CHECK(rules == std::vector<std::string>{"single-nat@4:29", "unused-suppression@19:31"});
}

TEST_CASE("a suppression of another rule or line silences nothing and is reported", "[lint]") {
  CHECK(lint_rules(insert_line(kSource, 10, "  # archc:ignore rds-single-az")) ==
        std::vector<std::string>{"single-nat@4:29", "unused-suppression@10:18", "rds-single-az@22:14"});
  CHECK(lint_rules(insert_line(kSource, 1, "# archc:ignore no-such-rule")) ==
        std::vector<std::string>{"unused-suppression@1:16", "single-nat@5:29", "rds-single-az@22:14"});
}

TEST_CASE("errors cannot be suppressed", "[lint]") {
  std::string text = insert_line(kSource, 20, "  # archc:ignore rds-public-tier");
  text.replace(text.find("vpc.v.db"), 8, "vpc.v.public");
  auto rules = lint_rules(text);
  CHECK(std::count(rules.begin(), rules.end(), "rds-public-tier@21:14") == 1);
  CHECK(std::count(rules.begin(), rules.end(), "unused-suppression@20:18") == 1);
}

TEST_CASE("suppressions are not judged in a file whose blocks could not all be read", "[lint]") {
  // The checks still run on the rest (single-nat, rds-single-az), but the
  // suppression that silences nothing is not reported as unused.
  std::string text = insert_line(kSource, 1, "# archc:ignore single-nat");
  text += "bogus \"x\" {}\n";
  auto rules = lint_rules(text);
  CHECK(rules == std::vector<std::string>{"single-nat@5:29", "rds-single-az@22:14", "unknown-block@24:1"});
}

TEST_CASE("suppressed warnings do not count against the limit; the first unused variables are the ones kept",
          "[lint]") {
  // Five unused variables, the first two silenced; with a limit of two the
  // next two in the file are shown, whatever their names, and one is counted.
  const std::string text =
      "# archc:ignore unused-variable\ne = 1\n# archc:ignore unused-variable\nd = 1\nc = 1\nb = 1\na = 1\n";
  auto c = archc::compile_text("t.arch", text, 2);
  CHECK(c->diags.suppressed() == 2);
  const auto linted = archc::lint::lint_compilation(*c);
  std::vector<std::string> kept;
  for (const auto& d : linted.diags.all()) kept.push_back(d.message);
  CHECK(kept == std::vector<std::string>{"variable `c` is never used", "variable `b` is never used"});
  CHECK(linted.diags.warning_count() == 3);
  CHECK(linted.diags.omitted_warnings() == 1);
  CHECK(linted.diags.suppressed() == 2);
}

TEST_CASE("every word of a suppression is a rule id: misspelt ones and an empty list are reported", "[lint]") {
  const std::string head = "stack \"s\" { region = \"ap-northeast-2\" }\n";
  auto messages = [&](const std::string& comment) {
    auto c = archc::compile_text("t.arch", head + comment + "\nx = 1\n");
    const auto linted = archc::lint::lint_compilation(*c);
    std::vector<std::string> out;
    for (const auto& d : linted.diags.all())
      out.push_back(std::to_string(d.range.begin.line) + ":" + std::to_string(d.range.begin.column) + " " +
                    d.message);
    return out;
  };
  CHECK(messages("# archc:ignore UNUSED-VARIABLE") ==
        std::vector<std::string>{"2:16 `UNUSED-VARIABLE` is not an archc rule", "3:1 variable `x` is never used"});
  // The words after an unknown one are still read: unused-variable silences x.
  CHECK(messages("# archc:ignore single-nat Foo unused-variable") ==
        std::vector<std::string>{"2:16 this suppression of `single-nat` silences nothing",
                                 "2:27 `Foo` is not an archc rule"});
  CHECK(messages("# archc:ignore unused-variable. -- trailing dot") ==
        std::vector<std::string>{"2:16 `unused-variable.` is not an archc rule", "3:1 variable `x` is never used"});
  CHECK(messages("# archc:ignore") ==
        std::vector<std::string>{"2:3 this suppression names no rule", "3:1 variable `x` is never used"});
  CHECK(messages("/* archc:ignore unused-variable */").empty());
}
