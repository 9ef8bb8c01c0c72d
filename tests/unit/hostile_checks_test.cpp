// Hostile input to the checks, the renderer and lint (issue 9): long and
// many chain cycles, duplicate edges among many, an alb of many listeners,
// suppression comments by the thousand, a line of many errors, many
// colliding names. Each with the exact diagnostics; how the time grows is
// growth_test.cpp's.
#include <algorithm>
#include <map>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "lint/lint.hpp"
#include "test_support.hpp"

namespace archc {
namespace {

using Strings = std::vector<std::string>;

// A VPC and `asgs` asgs `a0`, `a1` ... in its private tier: lines 1 to 7,
// then one line per asg.
std::string network(int asgs) {
  std::string out = R"(stack "s" { region = "us-east-1" }
vpc "v" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "pub" { public = true, cidrs = ["10.0.1.0/24", "10.0.2.0/24"] }
  subnet "app" { cidrs = ["10.0.3.0/24", "10.0.4.0/24"] }
}
)";
  for (int i = 0; i < asgs; ++i) out += fmt::format("asg \"a{}\" {{ subnets = vpc.v.app }}\n", i);
  return out;
}

// `text` compiled with every diagnostic kept (no --error-limit).
std::unique_ptr<Compilation> compiled(std::string text) { return compile_text("test.arch", std::move(text), 0); }

// The diagnostics of `rule`, with their notes, one string each.
Strings of_rule(const Compilation& c, std::string_view rule) {
  Strings out;
  for (const auto& d : c.diags.all()) {
    if (d.id() != rule) continue;
    out.push_back(test::brief(d));
    for (const auto& n : test::notes(d)) out.push_back("  " + n);
  }
  return out;
}

TEST_CASE("a cycle through many resources is shown by its first and last six", "[hostile][checks]") {
  // a0 -> a1 -> ... -> a19 -> a0: the edge back is reported, with the
  // edges of the cycle as notes.
  std::string text = network(20) + "sg-chain \"c\" {\n  internet -> asg.a0 : 80\n";
  for (int i = 0; i < 20; ++i) text += fmt::format("  asg.a{} -> asg.a{} : 80\n", i, (i + 1) % 20);
  auto c = compiled(text + "}\n");
  Strings expected = {
      "49:3: warning[chain-cycle]: sg-chain edges form a cycle: asg.a0 -> asg.a1 -> asg.a2 -> asg.a3 -> asg.a4 -> "
      "asg.a5 -> (8 more) -> asg.a14 -> asg.a15 -> asg.a16 -> asg.a17 -> asg.a18 -> asg.a19 -> asg.a0"};
  for (int line = 30; line <= 34; ++line) expected.push_back(fmt::format("  {}:3: part of the cycle", line));
  expected.push_back("  8 more edges of the cycle are not shown");
  for (int line = 43; line <= 48; ++line) expected.push_back(fmt::format("  {}:3: part of the cycle", line));
  CHECK(of_rule(*c, "chain-cycle") == expected);
}

TEST_CASE("every edge back to a long path is one short report", "[hostile][checks]") {
  // The example: a chain of asgs, each with an edge back to the first.
  // Every edge back closes a cycle; each report names at most twelve.
  const int asgs = 2000;
  std::string text = network(asgs) + "sg-chain \"c\" {\n  internet -> asg.a0 : 80\n";
  for (int i = 0; i + 1 < asgs; ++i) text += fmt::format("  asg.a{} -> asg.a{} : 80\n", i, i + 1);
  for (int i = 1; i < asgs; ++i) text += fmt::format("  asg.a{} -> asg.a0 : 81\n", i);
  auto c = compiled(text + "}\n");
  const Strings cycles = of_rule(*c, "chain-cycle");
  // The first edges back close short cycles, shown whole.
  REQUIRE(cycles.size() >= 4);
  CHECK(cycles[0] == "4009:3: warning[chain-cycle]: sg-chain edges form a cycle: asg.a0 -> asg.a1 -> asg.a0");
  CHECK(cycles[1] == "  2010:3: part of the cycle");
  CHECK(cycles[2] == "4010:3: warning[chain-cycle]: sg-chain edges form a cycle: asg.a0 -> asg.a1 -> asg.a2 -> asg.a0");
  // Every warning was counted, and none holds more than 12 notes.
  std::size_t warnings = 0;
  for (const auto& d : c->diags.all())
    if (d.id() == "chain-cycle") {
      ++warnings;
      CHECK(d.notes.size() <= 12);
      CHECK(d.message.size() < 300);
    }
  CHECK(warnings == asgs - 1);
}

