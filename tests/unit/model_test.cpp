// The semantic model through compile_text: names resolved, values read and
// checked, subnets allocated, and the exact errors for what is wrong.
#include <algorithm>

#include <catch2/catch.hpp>

#include "model/alb.hpp"
#include "model/asg.hpp"
#include "model/rds.hpp"
#include "test_support.hpp"

namespace archc {
namespace {

using Strings = std::vector<std::string>;

// A VPC for other blocks to stand on: two zones, a public tier, a private
// one and an isolated one. Seven lines, so text appended starts on line 8.
const std::string kVpc = R"(vpc "main" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "public" { public = true, cidrs = ["10.0.1.0/24", "10.0.2.0/24"] }
  subnet "app"    { cidrs = ["10.0.3.0/24", "10.0.4.0/24"] }
  subnet "db"     { isolated = true, cidrs = ["10.0.5.0/24", "10.0.6.0/24"] }
}
)";

// The errors of `text`, in source order (warnings are the checks' business).
Strings errors_of(std::string text) {
  auto c = test::compile(std::move(text));
  c->diags.sort();
  return test::error_briefs(c->diags);
}

// The one error of `text`, for a look at its notes.
Diagnostic only_error(std::string text) {
  auto c = test::compile(std::move(text));
  INFO(Catch::Detail::stringify(test::briefs(c->diags)));
  REQUIRE(c->diags.error_count() == 1);
  for (const auto& d : c->diags.all())
    if (d.severity() == Severity::Error) return d;
  FAIL("unreachable");
  return {};
}

// The model of `text`, which must have no errors.
std::unique_ptr<Compilation> compile_ok(std::string text) {
  auto c = test::compile(std::move(text));
  INFO(Catch::Detail::stringify(test::briefs(c->diags)));
  REQUIRE(c->ok());
  return c;
}

Strings cidrs_of(const model::Tier& t) {
  Strings out;
  for (const auto& c : t.cidrs) out.push_back(c.str());
  return out;
}

const model::Tier& tier(const model::Model& m, const std::string& name) {
  const auto& tiers = m.vpcs.at(0).tiers;
  auto it = std::find_if(tiers.begin(), tiers.end(), [&](const model::Tier& t) { return t.name == name; });
  REQUIRE(it != tiers.end());
  return *it;
}

// ---- Names -------------------------------------------------------------------

TEST_CASE("references resolve to the things they name, forward references included") {
  auto c = compile_ok(R"(sg-chain "tiers" {
  internet -> alb.web : http
  alb.web  -> asg.app : 80
  asg.app  -> rds.main : mysql
  "203.0.113.7/32" -> asg.app : ssh, 8000..8100
}
alb "web" {
  subnets = vpc.main.public
  listener "http" { port = 80, forward = asg.app }
}
asg "app" { subnets = vpc.main.app }
rds "main" {
  subnets  = vpc.main.db
  multi_az = true
}
)" + kVpc);
  const model::Model& m = c->model;
  const auto albs = m.all<model::Alb>();
  const auto asgs = m.all<model::Asg>();
  const auto rdss = m.all<model::Rds>();
  REQUIRE((albs.size() == 1 && asgs.size() == 1 && rdss.size() == 1 && m.vpcs.size() == 1));
  REQUIRE(m.resources.size() == 3);  // alb, asg, rds: in declaration order
  CHECK((albs[0]->subnets->vpc == 0 && albs[0]->subnets->tier == 0));
  CHECK(albs[0]->internet_facing);
  CHECK(albs[0]->listeners.at(0).forward == std::optional<std::size_t>(1));
  CHECK(asgs[0]->subnets->tier == 1);
  CHECK(rdss[0]->subnets->tier == 2);

  const auto& edges = m.chains.at(0).edges;
  REQUIRE(edges.size() == 4);
  using Kind = model::Endpoint::Kind;
  CHECK((edges[0].from.kind == Kind::Internet && edges[0].to.kind == Kind::Resource && edges[0].to.index == 0));
  CHECK((edges[0].ports.at(0).lo == 80 && edges[0].ports.at(0).hi == 80));
  CHECK((edges[1].from.kind == Kind::Resource && edges[1].from.index == 0 && edges[1].to.index == 1));
  CHECK((edges[2].to.kind == Kind::Resource && edges[2].to.index == 2 && edges[2].ports.at(0).lo == 3306));
  CHECK((edges[3].from.kind == Kind::Cidr && edges[3].from.cidr.str() == "203.0.113.7/32"));
  REQUIRE(edges[3].ports.size() == 2);
  CHECK((edges[3].ports[0].lo == 22 && edges[3].ports[1].lo == 8000 && edges[3].ports[1].hi == 8100));
}

