// The AWS catalogues of stdlib/ (issue 9 part 4): EC2 instance types, DB
// instance classes, RDS engine versions and the classes each offers, the
// release written into the output, and zone letters that differ per account.
#include <algorithm>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "emit/cloudformation.hpp"
#include "emit/terraform.hpp"
#include "lower/lower.hpp"
#include "model/aws_catalog.hpp"
#include "test_support.hpp"

namespace archc {
namespace {

using Strings = std::vector<std::string>;

// Lines 1 to 6 in REGION with ZONES; line 7 and on: `rest`.
std::string in_region(std::string_view region, std::string_view zones, std::string_view rest) {
  return fmt::format(R"(stack "s" {{ region = "{}" }}
vpc "v" {{
  cidr  = "10.0.0.0/16"
  zones = [{}]
  subnet "app" {{ size = 24 }}
}}
{})",
                     region, zones, rest);
}

// An rds on line 7 with ATTRS, and the edge that makes it reachable.
std::string rds(std::string_view attrs) {
  return in_region(
      "us-east-1", R"("a", "b")",
      fmt::format("rds \"db\" {{ subnets = vpc.v.app{} }}\nsg-chain \"c\" {{ \"10.0.0.0/8\" -> rds.db }}\n", attrs));
}

const Diagnostic& only(const Compilation& c) {
  REQUIRE(c.diags.all().size() == 1);
  return c.diags.all().front();
}

TEST_CASE("an EC2 instance type that does not exist is an error with the nearest type", "[catalogues]") {
  auto c = test::compile(in_region("us-east-1", R"("a", "b")",
                                   "asg \"web\" { subnets = vpc.v.app, instance_type = \"t2.mirco\" }\nsg-chain \"c\" "
                                   "{ \"10.0.0.0/8\" -> asg.web : 80 }\n"));
  REQUIRE(c->diags.error_count() == 1);  // and asg-without-nat: the tier has no NAT
  const Diagnostic& d = *std::find_if(c->diags.all().begin(), c->diags.all().end(),
                                      [](const Diagnostic& x) { return x.severity() == Severity::Error; });
  CHECK(test::brief(d) == "7:50: error[unknown-instance-type]: unknown EC2 instance type `t2.mirco`");
  CHECK(test::notes(d) == Strings{"did you mean `t2.micro`?"});
  REQUIRE(d.fixits.size() == 1);
  CHECK(d.fixits[0].replacement == "t2.micro");
}

TEST_CASE("an image of another architecture than the instance type is an error", "[catalogues]") {
  const auto asg = [](std::string_view attrs) {
    return test::error_briefs(
        test::compile(in_region("us-east-1", R"("a", "b")",
                                fmt::format("asg \"web\" {{ subnets = vpc.v.app{} }}\n"
                                            "sg-chain \"c\" {{ \"10.0.0.0/8\" -> asg.web : 80 }}\n",
                                            attrs)))
            ->diags);
  };
  CHECK(asg(R"(, instance_type = "t4g.micro")") ==
        Strings{"7:50: error[image-architecture]: `t4g.micro` runs arm64 images, but image `al2023` is x86_64"});
  CHECK(asg(R"(, image = "al2023-arm64")") ==
        Strings{"7:42: error[image-architecture]: `t3.micro` runs x86_64 images, but image `al2023-arm64` is arm64"});
  CHECK(asg(R"(, instance_type = "m7g.large", image = "al2023-arm64")").empty());
  CHECK(asg(R"(, instance_type = "t4g.micro", image = "ami-0123456789abcdef0")").empty());
  for (const char* arm : {"t4g.nano", "m7gd.large", "c6gn.large", "a1.large", "g5g.xlarge", "is4gen.large", "im4gn.large"})
    CHECK(AwsCatalog::instance_architecture(arm) == std::optional<std::string_view>("arm64"));
  for (const char* x86 : {"t3.micro", "g4dn.xlarge", "g5.xlarge", "m7i-flex.large", "u7i-12tb.224xlarge", "inf2.xlarge"})
    CHECK(AwsCatalog::instance_architecture(x86) == std::optional<std::string_view>("x86_64"));
  CHECK_FALSE(AwsCatalog::instance_architecture("mac2-m2.metal"));
}

TEST_CASE("a DB instance class that does not exist is an error with the nearest class", "[catalogues]") {
  auto c = test::compile(rds(R"(, class = "db.t3.mircro")"));
  const Diagnostic& d = only(*c);
  CHECK(test::brief(d) == "7:41: error[unknown-instance-class]: unknown DB instance class `db.t3.mircro`");
  CHECK(test::notes(d) == Strings{"did you mean `db.t3.micro`?"});
  auto replica = test::compile(rds(R"(, replicas = 1, replica_class = "db.r6g.larg")"));
  CHECK(test::error_briefs(replica->diags) ==
        Strings{"7:63: error[unknown-instance-class]: unknown DB instance class `db.r6g.larg`"});
}

TEST_CASE("a class the engine version does not offer is an error that lists what it offers", "[catalogues]") {
  const EngineInfo& mysql = *AwsCatalog::get().engine("mysql");
  const EngineMajorVersion& v84 = *mysql.find_version("8.4");
  auto c = test::compile(rds(R"(, version = "8.4", class = "db.t2.small")"));
  const Diagnostic& d = only(*c);
  CHECK(test::brief(d) == "7:58: error[instance-class-not-offered]: AWS does not offer mysql 8.4 on `db.t2.small`");
  CHECK(test::notes(d) == Strings{fmt::format("mysql 8.4 is offered on classes of {} (stdlib/engines.json lists each)",
                                              fmt::join(v84.class_families(), ", "))});
  CHECK(v84.offers_class("db.t3.micro"));
  CHECK_FALSE(v84.offers_class("db.t3"));
  // MySQL 5.7 still offers db.t2 (small and medium); a release is checked as its major.
  CHECK(test::compile(rds(R"(, version = "5.7", class = "db.t2.medium")"))->ok());
  CHECK(test::brief(only(*test::compile(rds(R"(, version = "8.0.40", class = "db.t2.small")")))) ==
        "7:61: error[instance-class-not-offered]: AWS does not offer mysql 8.0 on `db.t2.small`");
  // The replicas' class too; and a default class says it is the default.
  CHECK(test::error_briefs(test::compile(rds(R"(, replicas = 1, replica_class = "db.t2.medium")"))->diags) ==
        Strings{"7:63: error[instance-class-not-offered]: AWS does not offer mysql 8.4 on `db.t2.medium`"});
  auto postgres11 =
      test::compile(rds(R"(, engine = "postgres", version = "11", replicas = 1, replica_class = "db.t4g.micro")"));
  CHECK(test::error_briefs(postgres11->diags) ==
        Strings{"7:100: error[instance-class-not-offered]: AWS does not offer postgres 11 on `db.t4g.micro`"});
}

TEST_CASE("a version's did-you-mean stays within the major written", "[catalogues]") {
  // 5.7.44 is published only as 5.7.44-rds.*, too far for a typo: no fix, and no 8.0.44.
  auto c = test::compile(rds(R"(, version = "5.7.44")"));
  const Diagnostic& d = only(*c);
  CHECK(d.fixits.empty());
  CHECK(test::notes(d) == Strings{"expected one of: 5.7.44-rds.20250103, 5.7.44-rds.20250213, 5.7.44-rds.20250508, "
                                  "5.7.44-rds.20250818, 5.7.44-rds.20251212, 5.7.44-rds.20260212",
                                  "AWS offers mysql 5.7, 8.0, 8.4 and their releases (stdlib/engines.json)"});
  auto typo_c = test::compile(rds(R"(, version = "8.4.99")"));
  const Diagnostic& typo = only(*typo_c);
  REQUIRE(typo.fixits.size() == 1);
  CHECK(typo.fixits[0].replacement.rfind("8.4.", 0) == 0);
}

TEST_CASE("a class of an offered family in a size not offered names the sizes offered", "[catalogues]") {
  auto c = test::compile(rds(R"(, version = "5.7", class = "db.t4g.micro")"));
  const Diagnostic& d = only(*c);
  CHECK(test::brief(d) == "7:58: error[instance-class-not-offered]: AWS does not offer mysql 5.7 on `db.t4g.micro`");
  CHECK(test::notes(d) == Strings{"of db.t4g, mysql 5.7 is offered on db.t4g.large, db.t4g.medium only"});
}

TEST_CASE("an engine version AWS does not offer is an error with the versions it does", "[catalogues]") {
  auto c = test::compile(rds(R"(, version = "8.1")"));
  const Diagnostic& d = only(*c);
  CHECK(test::brief(d) == "7:43: error[unknown-engine-version]: AWS does not offer mysql `8.1`");
  CHECK(test::notes(d) ==
        Strings{"did you mean `8.0`?", "AWS offers mysql 5.7, 8.0, 8.4 and their releases (stdlib/engines.json)"});
  // A release that never existed, of a major that does.
  CHECK(test::brief(only(*test::compile(rds(R"(, engine = "postgres", version = "16.99")")))) ==
        "7:64: error[unknown-engine-version]: AWS does not offer postgres `16.99`");
  // An unknown engine is reported once, with no word on its version.
  CHECK(test::error_briefs(test::compile(rds(R"(, engine = "mysq", version = "8.4")"))->diags) ==
        Strings{"7:42: error[unknown-engine]: unknown database engine `mysq`"});
}

// The EngineVersion and engine_version written for ATTRS, after checking the
// two backends agree and turn automatic minor upgrades off.
std::string written_version(std::string_view attrs) {
  auto c = test::compile(rds(attrs));
  REQUIRE(c->ok());
  const auto resources = lower(c->model);
  const std::string yaml = emit_cloudformation(resources);
  const std::string json = emit_terraform(resources);
  // Quoted: a YAML 1.1 reader could take a release such as 8.0 for a number.
  const auto at = yaml.find("EngineVersion: \"");
  REQUIRE(at != std::string::npos);
  const std::string version = yaml.substr(at + 16, yaml.find("\"\n", at) - at - 16);
  CHECK(yaml.find("AutoMinorVersionUpgrade: false\n") != std::string::npos);
  CHECK(json.find(fmt::format("\"engine_version\": \"{}\"", version)) != std::string::npos);
  CHECK(json.find("\"auto_minor_version_upgrade\": false") != std::string::npos);
  return version;
}

TEST_CASE("the release written is never left to AWS's default", "[catalogues]") {
  const EngineInfo& mysql = *AwsCatalog::get().engine("mysql");
  const std::string default_release = mysql.find_version(mysql.default_version)->pinned;
  CHECK(written_version("") == default_release);
  CHECK(default_release.rfind(mysql.default_version + ".", 0) == 0);
  const std::string pinned80 = mysql.find_version("8.0")->pinned;
  CHECK(pinned80.rfind("8.0.", 0) == 0);
  CHECK(written_version(R"(, version = "8.0")") == pinned80);
  CHECK(written_version(R"(, version = "8.0.40")") == "8.0.40");
  // Replicas are written at their primary's release.
  auto c = test::compile(rds(R"(, version = "8.0", replicas = 1)"));
  REQUIRE(c->ok());
  const std::string yaml = emit_cloudformation(lower(c->model));
  std::size_t written = 0;
  const std::string line = "EngineVersion: \"" + pinned80 + "\"\n";
  for (auto at = yaml.find(line); at != std::string::npos; at = yaml.find(line, at + 1)) ++written;
  CHECK(written == 2);
}

TEST_CASE("the catalogues hold together", "[catalogues]") {
  const auto& catalog = AwsCatalog::get();
  CHECK(catalog.instance_type_exists("t3.micro"));  // the asg default
  CHECK(catalog.instance_type_exists("m7i-flex.large"));
  CHECK_FALSE(catalog.instance_type_exists("t3"));
  CHECK(catalog.db_instance_class_exists("db.t3.micro"));  // the rds default
  CHECK_FALSE(catalog.db_instance_class_exists("t3.micro"));
  for (const auto& name : catalog.engine_names()) {
    const EngineInfo& engine = *catalog.engine(name);
    INFO(name);
    const EngineMajorVersion* by_default = engine.find_version(engine.default_version);
    REQUIRE(by_default);
    CHECK(by_default->major == engine.default_version);
    CHECK(by_default->offers_class("db.t3.micro"));
    for (const auto& v : engine.versions) {
      INFO(v.major);
      CHECK(std::find(v.releases.begin(), v.releases.end(), v.pinned) != v.releases.end());
      CHECK(std::is_sorted(v.classes.begin(), v.classes.end()));
      for (const auto& instance_class : v.classes) CHECK(catalog.db_instance_class_exists(instance_class));
    }
  }
}

TEST_CASE("zone letters an account may not have are a warning with the reason", "[catalogues]") {
  auto west = test::compile(in_region("us-west-1", R"("a", "c")", ""));
  REQUIRE(west->diags.all().size() == 2);  // and unused-tier
  const Diagnostic& d = west->diags.all().front();
  CHECK(test::brief(d) ==
        "4:12: warning[zone-availability]: zones `a`, `c` of us-west-1: an account gets only two of us-west-1's zone "
        "letters a, b and c, and which two depends on the account");
  CHECK(test::notes(d) ==
        Strings{"see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-regions-availability-zones.html"});
  auto east = test::compile(in_region("us-east-1", R"("a", "e")", ""));
  CHECK(test::brief(east->diags.all().front()) ==
        "4:17: warning[zone-availability]: zone `e` of us-east-1: us-east-1e offers no current-generation instance "
        "types (t3, m5, c5, r5 and later), so instances and databases there fail to launch");
  for (auto [region, zones] : {std::pair{"us-east-1", R"("a", "b", "c", "d", "f")"}, {"eu-west-1", R"("a", "b")"}}) {
    auto c = test::compile(in_region(region, zones, ""));
    for (const auto& other : c->diags.all()) CHECK(other.id() != std::string_view("zone-availability"));
  }
}

}  // namespace
}  // namespace archc