TEST_CASE("duplicate edges among many: the first earlier port that overlaps, in its edge or an earlier one",
          "[hostile][checks]") {
  auto c = compiled(network(2) + R"(sg-chain "c" {
  internet -> asg.a0 : 80
  asg.a0 -> asg.a1 : 8000..8100
  asg.a0 -> asg.a1 : 9000, 8050
  asg.a0 -> asg.a1 : 7000..9500
  "10.0.0.1/32" -> asg.a1 : 80, 80
  "10.0.0.1/32" -> asg.a1 : 80
  "10.0.0.2/32" -> asg.a1 : 80
  asg.a0 -> asg.a1 : 9000..9000, 100..9999
}
)");
  CHECK(of_rule(*c, "duplicate-edge") ==
        Strings{"13:28: warning[duplicate-edge]: asg.a0 -> asg.a1 on 8000..8100 is already opened",
                "  12:3: by this edge",
                "14:22: warning[duplicate-edge]: asg.a0 -> asg.a1 on 8000..8100 is already opened",
                "  12:3: by this edge",
                "15:33: warning[duplicate-edge]: 10.0.0.1/32 -> asg.a1 on 80 is already opened",
                "  15:29: earlier in this edge",
                "16:29: warning[duplicate-edge]: 10.0.0.1/32 -> asg.a1 on 80 is already opened",
                "  15:3: by this edge",
                "18:22: warning[duplicate-edge]: asg.a0 -> asg.a1 on 9000 is already opened",
                "  13:3: by this edge",
                "18:34: warning[duplicate-edge]: asg.a0 -> asg.a1 on 9000 is already opened",
                "  18:22: earlier in this edge"});
}

TEST_CASE("duplicate edges: 3,000 sources into one asg, and 3,000 ports of one pair", "[hostile][checks]") {
  std::string text = network(2) + "sg-chain \"c\" {\n  internet -> asg.a0 : 80\n";
  for (int i = 0; i < 3000; ++i)
    text += fmt::format("  \"10.{}.{}.{}/32\" -> asg.a1 : 443\n", 100 + i / 10000, 100 + i / 100 % 100,
                        100 + i % 100);
  for (int i = 0; i < 3000; ++i) text += fmt::format("  asg.a0 -> asg.a1 : {}\n", 2000 + i);
  // One edge repeating a source, one a port range across them all.
  text += "  \"10.100.100.100/32\" -> asg.a1 : 443\n  asg.a0 -> asg.a1 : 1000..9000\n";
  auto c = compiled(text + "}\n");
  CHECK(of_rule(*c, "duplicate-edge") ==
        Strings{"6012:35: warning[duplicate-edge]: 10.100.100.100/32 -> asg.a1 on 443 is already opened",
                "  12:3: by this edge",
                "6013:22: warning[duplicate-edge]: asg.a0 -> asg.a1 on 2000 is already opened", "  3012:3: by this edge"});
}

TEST_CASE("an alb of many listeners: one verdict per asg, at most twelve edges as notes", "[hostile][checks]") {
  std::string text = network(1) + "alb \"w\" {\n  subnets = vpc.v.pub\n";
  for (int i = 0; i < 3; ++i) text += fmt::format("  listener \"l{}\" {{ port = {}, forward = asg.a0 }}\n", i, 80 + i);
  text += "}\nsg-chain \"c\" {\n  internet -> alb.w : 80\n";
  for (int i = 0; i < 15; ++i) text += fmt::format("  alb.w -> asg.a0 : {}\n", 9000 + i);
  auto c = compiled(text + "}\n");
  Strings notes = {"  8:5: asg `a0` serves port 80"};
  for (int i = 0; i < 12; ++i) notes.push_back(fmt::format("  {}:3: this edge opens only {}", 17 + i, 9000 + i));
  notes.push_back("  3 more edges from the alb open other ports");
  Strings expected;
  for (int i = 0; i < 3; ++i) {
    expected.push_back(fmt::format(
        "{}:40: error[forward-port-blocked]: listener `l{}` of alb `w` forwards to asg `a0` on port 80, which no "
        "sg-chain edge opens from the alb: the traffic would be dropped",
        11 + i, i));
    expected.insert(expected.end(), notes.begin(), notes.end());
  }
  CHECK(of_rule(*c, "forward-port-blocked") == expected);
}