TEST_CASE("an edge without ports opens what its target serves") {
  auto c = compile_ok(kVpc + R"(sg-chain "c" {
  asg.app -> rds.pg
  alb.web -> asg.app
}
alb "web" {
  subnets = vpc.main.public
  listener "http" { port = 80, forward = asg.app }
}
asg "app" {
  subnets = vpc.main.app
  port    = 8080
}
rds "pg" {
  engine   = "postgres"
  subnets  = vpc.main.db
  multi_az = true
}
)");
  const auto& edges = c->model.chains.at(0).edges;
  CHECK(edges.at(0).ports.at(0).lo == 5432);
  CHECK(edges.at(1).ports.at(0).lo == 8080);
}

TEST_CASE("a name declared twice is an error with a note at the first") {
  const Diagnostic d = only_error(kVpc + "asg \"app\" { subnets = vpc.main.app }\nasg \"app\" { subnets = vpc.main.app }\n");
  CHECK(test::brief(d) == "9:5: error[duplicate-name]: asg `app` is declared twice");
  CHECK(test::notes(d) == Strings{"8:5: first declared here"});

  CHECK(errors_of(R"(vpc "v" {
  cidr = "10.0.0.0/16", zones = ["a", "b"], nat = "none"
  subnet "s" { size = 24 }
  subnet "s" { size = 24 }
}
)") == Strings{"4:10: error[duplicate-name]: subnet tier `s` is declared twice"});
  CHECK(errors_of("stack \"a\" {}\nstack \"b\" {}\n") ==
        Strings{"2:1: error[duplicate-name]: a file has at most one stack block"});
  CHECK(errors_of("x = 1\nx = 2\n") == Strings{"2:1: error[duplicate-name]: variable `x` is defined twice"});
}

TEST_CASE("a reference to nothing is an error with a suggestion") {
  SECTION("a misspelt name") {
    const Diagnostic d = only_error(kVpc + "asg \"app\" { subnets = vpc.man.app }\n");
    CHECK(test::brief(d) == "8:27: error[unknown-reference]: no vpc named `man`");
    CHECK(test::notes(d) == Strings{"did you mean `main`?"});
  }
  SECTION("a misspelt tier") {
    const Diagnostic d = only_error(kVpc + "asg \"app\" { subnets = vpc.main.ap }\n");
    CHECK(test::brief(d) == "8:32: error[unknown-reference]: vpc `main` has no subnet tier `ap`");
    CHECK(test::notes(d) == Strings{"did you mean `app`?"});
  }
  SECTION("nothing close: the candidates are listed") {
    const Diagnostic d = only_error(kVpc + "asg \"app\" { subnets = vpc.main.zzzzzz }\n");
    CHECK(test::notes(d) == Strings{"expected one of: public, app, db"});
  }
  SECTION("nothing of that kind") {
    const Diagnostic d = only_error(kVpc + R"(alb "web" {
  subnets = vpc.main.public
  listener "http" { port = 80, forward = asg.app }
}
)");
    CHECK(test::brief(d) == "10:46: error[unknown-reference]: no asg named `app`");
    CHECK(test::notes(d) == Strings{"nothing of that kind is declared"});
  }
  SECTION("a kind that cannot be referenced") {
    const Diagnostic d = only_error(kVpc + "asg \"app\" { subnets = vcp.main.app }\n");
    CHECK(test::brief(d) == "8:23: error[unknown-reference]: `vcp` is not a kind that can be referenced");
  }
  SECTION("a tier where a resource is wanted") {
    CHECK(errors_of(kVpc + "sg-chain \"c\" { internet -> vpc.main.app }\n") ==
          Strings{"8:28: error[invalid-edge]: an edge ends at a resource with a security group of its own, such as `asg.NAME`: it opens that group"});
  }
}

