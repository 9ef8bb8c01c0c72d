// A syntax error costs only the item it is in: the rest of its block and
// every other block are still read and checked, with every diagnostic they
// would have without it. Each case inserts one broken line into the same
// file and expects the file's own diagnostics (shifted by that line), plus
// the syntax error, and minus only what the broken item could have changed.
#include <catch2/catch.hpp>

#include "test_support.hpp"

namespace archc {
namespace {

using Strings = std::vector<std::string>;

// Three errors and a warning, in different blocks. (rds-single-az is not
// among them: an rds with a wrong attribute is not judged on the others.)
const std::string kBase = R"(vpc "main" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "public" { public = true, cidrs = ["10.0.1.0/24", "10.0.2.0/24"] }
  subnet "app"    { cidrs = ["10.0.3.0/24", "10.0.1.0/24"] }
  subnet "db"     { isolated = true, cidrs = ["10.0.5.0/24", "10.0.6.0/24"] }
}
sg-chain "tiers" {
  internet -> alb.web : http
  alb.web  -> asg.app : 80
  internet -> asg.app : ssh
  asg.app  -> rds.main : mysql
}
alb "web" {
  subnets = vpc.main.public
  listener "http" { port = 80, forward = asg.app }
}
asg "app" {
  subnets = vpc.main.app
  image   = "al2024"
}
rds "main" {
  subnets = vpc.main.db
  engine  = "mysqll"
}
)";

// kBase with `line` inserted after line `after`.
std::string with_line(int after, const std::string& line) {
  std::string text = kBase;
  std::size_t at = 0;
  for (int i = 0; i < after; ++i) at = text.find('\n', at) + 1;
  return text.insert(at, line + "\n");
}

const char* kOverlap = "error[cidr-overlap]: subnet 10.0.1.0/24 of tier `app` overlaps 10.0.1.0/24 of tier `public`";
const char* kSsh = "warning[admin-port-from-internet]: ssh (port 22) of asg.app is open to the whole internet";
const char* kImage = "error[unknown-image]: `al2024` is neither an AMI id (ami-...) nor a known image alias";
const char* kEngine = "error[unknown-engine]: unknown database engine `mysqll`";

std::string at(const char* where, const char* what) { return std::string(where) + ": " + what; }

}  // namespace

TEST_CASE("the file without a syntax error", "[recovery]") {
  CHECK(test::diagnostics_of(kBase) ==
        Strings{at("5:45", kOverlap), at("11:25", kSsh), at("20:13", kImage), at("24:13", kEngine)});
}

TEST_CASE("a broken attribute: the rest of its block and the other blocks are still checked", "[recovery]") {
  CHECK(test::diagnostics_of(with_line(19, "  min = = 2")) ==
        Strings{at("5:45", kOverlap), at("11:25", kSsh),
                "20:9: error[syntax]: expected a value (a string, number, list, object, or reference)",
                at("21:13", kImage), at("25:13", kEngine)});
}

TEST_CASE("a broken edge: the chain's other edges are still checked", "[recovery]") {
  CHECK(test::diagnostics_of(with_line(9, "  alb.web -> : http")) ==
        Strings{at("5:45", kOverlap),
                "10:14: error[syntax]: expected an edge target: internet, a CIDR string or a reference such as asg.app",
                at("12:25", kSsh), at("21:13", kImage), at("25:13", kEngine)});
}

TEST_CASE("a broken nested block: the vpc's other tiers are still checked", "[recovery]") {
  CHECK(test::diagnostics_of(with_line(4, "  subnet \"x\" ( public = true )")) ==
        Strings{"5:3: error[syntax]: expected an attribute (name = value), a block, an edge (a -> b) or '}'",
                at("6:45", kOverlap), at("12:25", kSsh), at("21:13", kImage),
                at("25:13", kEngine)});
  // A nested block with a broken attribute stays, without its complaint
  // about the `cidrs` the broken part held.
  CHECK(test::diagnostics_of(with_line(4, "  subnet \"x\" { public = true, cidrs = [\"10.0.9.0/24\" \"10.0.10.0/24\"] }")) ==
        Strings{"5:54: error[syntax]: expected ',' or ']' in the list", at("6:45", kOverlap), at("12:25", kSsh),
                at("21:13", kImage), at("25:13", kEngine)});
}

TEST_CASE("an unterminated string: parsing resumes on the next line", "[recovery]") {
  // The rds block lost an attribute; its engine is still checked.
  CHECK(test::diagnostics_of(with_line(23, "  class   = \"db.t3.micro")) ==
        Strings{at("5:45", kOverlap), at("11:25", kSsh), at("20:13", kImage),
                "24:25: error[syntax]: unterminated string: expected '\"' before the end of the line",
                at("25:13", kEngine)});
}

