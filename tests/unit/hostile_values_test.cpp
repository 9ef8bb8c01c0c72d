// Hostile input to the evaluator and to "did you mean" (issue 9): huge
// names, long chains of variables, values that double at each step, numbers
// past 64 bits. Each case is the input fuzzing found and one more of its
// kind, with the exact diagnostics; how the time grows is growth_test.cpp's.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "sema/suggest.hpp"
#include "test_support.hpp"

namespace archc {
namespace {

using Strings = std::vector<std::string>;

std::unique_ptr<Compilation> compiled(std::string text) {
  auto c = test::compile(std::move(text));
  c->diags.sort();
  return c;
}

// `message` as Diagnostics keeps it: past kMaxMessageBytes, its middle
// becomes ` ... ` (the words here are ASCII, so the cut is at bytes).
std::string clipped(const std::string& message) {
  const std::size_t keep = (kMaxMessageBytes - 5) / 2;
  if (message.size() <= kMaxMessageBytes) return message;
  return message.substr(0, keep) + " ... " + message.substr(message.size() - keep);
}

// The first error of `c` on `line` (any line when 0).
const Diagnostic& first_error(const Compilation& c, std::uint32_t line = 0) {
  for (const auto& d : c.diags.all())
    if (d.severity() == Severity::Error && (line == 0 || d.range.begin.line == line)) return d;
  FAIL("no such error");
  throw std::logic_error("unreachable");
}

TEST_CASE("a 200 KB identifier: no suggestion, no table of name x candidate", "[hostile]") {
  // The full edit-distance matrix of two 200 KB names is 40 G cells: it
  // ended in std::bad_alloc.
  const std::string name(200'000, 'a');
  auto c = compiled(name + " = \"10.0.0.0/16\"\nx = " + name + "b\nvpc \"v\" {\n  cidr = x\n  zones = [\"a\"]\n}\n");
  CHECK(test::error_briefs(c->diags) ==
        Strings{"2:5: error[unknown-reference]: " + clipped("no variable named `" + name + "b`")});
  const Diagnostic& d = first_error(*c);
  CHECK(test::notes(d) == Strings{clipped("expected one of: " + name + ", x")});
  CHECK(d.fixits.empty());
}

TEST_CASE("a 1 MB resource name misspelt in a chain: no suggestion", "[hostile]") {
  const std::string name(1'000'000, 'w');
  auto c = compiled("vpc \"v\" {\n  cidr = \"10.0.0.0/16\"\n  zones = [\"a\"]\n  subnet \"app\" { size = 24 }\n}\n"
                    "asg \"" + name + "\" { subnets = vpc.v.app }\n"
                    "sg-chain \"c\" {\n  internet -> asg." + name + "x : 80\n}\n");
  CHECK(test::error_briefs(c->diags) ==
        Strings{clipped("6:5: error[invalid-name]: a name holds at most 64 characters; this one has 1000000"),
                "8:19: error[unknown-reference]: " + clipped("no asg named `" + name + "x`")});
  CHECK(test::notes(first_error(*c, 8)) == Strings{clipped("expected one of: " + name)});
}

TEST_CASE("Suggester: the closest name within a third of the word, first on a tie", "[hostile]") {
  Suggester s;
  CHECK(s.closest_match("vcp", {"alb", "vpc", "asg"}) == "vpc");
  CHECK(s.closest_match("subnts", {"subnet", "subnets"}) == "subnets");
  CHECK(s.closest_match("ab", {"ac", "ad"}) == "ac");
  CHECK(s.closest_match("cidr", {"zones", "nat"}) == std::nullopt);
  CHECK(s.closest_match("", {"a"}) == "a");
  // Longer than any name: nothing is compared.
  const std::size_t before = s.budget();
  CHECK(s.closest_match(std::string(Suggester::kMaxWordBytes + 1, 'a'), {std::string(Suggester::kMaxWordBytes, 'a')}) ==
        std::nullopt);
  CHECK(s.budget() == before);
}

TEST_CASE("Suggester: once its budget is spent it suggests nothing", "[hostile]") {
  // `vcp` against `vpc` costs one step for the candidate, four for the
  // rows' setup and at most three cells in each of three rows (k = 1).
  Suggester s(14);
  CHECK(s.closest_match("vcp", {"vpc"}) == "vpc");
  CHECK(s.budget() < 14);
  CHECK(s.closest_match("vcp", {"vpc"}) == std::nullopt);
  CHECK(s.budget() == 0);
  Diagnostic d{Rule::UnknownBlock, {}, "m", {}, {}};
  s.suggest(d, {}, "vcp", {"vpc", "alb"});
  CHECK(test::notes(d) == Strings{"expected one of: vpc, alb"});
}

// `count` variables in a chain, v0 = v1, ..., the last one a CIDR, and a
// VPC that uses v0.
std::string chain(int count, const std::string& link) {
  std::string text;
  for (int i = 0; i < count - 1; ++i) text += fmt::format("v{} = {}\n", i, fmt::format(fmt::runtime(link), i + 1));
  text += fmt::format("v{} = \"10.9.0.0/16\"\n", count - 1);
  return text + "vpc \"v\" {\n  cidr = v0\n  zones = [\"a\"]\n}\n";
}

TEST_CASE("5,000 chained variables are evaluated without recursion", "[hostile]") {
  auto c = compiled(chain(5000, "v{}"));
  CHECK(test::error_briefs(c->diags).empty());
  CHECK(c->model.vpcs.at(0).cidr->str() == "10.9.0.0/16");
}

TEST_CASE("200,000 chained interpolations, and a cycle through 100,000 variables", "[hostile]") {
  // A frame per variable overflowed the stack long before this.
  auto c = compiled(chain(200'000, "\"${{v{}}}\""));
  CHECK(test::error_briefs(c->diags).empty());
  CHECK(c->model.vpcs.at(0).cidr->str() == "10.9.0.0/16");

  std::string cycle;
  for (int i = 0; i < 100'000; ++i) cycle += fmt::format("v{} = [v{}]\n", i, (i + 1) % 100'000);
  auto cyclic = compiled(cycle + "stack \"s\" { tags = { a = v0 } }\n");
  REQUIRE(test::error_briefs(cyclic->diags) ==
          Strings{"1:7: error[reference-cycle]: variable `v0` depends on itself: v0 -> v1 -> v2 -> v3 -> v4 -> v5 -> "
                  "(99988 more) -> v99994 -> v99995 -> v99996 -> v99997 -> v99998 -> v99999 -> v0"});
  // The first and last six, as notes.
  const Strings notes = test::notes(cyclic->diags.all().front());
  CHECK(notes.size() == 12);
  CHECK(notes.at(0) == "2:7: `v1` uses `v2`");
  CHECK(notes.at(5) == "99988 more variables of the cycle are not shown");
  CHECK(notes.at(11) == "100000:11: `v99999` uses `v0`");
}

TEST_CASE("an error in a variable is reported once, however often it is used", "[hostile]") {
  auto c = compiled(
      "v0 = nope\nv1 = \"${v0}${v0}\"\nv2 = [v1, v1]\n"
      "stack \"s\" { tags = { a = v2, b = v2, c = \"${v1}\" } }\n");
  CHECK(test::error_briefs(c->diags) == Strings{"1:6: error[unknown-reference]: no variable named `nope`"});
}

TEST_CASE("variables that use the previous one twice stop at 64 MiB", "[hostile]") {
  SECTION("strings: 16 bytes doubled 40 times would be 16 TiB") {
    std::string text = "v0 = \"aaaaaaaaaaaaaaaa\"\n";
    for (int i = 1; i <= 40; ++i) text += fmt::format("v{} = \"${{v{}}}${{v{}}}\"\n", i, i - 1, i - 1);
    auto c = compiled(text + "stack \"s\" { tags = { a = v40 } }\n");
    // v1 to v20 copy 32 MiB in all; v21's first use of v20 makes it 48, the
    // second would pass 64.
    CHECK(test::error_briefs(c->diags) ==
          Strings{"22:16: error[value-too-large]: the values of this file would grow past 64 MiB here"});
  }
  SECTION("lists: 2^40 items") {
    // v(i) holds 3 * 2^i - 1 values of 128 bytes; v1 to v16 copy 48 MiB, and
    // v17's first use of v16 adds 24 more.
    std::string text = "v0 = [1]\n";
    for (int i = 1; i <= 40; ++i) text += fmt::format("v{} = [v{}, v{}]\n", i, i - 1, i - 1);
    auto c = compiled(text + "stack \"s\" { tags = { a = v40 } }\n");
    CHECK(test::error_briefs(c->diags) ==
          Strings{"18:8: error[value-too-large]: the values of this file would grow past 64 MiB here"});
  }
  SECTION("join() repeats its separator") {
    std::string items;
    for (int i = 0; i < 1000; ++i) items += "1, ";
    std::string text = "s0 = \"" + std::string(1000, '-') + "\"\n";
    for (int i = 1; i <= 20; ++i) text += fmt::format("s{} = join(s{}, [{}])\n", i, i - 1, items);
    auto c = compiled(text + "stack \"s\" { tags = { a = s20 } }\n");
    // s1 is a 1 MB string; s2 would repeat it 999 times.
    CHECK(test::error_briefs(c->diags) ==
          Strings{"3:6: error[value-too-large]: the values of this file would grow past 64 MiB here"});
  }
}

TEST_CASE("numbers past 64 bits are interpolated as written, without overflow", "[hostile]") {
  auto tag = [](const std::string& expr) {
    auto c = compiled("stack \"s\" { tags = { a = \"" + expr + "\" } }\n");
    INFO(Catch::Detail::stringify(test::briefs(c->diags)));
    REQUIRE(c->ok());
    return c->model.stack.tags.at(0).value;
  };
  // Converting 1e20 to a 64-bit integer was undefined (it gave -2^63); then
  // the double's digits were written. The digits as written never overflow.
  CHECK(tag("${99999999999999999999}") == "99999999999999999999");
  CHECK(tag("${-99999999999999999999}") == "-99999999999999999999");
  CHECK(tag("${9223372036854775807}") == "9223372036854775807");
  CHECK(tag("${-9223372036854775808}") == "-9223372036854775808");
  CHECK(tag("${-12}/${2.5}/${0.1}") == "-12/2.5/0.1");
  CHECK(tag("${join(\"/\", [18446744073709551616, 1])}") == "18446744073709551616/1");
  // More digits than a double's range: exact too.
  const std::string huge = "1" + std::string(250, '0');
  CHECK(tag("${" + huge + "}") == huge);
  CHECK(tag("${join(\",\", [" + huge + "])}") == huge);
}

}  // namespace
}  // namespace archc
