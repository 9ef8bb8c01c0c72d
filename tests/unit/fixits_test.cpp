// Fix-its: the exact edits archc proposes, and that applying them fixes the
// file.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "lint/lint.hpp"
#include "test_support.hpp"

namespace {

using archc::Diagnostic;
using archc::FixIt;

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// `text` with each `from` replaced by its `to`; every `from` must occur once.
std::string edit(std::string text, const std::vector<std::pair<std::string, std::string>>& edits) {
  for (const auto& [from, to] : edits) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    REQUIRE(text.find(from, at + 1) == std::string::npos);
    text.replace(at, from.size(), to);
  }
  return text;
}

// "LINE:COL-LINE:COL rule -> replacement" for every fix-it of `diags`.
std::vector<std::string> fixits_of(const std::vector<Diagnostic>& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags)
    for (const auto& f : d.fixits)
      out.push_back(fmt::format("{}:{}-{}:{} {} -> {}", f.range.begin.line, f.range.begin.column, f.range.end.line,
                                f.range.end.column, d.id(), f.replacement));
  return out;
}

// `text` with every fix-it applied, the last first so the offsets of the
// others still hold.
std::string apply(std::string text, std::vector<FixIt> fixits) {
  std::sort(fixits.begin(), fixits.end(),
            [](const FixIt& a, const FixIt& b) { return a.range.begin.offset > b.range.begin.offset; });
  for (const auto& f : fixits) text.replace(f.range.begin.offset, f.range.end.offset - f.range.begin.offset, f.replacement);
  return text;
}

std::vector<FixIt> all_fixits(const std::vector<Diagnostic>& diags) {
  std::vector<FixIt> out;
  for (const auto& d : diags) out.insert(out.end(), d.fixits.begin(), d.fixits.end());
  return out;
}

// samples/lab-vpc.arch with one misspelling of each kind archc can correct.
std::string misspelt_lab() {
  return edit(slurp(ARCHC_SOURCE_DIR "/samples/lab-vpc.arch"),
              {{"region = \"ap-northeast-2\"", "region = \"ap-northeest-2\""},
               {"cidr  = \"10.1.0.0/16\"", "cidr  = \"10.1.0.9/16\""},
               {"rds.rds     : mysql", "rds.rds     : mysq"},
               {"subnets = vpc.lab-vpc.public", "subnets = vpc.lab-vpc.pubic"},
               {"forward = asg.asg", "forward = asg.asgg"},
               {"health_check_grace", "health_chek_grace"},
               {"engine           = \"mysql\"", "engine           = \"mysqll\""}});
}

}  // namespace

TEST_CASE("a did-you-mean or a host-bits error replaces the wrong text with the right one", "[fixits]") {
  auto c = archc::test::compile(misspelt_lab());
  CHECK(fixits_of(c->diags.all()) == std::vector<std::string>{
                                         "5:13-5:27 unknown-region -> ap-northeast-2",
                                         "10:12-10:23 cidr-host-bits -> 10.1.0.0/16",
                                         "26:32-26:36 unknown-port -> mysql",
                                         "32:25-32:30 unknown-reference -> public",
                                         "33:46-33:50 unknown-reference -> asg",
                                         "43:3-43:20 unknown-attribute -> health_check_grace",
                                         "54:23-54:29 unknown-engine -> mysql",
                                     });
}

TEST_CASE("a misspelt block kind, function and variable get a fix-it too", "[fixits]") {
  auto c = archc::test::compile("name = \"lab\"\nvcp \"v\" {}\nstak \"s\" { region = lowr(nam) }\n");
  CHECK(fixits_of(c->diags.all()) == std::vector<std::string>{"2:1-2:4 unknown-block -> vpc",
                                                              "3:1-3:5 unknown-block -> stack"});
  auto fn = archc::test::compile("name = \"lab\"\nstack \"s\" { region = lowr(nam) }\n");
  CHECK(fixits_of(fn->diags.all()) == std::vector<std::string>{"2:22-2:26 unknown-function -> lower"});
  auto var = archc::test::compile("name = \"us-east-1\"\nstack \"s\" { region = nme }\n");
  CHECK(fixits_of(var->diags.all()) == std::vector<std::string>{"2:22-2:25 unknown-reference -> name"});
}

TEST_CASE("no fix-it where the value is not written as a plain string or no name is close", "[fixits]") {
  auto c = archc::test::compile("r = \"ap-northeest-2\"\nstack \"s\" { region = \"${r}\" }\nvpc \"v\" { colour = 1 }\n");
  REQUIRE(c->diags.all().size() >= 2);
  CHECK(fixits_of(c->diags.all()).empty());
}

TEST_CASE("applying the fix-its of did-you-mean and host bits gives a file that checks clean", "[fixits]") {
  const std::string broken = misspelt_lab();
  auto c = archc::test::compile(broken);
  REQUIRE(c->diags.error_count() == 7);
  const std::string fixed = apply(broken, all_fixits(c->diags.all()));
  CHECK(fixed == slurp(ARCHC_SOURCE_DIR "/samples/lab-vpc.arch"));
  CHECK(archc::test::diagnostics_of(fixed).empty());
}

TEST_CASE("every warning lint reports carries the comment that suppresses it", "[fixits][lint]") {
  const std::string text = R"(stack "t" { region = "us-east-1" }
vpc "v" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"], nat = "single"
  subnet "public" { public = true, cidrs = ["10.0.1.0/24", "10.0.2.0/24"] }
  subnet "app"    { cidrs = ["10.0.3.0/24", "10.0.4.0/24"] }
}
sg-chain "c" {
  internet -> alb.web : http
  alb.web  -> asg.app : http
}
alb "web" {
  subnets = vpc.v.public
  listener "http" { port = 80, forward = asg.app }
}
asg "app" { subnets = vpc.v.app, min = 2, max = 4 }
)";
  auto c = archc::test::compile(text);
  const auto linted = archc::lint::lint_compilation(*c);
  CHECK(fixits_of(linted.diags.all()) ==
        std::vector<std::string>{"4:1-4:1 single-nat ->   # archc:ignore single-nat\n"});
  auto fixed = archc::test::compile(apply(text, all_fixits(linted.diags.all())));
  const auto relinted = archc::lint::lint_compilation(*fixed);
  CHECK(archc::test::briefs(relinted.diags).empty());
  CHECK(relinted.diags.suppressed() == 1);
}

TEST_CASE("unused-suppression carries no suppression fix-it: it could not silence itself", "[fixits][lint]") {
  auto c = archc::test::compile(R"(vpc "v" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  # archc:ignore single-nat
  subnet "public" { public = true, cidrs = ["10.0.1.0/24", "10.0.2.0/24"] }
}
)");
  const auto linted = archc::lint::lint_compilation(*c);
  const auto& all = linted.diags.all();
  const auto unused = std::find_if(all.begin(), all.end(),
                                   [](const Diagnostic& d) { return d.rule == archc::Rule::UnusedSuppression; });
  REQUIRE(unused != all.end());
  CHECK(unused->fixits.empty());
}