TEST_CASE("unknown kinds and attributes are errors with a suggestion") {
  SECTION("attribute") {
    const Diagnostic d = only_error(kVpc + "asg \"app\" {\n  subnets = vpc.main.app\n  instance_typ = \"t3.micro\"\n}\n");
    CHECK(test::brief(d) == "10:3: error[unknown-attribute]: asg `app` has no attribute `instance_typ`");
    CHECK(test::notes(d) == Strings{"did you mean `instance_type`?"});
  }
  SECTION("block kind") {
    const Diagnostic d = only_error("vpcs \"x\" {}\n");
    CHECK(test::brief(d) == "1:1: error[unknown-block]: unknown block kind `vpcs`");
    CHECK(test::notes(d) == Strings{"did you mean `vpc`?"});
  }
  SECTION("nested block kind") {
    const Diagnostic d = only_error(kVpc + "asg \"app\" {\n  subnets = vpc.main.app\n  listener \"x\" {}\n}\n");
    CHECK(test::brief(d) == "10:3: error[unknown-block]: asg `app` cannot contain `listener` blocks");
  }
  SECTION("attribute set twice") {
    const Diagnostic d = only_error(kVpc + "asg \"app\" {\n  subnets = vpc.main.app\n  port = 80\n  port = 81\n}\n");
    CHECK(test::brief(d) == "11:3: error[duplicate-attribute]: `port` is set twice in asg `app`");
    CHECK(test::notes(d) == Strings{"10:3: first set here"});
  }
  SECTION("edge outside an sg-chain") {
    CHECK(errors_of(kVpc + "asg \"app\" {\n  subnets = vpc.main.app\n  internet -> asg.app\n}\n") ==
          Strings{"10:3: error[misplaced-edge]: edges (a -> b) belong in an sg-chain block, not in asg `app`"});
  }
  SECTION("names: missing, extra, empty") {
    CHECK(errors_of("asg {}\n") == Strings{"1:1: error[missing-name]: `asg` needs a name, as in asg \"main\" { ... }"});
    // The first label still names the block: it is read, and its own errors reported.
    CHECK(errors_of("asg \"a\" \"b\" {}\n") == Strings{"1:5: error[missing-attribute]: asg `a` needs `subnets`",
                                                      "1:9: error[extra-label]: `asg` takes one name"});
    CHECK(errors_of("asg \"\" {}\n") == Strings{"1:5: error[missing-name]: a name cannot be empty"});
  }
}

TEST_CASE("values of the wrong type are errors naming both types") {
  CHECK(errors_of(R"(vpc "v" {
  cidr  = 10
  zones = "a"
  nat   = "none"
  subnet "s" { public = "yes", cidrs = ["10.0.0.0/24", 1] }
}
stack "s" { tags = { a = 1 } }
)") == Strings{"2:11: error[type-mismatch]: `cidr` must be a string, not a number",
               "3:11: error[type-mismatch]: `zones` must be a list, not a string",
               "5:25: error[type-mismatch]: `public` must be a bool, not a string",
               "5:56: error[type-mismatch]: every item of `cidrs` must be a string, not a number",
               "7:26: error[type-mismatch]: `tags.a` must be a string, not a number"});
  CHECK(errors_of(kVpc + "asg \"app\" { subnets = \"vpc.main.app\" }\n") ==
        Strings{"8:23: error[type-mismatch]: expected a reference such as asg.app or vpc.main.app"});
  CHECK(errors_of(kVpc + "asg \"app\" { subnets = vpc.main }\n") ==
        Strings{"8:23: error[type-mismatch]: `subnets` must name a subnet tier, as in vpc.main.app"});
  CHECK(errors_of(kVpc + "asg \"app\" {\n  subnets = vpc.main.app\n  port = 80.5\n}\n") ==
        Strings{"10:10: error[invalid-value]: `port` must be a whole number from 1 to 65535"});
}

// ---- CIDRs and zones -----------------------------------------------------------

TEST_CASE("CIDR blocks: malformed, host bits set, prefix out of bounds") {
  SECTION("malformed") {
    for (const char* bad : {"10.0.0.0", "10.0.0/16", "10.0.0.256/16", "10.0.0.0/33", "010.0.0.0/16", "10.0.0.0/16 "}) {
      INFO(bad);
      CHECK(errors_of(fmt::format("vpc \"v\" {{\n  cidr = \"{}\"\n  zones = [\"a\"]\n}}\n", bad)) ==
            Strings{fmt::format("2:10: error[invalid-cidr]: `{}` is not an IPv4 CIDR block such as 10.0.0.0/16", bad)});
    }
  }
  SECTION("host bits set: the network is suggested") {
    const Diagnostic d = only_error("vpc \"v\" {\n  cidr = \"10.1.2.3/16\"\n  zones = [\"a\"]\n}\n");
    CHECK(test::brief(d) == "2:10: error[cidr-host-bits]: `10.1.2.3/16` has host bits set");
    CHECK(test::notes(d) == Strings{"did you mean `10.1.0.0/16`?"});
  }
  SECTION("prefixes from /16 to /28") {
    CHECK(errors_of("vpc \"v\" {\n  cidr = \"10.0.0.0/15\"\n  zones = [\"a\"]\n}\n") ==
          Strings{"2:10: error[cidr-prefix]: a VPC prefix must be from /16 to /28, not /15"});
    CHECK(errors_of(R"(vpc "v" {
  cidr = "10.0.0.0/16", zones = ["a", "b"], nat = "none"
  subnet "s" { cidrs = ["10.0.0.0/28", "10.0.0.16/29"] }
}
)") == Strings{"3:40: error[cidr-prefix]: a subnet prefix must be from /16 to /28, not /29"});
    compile_ok("vpc \"v\" {\n  cidr = \"10.0.0.0/28\"\n  zones = [\"a\"]\n}\n");
  }
  SECTION("edge sources are CIDRs too") {
    CHECK(errors_of(kVpc + "asg \"app\" { subnets = vpc.main.app }\nsg-chain \"c\" { \"203.0.113.7/24\" -> asg.app }\n") ==
          Strings{"9:16: error[cidr-host-bits]: `203.0.113.7/24` has host bits set"});
  }
}