TEST_CASE("5,000 listeners named twice, and a VPC listing 5,000 zones twice", "[hostile][checks]") {
  std::string text = network(1) + "alb \"w\" {\n  subnets = vpc.v.pub\n";
  for (int i = 0; i < 10000; ++i)
    text += fmt::format("  listener \"l{}\" {{ port = {}, forward = asg.a0 }}\n", i % 5000, 1000 + i % 5000);
  text += "}\nvpc \"z\" {\n  cidr  = \"10.1.0.0/16\"\n  zones = [";
  for (int i = 0; i < 10000; ++i) text += fmt::format("{}\"z{}\"", i ? ", " : "", i % 5000);
  auto c = compile_text("test.arch", text + "]\n}\n", 0);
  c->diags.sort();
  std::map<std::string, std::size_t> by_rule;
  for (const auto& d : c->diags.all()) ++by_rule[std::string(d.id())];
  CHECK(by_rule["duplicate-name"] == 5000);
  CHECK(by_rule["duplicate-zone"] == 5000);
  CHECK(by_rule["unknown-zone"] == 5000);
  const Diagnostic& first = *std::find_if(c->diags.all().begin(), c->diags.all().end(),
                                          [](const Diagnostic& d) { return d.id() == "duplicate-name"; });
  CHECK(test::brief(first) == "5011:12: error[duplicate-name]: listener `l0` is declared twice");
  CHECK(test::notes(first) == Strings{"11:12: first declared here"});
}

// The lines of `text` that lint reports as unused suppressions, and how many
// warnings it silenced.
std::pair<Strings, std::size_t> lint_of(const std::string& text) {
  auto c = compile_text("test.arch", text, 0);
  const lint::LintedFile linted = lint::lint_compilation(*c);
  Strings unused;
  for (const auto& d : linted.diags.all())
    if (d.id() == "unused-suppression") unused.push_back(test::brief(d));
  return {unused, linted.diags.suppressed()};
}

TEST_CASE("thousands of suppression comments, on their own lines and on one", "[hostile][lint]") {
  SECTION("5,000 variables, each with its suppression above") {
    std::string text;
    for (int i = 0; i < 5000; ++i) text += fmt::format("# archc:ignore unused-variable\nx{} = 1\n", i);
    const auto [unused, suppressed] = lint_of(text + "# archc:ignore unused-variable\n");
    CHECK(suppressed == 5000);
    CHECK(unused == Strings{"10001:16: warning[unused-suppression]: this suppression of `unused-variable` silences "
                            "nothing"});
  }
  SECTION("3,000 on one line after text that is not ASCII") {
    // Columns count code points: `é` is two bytes and one column.
    std::string text = "x = \"ééé\" ";
    for (int i = 0; i < 3000; ++i) text += "/* archc:ignore unused-variable */ ";
    text += "\n  /* archc:ignore nope, single-nat \n */\n";
    const auto [unused, suppressed] = lint_of(text);
    CHECK(suppressed == 0);  // the suppressions of line 1 apply to line 2
    REQUIRE(unused.size() == 3002);
    CHECK(unused[0] == "1:27: warning[unused-suppression]: this suppression of `unused-variable` silences nothing");
    CHECK(unused[2999] ==
          fmt::format("1:{}: warning[unused-suppression]: this suppression of `unused-variable` silences nothing",
                      27 + 2999 * 35));
    // And in a comment over two lines.
    CHECK(unused[3000] == "2:19: warning[unused-suppression]: `nope` is not an archc rule");
    CHECK(unused[3001] == "2:25: warning[unused-suppression]: this suppression of `single-nat` silences nothing");
  }
  SECTION("suppressions before and inside 2,000 blocks") {
    std::string text = "stack \"s\" { region = \"us-east-1\" }\n";
    for (int i = 0; i < 2000; ++i)
      text += fmt::format("# archc:ignore unused-tier\nvpc \"w{}\" {{\n  cidr  = \"10.{}.{}.0/24\"\n  zones = [\"a\"]\n"
                          "  # archc:ignore unused-tier, asg-single-zone\n  subnet \"t\" {{ size = 28 }}\n}}\n",
                          i, i / 200, i % 200);
    const auto [unused, suppressed] = lint_of(text);
    CHECK(suppressed == 2000);
    REQUIRE(unused.size() == 2000);
    CHECK(unused[0] == "6:31: warning[unused-suppression]: this suppression of `asg-single-zone` silences nothing");
    CHECK(unused[1999] ==
          "13999:31: warning[unused-suppression]: this suppression of `asg-single-zone` silences nothing");
  }
}