TEST_CASE("a list left open: the list ends where the next line starts an item", "[recovery]") {
  // The tiers below the open list are read: the overlap is found, and the
  // asg's and alb's references to them resolve.
  CHECK(test::diagnostics_of(with_line(2, "  nat   = [\"single\"")) ==
        Strings{"4:3: error[syntax]: expected ',' or ']' in the list", at("6:45", kOverlap), at("12:25", kSsh),
                at("21:13", kImage), at("25:13", kEngine)});
  // A trailing comma, or a string left open in the list, the same.
  CHECK(test::diagnostics_of(with_line(2, "  nat   = [\"single\",")) ==
        Strings{"4:9: error[syntax]: expected ',' or ']' in the list", at("6:45", kOverlap), at("12:25", kSsh),
                at("21:13", kImage), at("25:13", kEngine)});
  CHECK(test::diagnostics_of(with_line(2, "  nat   = [\"single]")) ==
        Strings{"3:20: error[syntax]: unterminated string: expected '\"' before the end of the line",
                at("6:45", kOverlap), at("12:25", kSsh), at("21:13", kImage), at("25:13", kEngine)});
  // A list over several lines keeps going on lines of values; the first
  // line that starts an item ends it.
  CHECK(test::diagnostics_of(with_line(19, "  port = [80,\n  81\n  health_check = \"/\"")) ==
        Strings{at("5:45", kOverlap), at("11:25", kSsh),
                "22:3: error[syntax]: expected ',' or ']' in the list", at("23:13", kImage), at("27:13", kEngine)});
}

TEST_CASE("a broken top-level item: the checks that conclude from what is missing hold back", "[recovery]") {
  // `asgg` might have been an asg on the unused tier, or a chain reaching
  // the asg: neither unused-tier nor unreachable-resource may be claimed.
  const std::string text = R"(vpc "main" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "app" { cidrs = ["10.0.3.0/24", "10.0.4.0/24"] }
  subnet "spare" { isolated = true, cidrs = ["10.0.5.0/24", "10.0.6.0/24"] }
}
asg "app" { subnets = vpc.main.app }
asgg "x" { subnets = vpc.main.spare }
)";
  CHECK(test::diagnostics_of(text) ==
        Strings{"7:23: warning[asg-without-nat]: asg `app` runs in private tier `app` but vpc `main` has no NAT "
                "gateway: its instances cannot reach the internet",
                "8:1: error[unknown-block]: unknown block kind `asgg`"});
}

TEST_CASE("a wrong attribute keeps its default out of the checks", "[recovery]") {
  // `multiaz` is not `multi_az`: the rds is not judged single-AZ on a
  // default the source does not say.
  const std::string text = R"(vpc "v" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "db" { isolated = true, cidrs = ["10.0.5.0/24", "10.0.6.0/24"] }
}
rds "main" {
  subnets = vpc.v.db
  multiaz = true
}
sg-chain "c" { "10.8.0.0/24" -> rds.main }
)";
  const auto d = test::diagnostics_of(text);
  REQUIRE(d.size() == 1);
  CHECK(d[0] == "8:3: error[unknown-attribute]: rds `main` has no attribute `multiaz`");
}

TEST_CASE("a name that only a broken block declares is not reported again where it is used", "[recovery]") {
  SECTION("a variable whose value does not parse") {
    CHECK(test::diagnostics_of("base = cidrsubnet(\"10.0.0.0/8\", 8 1)\nvpc \"v\" {\n  cidr = base\n  zones = [\"a\"]\n}\n") ==
          Strings{"1:35: error[syntax]: expected ',' or ')' in the call"});
  }
  SECTION("a tier whose label does not end, an unknown kind, an extra label") {
    const std::string text = R"(vpc "v" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "app { size = 24 }
}
asg "app" { subnets = vpc.v.app }
asgg "web" { }
sg-chain "c" { internet -> asg.web : 80 }
asg "x" "y" { subnets = vpc.v.app }
sg-chain "d" { internet -> asg.x : 80 }
)";
    CHECK(test::diagnostics_of(text) ==
          Strings{"4:28: error[syntax]: unterminated string: expected '\"' before the end of the line",
                  "7:1: error[unknown-block]: unknown block kind `asgg`", "9:9: error[extra-label]: `asg` takes one name"});
  }
}

}  // namespace archc