TEST_CASE("cidrs holds one block per zone") {
  const Diagnostic d = only_error(R"(vpc "v" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b", "c"]
  nat   = "none"
  subnet "s" { cidrs = ["10.0.0.0/24", "10.0.1.0/24"] }
}
)");
  CHECK(test::brief(d) == "5:24: error[cidr-count]: `cidrs` has 2 blocks but vpc `v` has 3 zones");
  CHECK(test::notes(d) == Strings{"3:11: the zones are listed here"});
}

TEST_CASE("zone letters must exist in the stack's region") {
  SECTION("with a stack: the region's zones and the stack are named") {
    const Diagnostic d = only_error(R"(stack "s" { region = "ap-northeast-1" }
vpc "v" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
}
)");
    CHECK(test::brief(d) == "4:17: error[unknown-zone]: zone `b` does not exist in ap-northeast-1");
    CHECK(test::notes(d) == Strings{"ap-northeast-1 has zones a, c, d", "1:7: the region is set by this stack"});
  }
  SECTION("the default region is us-east-1") {
    const Diagnostic d = only_error("vpc \"v\" {\n  cidr = \"10.0.0.0/16\"\n  zones = [\"a\", \"g\"]\n}\n");
    CHECK(test::brief(d) == "3:17: error[unknown-zone]: zone `g` does not exist in us-east-1");
    CHECK(test::notes(d) == Strings{"us-east-1 has zones a, b, c, d, e, f"});
  }
  SECTION("a zone listed twice") {
    CHECK(errors_of("vpc \"v\" {\n  cidr = \"10.0.0.0/16\"\n  zones = [\"a\", \"a\"]\n}\n") ==
          Strings{"3:17: error[duplicate-zone]: zone `a` is listed twice"});
  }
  SECTION("an unknown region") {
    const Diagnostic d = only_error("stack \"s\" { region = \"us-east-9\" }\n");
    CHECK(test::brief(d) == "1:22: error[unknown-region]: unknown AWS region `us-east-9`");
    CHECK(test::notes(d) == Strings{"did you mean `us-east-1`?"});
  }
}

// ---- Subnet allocation ---------------------------------------------------------

TEST_CASE("size allocates the lowest free aligned blocks, in tier then zone order, around explicit cidrs") {
  auto c = compile_ok(R"(vpc "v" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "public" { public = true, cidrs = ["10.0.0.0/24", "10.0.2.0/24"] }
  subnet "app"    { size = 24 }
  subnet "big"    { size = 22 }
  subnet "small"  { size = 28 }
  subnet "fill"   { size = 24 }
}
)");
  const model::Model& m = c->model;
  CHECK(cidrs_of(tier(m, "public")) == Strings{"10.0.0.0/24", "10.0.2.0/24"});
  CHECK(cidrs_of(tier(m, "app")) == Strings{"10.0.1.0/24", "10.0.3.0/24"});
  CHECK(cidrs_of(tier(m, "big")) == Strings{"10.0.4.0/22", "10.0.8.0/22"});
  CHECK(cidrs_of(tier(m, "small")) == Strings{"10.0.12.0/28", "10.0.12.16/28"});
  CHECK(cidrs_of(tier(m, "fill")) == Strings{"10.0.13.0/24", "10.0.14.0/24"});
}

TEST_CASE("size skips explicit cidrs declared after it") {
  auto c = compile_ok(R"(vpc "v" {
  cidr  = "10.0.0.0/24"
  zones = ["a", "b"]
  nat   = "none"
  subnet "auto"  { size = 26 }
  subnet "fixed" { cidrs = ["10.0.0.0/26", "10.0.0.128/26"] }
}
)");
  CHECK(cidrs_of(tier(c->model, "auto")) == Strings{"10.0.0.64/26", "10.0.0.192/26"});
}