TEST_CASE("a line of 3,000 errors renders each in a window, whatever its column", "[hostile][render]") {
  // The renderer shows at most 200 columns around the range, so a
  // diagnostic at the end of a long line costs what one at its start does.
  std::string text;
  for (int i = 0; i < 3000; ++i) text += fmt::format("vpc \"v{:04}\" {{ cidr = 5 }}; ", i);
  auto c = compile_text("long.arch", text + "\n", 0);
  REQUIRE(c->diags.error_count() == 6000);
  const Diagnostic& last = c->diags.all().back();
  CHECK(test::brief(last) == "1:77996: error[type-mismatch]: `cidr` must be a string, not a number");
  const std::string rendered = render_text(last, false);
  CHECK(rendered.starts_with("long.arch:1:77996: error[type-mismatch]:"));
  CHECK(rendered.find("\n1 | ...") != std::string::npos);
  CHECK(rendered.size() < 600);
}

TEST_CASE("1,000 pairs of colliding names, and 1,000 of rules whose ids meet", "[hostile][checks]") {
  std::string text = network(1);
  for (int i = 0; i < 1000; ++i)
    text += fmt::format("asg \"x{0}-y\" {{ subnets = vpc.v.app }}\nasg \"x{0}_y\" {{ subnets = vpc.v.app }}\n", i);
  // 10.A.BC.D and 10.AB.C.D make the same digits, so the same rule id.
  text += "sg-chain \"c\" {\n";
  for (int i = 0; i < 1000; ++i) {
    const int a = 1 + i % 9, b = 1 + i / 9 % 9, c = i / 81 % 10, d = 1 + i / 810;
    text += fmt::format("  \"10.{0}.{1}{2}.{3}/32\" -> asg.a0 : 80\n  \"10.{0}{1}.{2}.{3}/32\" -> asg.a0 : 80\n", a, b, c, d);
  }
  auto c = compile_text("test.arch", text + "}\n", 0);
  c->diags.sort();
  Strings errors;  // 2,001 asgs in a /24 tier are also a subnet-capacity error
  for (const auto& d : c->diags.all())
    if (d.id() == "name-collision") errors.push_back(test::brief(d));
  REQUIRE(errors.size() == 2000);
  CHECK(errors.front() ==
        "10:5: error[name-collision]: asg `x0_y` and asg `x0-y` would share their logical ids: both names become `X0Y`");
  CHECK(errors.back() ==
        "4009:30: error[name-collision]: the rule 10.14.2.2/32 -> asg.a0 on 80 and the rule 10.1.42.2/32 -> asg.a0 on "
        "80 would both get the logical id `A0AsgFromCidr10142232Port80Ingress`");
}

TEST_CASE("a tier whose VPC lost its zones to a syntax error, as an edge source", "[hostile][checks]") {
  // Found by fuzz_pipeline: the tier keeps its two blocks, its VPC has no
  // zones, and naming the rules from it read a zone that is not there.
  auto c = compiled(R"(vpc "lab" {
  cidr  = "10.0.0.0/16"
  z]
  subnet "app" { cidrs = ["10.0.1.0/24", "10.0.2.0/24"] }
}
asg "web" { subnets = vpc.lab.app }
sg-chain "c" { vpc.lab.app -> asg.web : 80 }
)");
  CHECK(test::briefs(c->diags) ==
        Strings{"3:3: error[syntax]: expected an attribute (name = value), a block, an edge (a -> b) or '}'",
                "6:23: warning[asg-without-nat]: asg `web` runs in private tier `app` but vpc `lab` has no NAT gateway: "
                "its instances cannot reach the internet"});
}

}  // namespace
}  // namespace archc
