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

// Three errors and two warnings, one in each kind of block.
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
const char* kSingleAz = "warning[rds-single-az]: rds `main` is not multi_az: one zone's outage stops the database";
const char* kEngine = "error[unknown-engine]: unknown database engine `mysqll`";

std::string at(const char* where, const char* what) { return std::string(where) + ": " + what; }

}  // namespace

TEST_CASE("the file without a syntax error", "[recovery]") {
  CHECK(test::diagnostics_of(kBase) ==
        Strings{at("5:45", kOverlap), at("11:25", kSsh), at("20:13", kImage), at("22:5", kSingleAz), at("24:13", kEngine)});
}

TEST_CASE("a broken attribute: the rest of its block and the other blocks are still checked", "[recovery]") {
  CHECK(test::diagnostics_of(with_line(19, "  min = = 2")) ==
        Strings{at("5:45", kOverlap), at("11:25", kSsh),
                "20:9: error[syntax]: expected a value (a string, number, list, object, or reference)",
                at("21:13", kImage), at("23:5", kSingleAz), at("25:13", kEngine)});
}

TEST_CASE("a broken edge: the chain's other edges are still checked", "[recovery]") {
  CHECK(test::diagnostics_of(with_line(9, "  alb.web -> : http")) ==
        Strings{at("5:45", kOverlap),
                "10:14: error[syntax]: expected an edge target: internet, a CIDR string or a reference such as asg.app",
                at("12:25", kSsh), at("21:13", kImage), at("23:5", kSingleAz), at("25:13", kEngine)});
}

TEST_CASE("a broken nested block: the vpc's other tiers are still checked", "[recovery]") {
  CHECK(test::diagnostics_of(with_line(4, "  subnet \"x\" ( public = true )")) ==
        Strings{"5:3: error[syntax]: expected an attribute (name = value), a block, an edge (a -> b) or '}'",
                at("6:45", kOverlap), at("12:25", kSsh), at("21:13", kImage), at("23:5", kSingleAz),
                at("25:13", kEngine)});
  // A nested block with a broken attribute stays, without its complaint
  // about the `cidrs` the broken part held.
  CHECK(test::diagnostics_of(with_line(4, "  subnet \"x\" { public = true, cidrs = [\"10.0.9.0/24\" \"10.0.10.0/24\"] }")) ==
        Strings{"5:54: error[syntax]: expected ',' or ']' in the list", at("6:45", kOverlap), at("12:25", kSsh),
                at("21:13", kImage), at("23:5", kSingleAz), at("25:13", kEngine)});
}

TEST_CASE("an unterminated string: parsing resumes on the next line", "[recovery]") {
  // The rds block lost an attribute, which might have been `multi_az`: its
  // rds-single-az warning is held back, its engine is still checked.
  CHECK(test::diagnostics_of(with_line(23, "  class   = \"db.t3.micro")) ==
        Strings{at("5:45", kOverlap), at("11:25", kSsh), at("20:13", kImage),
                "24:25: error[syntax]: unterminated string: expected '\"' before the end of the line",
                at("25:13", kEngine)});
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

}  // namespace archc