TEST_CASE("allocation is the same run after run") {
  const std::string text = R"(vpc "v" {
  cidr  = "10.20.0.0/20"
  zones = ["a", "b", "c"]
  nat   = "none"
  subnet "x" { size = 23 }
  subnet "y" { cidrs = ["10.20.2.0/24", "10.20.9.0/24", "10.20.4.0/24"] }
  subnet "z" { size = 24 }
}
)";
  const Strings first = cidrs_of(tier(compile_ok(text)->model, "z"));
  CHECK(first == Strings{"10.20.3.0/24", "10.20.5.0/24", "10.20.8.0/24"});
  for (int run = 0; run < 3; ++run) CHECK(cidrs_of(tier(compile_ok(text)->model, "z")) == first);
}

TEST_CASE("size that no longer fits is an error at the size") {
  CHECK(errors_of(R"(vpc "v" {
  cidr  = "10.0.0.0/24"
  zones = ["a", "b"]
  nat   = "none"
  subnet "half"  { size = 25 }
  subnet "extra" { size = 26 }
}
)") == Strings{"6:27: error[subnet-size]: no free /26 block is left in vpc `v` (10.0.0.0/24) for zone a of tier `extra`"});
  CHECK(errors_of(R"(vpc "v" {
  cidr  = "10.0.0.0/20"
  zones = ["a", "b"]
  nat   = "none"
  subnet "s" { size = 19 }
}
)") == Strings{"5:23: error[subnet-size]: no free /19 block is left in vpc `v` (10.0.0.0/20) for zone a of tier `s`"});
}

TEST_CASE("a tier gives cidrs or size, one of them") {
  const Diagnostic both = only_error(R"(vpc "v" {
  cidr = "10.0.0.0/16", zones = ["a"], nat = "none"
  subnet "s" { cidrs = ["10.0.0.0/24"], size = 24 }
}
)");
  CHECK(test::brief(both) == "3:41: error[conflicting-attributes]: give either `cidrs` or `size`, not both");
  CHECK(test::notes(both) == Strings{"3:16: `cidrs` is given here"});
  CHECK(errors_of("vpc \"v\" {\n  cidr = \"10.0.0.0/16\", zones = [\"a\"], nat = \"none\"\n  subnet \"s\" {}\n}\n") ==
        Strings{"3:10: error[missing-attribute]: subnet tier `v.s` needs `cidrs` (one per zone) or `size` (a prefix length)"});
  CHECK(errors_of("vpc \"v\" {\n  cidr = \"10.0.0.0/16\", zones = [\"a\"], nat = \"none\"\n  subnet \"s\" { size = 30 }\n}\n") ==
        Strings{"3:23: error[invalid-value]: `size` must be a whole number from 16 to 28"});
}

// ---- Resources -----------------------------------------------------------------

TEST_CASE("asg capacity: defaults and min <= desired <= max") {
  auto asg_errors = [](const std::string& body) {
    return errors_of(kVpc + "asg \"a\" {\n  subnets = vpc.main.app\n  " + body + "\n}\n");
  };
  CHECK(asg_errors("min = 3, max = 2") == Strings{"10:9: error[invalid-value]: min (3) is above max (2)"});
  CHECK(asg_errors("min = 1, max = 3, desired = 5") ==
        Strings{"10:31: error[invalid-value]: desired (5) must be between min (1) and max (3)"});
  CHECK(asg_errors("min = 2, desired = 1") ==
        Strings{"10:22: error[invalid-value]: desired (1) must be between min (2) and max (2)"});
  CHECK(asg_errors("max = 10001") == Strings{"10:9: error[invalid-value]: `max` must be a whole number from 0 to 10000"});

  auto capacity = [](const std::string& body) {
    const auto c = compile_ok(kVpc + "asg \"a\" {\n  subnets = vpc.main.app\n  " + body + "\n}\n");
    const auto& a = *c->model.all<model::Asg>().at(0);
    return std::vector<int>{a.min, a.desired, a.max};
  };
  CHECK(capacity("") == std::vector<int>{1, 1, 1});
  CHECK(capacity("min = 2") == std::vector<int>{2, 2, 2});
  CHECK(capacity("max = 4") == std::vector<int>{1, 1, 4});
  CHECK(capacity("desired = 3") == std::vector<int>{1, 3, 3});
  CHECK(capacity("min = 2, max = 6, desired = 4") == std::vector<int>{2, 4, 6});
}

TEST_CASE("asg attributes are read and checked") {
  auto c = compile_ok(kVpc + R"(asg "a" {
  subnets       = vpc.main.app
  max = 3
  instance_type = "t3.small"
  image         = "ami-0123456789abcdef0"
  port          = 8080
  health_check  = "/health"
  scale_cpu     = 60
  user_data     = "echo hi\n"
}
)");
  const model::Asg& a = *c->model.all<model::Asg>().at(0);
  CHECK(a.instance_type == "t3.small");
  CHECK(a.image == "ami-0123456789abcdef0");
  CHECK(a.port == 8080);
  CHECK(a.health_check.path == "/health");
  CHECK(a.scale_cpu == std::optional<int>(60));
  CHECK(a.user_data == std::optional<std::string>("echo hi\n"));

  const Diagnostic image = only_error(kVpc + "asg \"a\" {\n  subnets = vpc.main.app\n  image = \"al2024\"\n}\n");
  CHECK(test::brief(image) == "10:11: error[unknown-image]: `al2024` is neither an AMI id (ami-...) nor a known image alias");
  CHECK(test::notes(image) == Strings{"did you mean `al2023`?"});
  CHECK(errors_of(kVpc + "asg \"a\" {\n  subnets = vpc.main.app\n  health_check = \"health\"\n}\n") ==
        Strings{"10:18: error[invalid-value]: `health_check` is a path starting with /"});
  CHECK(errors_of(kVpc + "asg \"a\" {}\n") == Strings{"8:5: error[missing-attribute]: asg `a` needs `subnets`"});
  // A target-tracking policy needs room between min and max (cfn-lint E3712).
  CHECK(errors_of(kVpc + "asg \"a\" {\n  subnets = vpc.main.app\n  min = 2, max = 2, scale_cpu = 50\n}\n") ==
        Strings{"10:33: error[invalid-value]: `scale_cpu` scales between min and max, but both are 2: raise max"});
  // A min above max is that one error, not a second about scale_cpu.
  CHECK(errors_of(kVpc + "asg \"a\" {\n  subnets = vpc.main.app\n  min = 4, max = 2, scale_cpu = 50\n}\n") ==
        Strings{"10:9: error[invalid-value]: min (4) is above max (2)"});
}

TEST_CASE("listeners forward to an asg or redirect to HTTPS, not both") {
  // The chain opens the asg's port to the alb, so a listener that forwards
  // is not also blocked (forward-port-blocked).
  auto alb = [](const std::string& listener) {
    return kVpc + "asg \"app\" { subnets = vpc.main.app }\nalb \"web\" {\n  subnets = vpc.main.public\n  " + listener +
           "\n}\nsg-chain \"c\" { alb.web -> asg.app : 80 }\n";
  };
  SECTION("forward and redirect are read") {
    auto c = compile_ok(alb(R"(listener "http" { port = 80, redirect = 443 }
  listener "https" { port = 443, certificate = "arn:aws:acm:us-east-1:123456789012:certificate/x", forward = asg.app })"));
    const auto& listeners = c->model.all<model::Alb>().at(0)->listeners;
    REQUIRE(listeners.size() == 2);
    CHECK((listeners[0].port == 80 && listeners[0].redirect == std::optional<int>(443) && !listeners[0].forward));
    CHECK_FALSE(listeners[0].https());
    CHECK((listeners[1].port == 443 && listeners[1].forward == std::optional<std::size_t>(0) && !listeners[1].redirect));
    CHECK(listeners[1].https());
  }
  SECTION("both") {
    const Diagnostic d = only_error(alb("listener \"http\" { port = 80, redirect = 443, forward = asg.app }"));
    CHECK(test::brief(d) == "11:48: error[conflicting-attributes]: a listener either redirects or forwards, not both");
    CHECK(test::notes(d) == Strings{"11:32: `redirect` is given here"});
  }
  SECTION("neither") {
    CHECK(errors_of(alb("listener \"http\" { port = 80 }")) ==
          Strings{"11:12: error[missing-attribute]: listener `http` needs `forward` (an asg) or `redirect` (an HTTPS port)"});
  }
  SECTION("forward to something other than an asg") {
    CHECK(errors_of(alb("listener \"http\" { port = 80, forward = vpc.main.app }")) ==
          Strings{"11:42: error[type-mismatch]: `forward` must name a block of kind `asg`, as in asg.NAME"});
  }
  SECTION("a certificate is an ARN") {
    CHECK(errors_of(alb("listener \"https\" { port = 443, certificate = \"cert\", forward = asg.app }")) ==
          Strings{"11:48: error[invalid-value]: `certificate` must be an ACM certificate ARN (arn:...)"});
  }
  SECTION("a port out of range") {
    CHECK(errors_of(alb("listener \"http\" { port = 0, redirect = 65536 }")) ==
          Strings{"11:28: error[invalid-value]: `port` must be a whole number from 1 to 65535",
                  "11:42: error[invalid-value]: `redirect` must be a whole number from 1 to 65535"});
  }
  SECTION("an alb needs a listener") {
    CHECK(errors_of(kVpc + "alb \"web\" { subnets = vpc.main.public }\n") ==
          Strings{"8:5: error[missing-attribute]: alb `web` needs at least one listener block"});
  }
}

TEST_CASE("sg-chain ports: names, numbers and ranges are checked") {
  auto chain_errors = [](const std::string& ports) {
    return errors_of(kVpc + "asg \"app\" { subnets = vpc.main.app }\nsg-chain \"c\" { internet -> asg.app : " + ports + " }\n");
  };
  const Diagnostic d = only_error(kVpc + "asg \"app\" { subnets = vpc.main.app }\nsg-chain \"c\" { internet -> asg.app : htps }\n");
  CHECK(test::brief(d) == "9:38: error[unknown-port]: unknown port name `htps`");
  CHECK(test::notes(d) == Strings{"did you mean `https`?"});
  for (const char* bad : {"0", "65536", "90..80"}) {
    INFO(bad);
    CHECK(chain_errors(bad) == Strings{"9:38: error[invalid-port]: a port is from 1 to 65535, and a range runs from low to high"});
  }
}

// ---- Stack, variables, functions -------------------------------------------------

TEST_CASE("the stack name defaults to the file name; the region to us-east-1") {
  auto stack_of = [](const std::string& path) {
    auto c = compile_text(path, "x = 1\n");
    REQUIRE(c->ok());
    return c->model.stack;
  };
  const model::Stack unnamed = stack_of("some/dir/My__Site-.v2.arch");
  CHECK(unnamed.name == "my-site");
  CHECK(unnamed.region == "us-east-1");
  CHECK_FALSE(unnamed.range.valid());
  CHECK(stack_of("2-tier.arch").name == "tier");
  CHECK(stack_of("42.arch").name == "archc");

  auto named = compile_ok("stack \"lab\" {\n  region = \"eu-west-1\"\n  tags = { team = \"net\", \"cost center\" = \"42\" }\n}\n");
  CHECK(named->model.stack.name == "lab");
  CHECK(named->model.stack.region == "eu-west-1");
  REQUIRE(named->model.stack.tags.size() == 2);
  CHECK((named->model.stack.tags[1].key == "cost center" && named->model.stack.tags[1].value == "42"));

  CHECK(errors_of("stack \"1lab\" {}\n") ==
        Strings{"1:7: error[invalid-name]: a stack name starts with a letter and holds letters, digits and single hyphens, not at the end (at most 64)"});
  CHECK(errors_of("stack \"s\" { tags = { Name = \"x\" } }\n") ==
        Strings{"1:22: error[invalid-value]: the Name tag is set by archc for every resource"});
}

TEST_CASE("top-level variables and interpolation") {
  auto c = compile_ok(R"(prefix = "10.2"
team   = "web"
count  = 3
ratio  = 2.5
on     = true
stack "s" { tags = { label = "${team}-${count}-${ratio}-${on}", copy = team, plain = "$${team}" } }
vpc "v" {
  cidr  = "${prefix}.0.0/16"
  zones = ["a"]
}
)");
  const auto& tags = c->model.stack.tags;
  REQUIRE(tags.size() == 3);
  CHECK(tags[0].value == "web-3-2.5-true");
  CHECK(tags[1].value == "web");
  CHECK(tags[2].value == "${team}");
  CHECK(c->model.vpcs.at(0).cidr->str() == "10.2.0.0/16");
}

TEST_CASE("variable errors: unknown, cyclic, not interpolable") {
  SECTION("unknown, with a suggestion") {
    const Diagnostic d = only_error("prefix = \"10.2\"\nvpc \"v\" {\n  cidr = \"${prefx}.0.0/16\"\n  zones = [\"a\"]\n}\n");
    CHECK(test::brief(d) == "3:13: error[unknown-reference]: no variable named `prefx`");
    CHECK(test::notes(d) == Strings{"did you mean `prefix`?"});
  }
  SECTION("a cycle") {
    const Diagnostic d = only_error("a = b\nb = a\nstack \"s\" { tags = { x = a } }\n");
    CHECK(test::brief(d) == "1:5: error[reference-cycle]: variable `a` depends on itself: a -> b -> a");
    CHECK(test::notes(d) == Strings{"2:5: `b` uses `a`"});
  }
}

TEST_CASE("a cycle of variables is reported once, used or not, from its variable written first") {
  SECTION("unused: the same error, and each variable unused") {
    const auto c = test::compile("a = b\nb = a\n");
    CHECK(test::briefs(c->diags) == Strings{"1:1: warning[unused-variable]: variable `a` is never used",
                                            "1:5: error[reference-cycle]: variable `a` depends on itself: a -> b -> a",
                                            "2:1: warning[unused-variable]: variable `b` is never used"});
  }
  SECTION("a variable that uses itself, unused") {
    const Diagnostic d = only_error("a = [1, \"${a}\"]\n");
    CHECK(test::brief(d) == "1:12: error[reference-cycle]: variable `a` depends on itself");
    CHECK(test::notes(d).empty());
  }
  SECTION("used often, entered from a variable written later") {
    const Diagnostic d =
        only_error("c = a\na = b\nb = \"${c}\"\nstack \"s\" { tags = { x = b, y = \"${a}\", z = c } }\n");
    CHECK(test::brief(d) == "1:5: error[reference-cycle]: variable `c` depends on itself: c -> a -> b -> c");
    CHECK(test::notes(d) == Strings{"2:5: `a` uses `b`", "3:8: `b` uses `c`"});
  }
  SECTION("two cycles through one variable are two reports; what uses a cycle is not evaluated") {
    CHECK(errors_of("a = [b, c]\nb = a\nc = a\nd = \"${a}\"\nstack \"s\" { tags = { x = d } }\n") ==
          Strings{"1:6: error[reference-cycle]: variable `a` depends on itself: a -> b -> a",
                  "1:9: error[reference-cycle]: variable `a` depends on itself: a -> c -> a"});
  }
  SECTION("a list cannot be interpolated") {
    CHECK(errors_of("l = [1]\nstack \"s\" { tags = { x = \"${l}\" } }\n") ==
          Strings{"2:29: error[type-mismatch]: cannot interpolate a list into a string"});
  }
  SECTION("a block cannot be a value") {
    CHECK(errors_of(kVpc + "stack \"s\" { tags = { x = vpc.main } }\n") ==
          Strings{"8:26: error[unknown-reference]: a value here cannot refer to a block; only top-level variables"});
  }
  SECTION("a key twice in an object") {
    CHECK(errors_of("stack \"s\" { tags = { a = \"1\", a = \"2\" } }\n") ==
          Strings{"1:31: error[duplicate-name]: key `a` appears twice in this object"});
  }
}

TEST_CASE("cidrsubnet computes subnets as Terraform does") {
  auto cidr_of = [](const std::string& call) {
    return compile_ok("vpc \"v\" {\n  cidr = " + call + "\n  zones = [\"a\"]\n}\n")->model.vpcs.at(0).cidr->str();
  };
  CHECK(cidr_of("cidrsubnet(\"10.0.0.0/8\", 8, 3)") == "10.3.0.0/16");
  CHECK(cidr_of("cidrsubnet(\"10.0.0.0/12\", 8, 255)") == "10.15.240.0/20");
  CHECK(cidr_of("cidrsubnet(\"10.1.0.0/16\", 0, 0)") == "10.1.0.0/16");
  CHECK(cidr_of("lower(\"10.9.0.0/16\")") == "10.9.0.0/16");

  auto call_errors = [](const std::string& call) {
    return errors_of("vpc \"v\" {\n  cidr = " + call + "\n  zones = [\"a\"]\n}\n");
  };
  CHECK(call_errors("cidrsubnet(\"10.0.0.0/16\", 17, 0)") ==
        Strings{"2:36: error[invalid-value]: newbits must be a whole number from 0 to 16"});
  CHECK(call_errors("cidrsubnet(\"10.0.0.0/16\", 8, 256)") ==
        Strings{"2:39: error[invalid-value]: netnum must be a whole number below 256"});
  CHECK(call_errors("cidrsubnet(\"10.0.0/16\", 8, 1)") ==
        Strings{"2:21: error[invalid-cidr]: `10.0.0/16` is not a CIDR block"});
  CHECK(call_errors("cidrsubnet(\"10.0.0.0/16\", 8)") ==
        Strings{"2:10: error[type-mismatch]: `cidrsubnet` takes a CIDR string and two numbers"});
  const Diagnostic d = only_error("vpc \"v\" {\n  cidr = cidrsubnets(\"10.0.0.0/8\", 8, 1)\n  zones = [\"a\"]\n}\n");
  CHECK(test::brief(d) == "2:10: error[unknown-function]: unknown function `cidrsubnets`");
  CHECK(test::notes(d) == Strings{"did you mean `cidrsubnet`?"});
}

TEST_CASE("join, lower and upper") {
  auto c = compile_ok(R"(names = ["a", "b", 3]
stack "s" { tags = { j = join("-", names), l = lower("MiXed"), u = upper("MiXed") } }
)");
  const auto& tags = c->model.stack.tags;
  REQUIRE(tags.size() == 3);
  CHECK(tags[0].value == "a-b-3");
  CHECK(tags[1].value == "mixed");
  CHECK(tags[2].value == "MIXED");
}

}  // namespace
}  // namespace archc
