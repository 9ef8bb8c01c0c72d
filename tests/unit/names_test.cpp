// Names as they become logical ids: the derivation, the name-collision
// error at the later declaration with a note at the earlier one, the limit
// on a name's length, and lower()/upper() on text beyond ASCII.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "lower/lower.hpp"
#include "model/aws_catalog.hpp"
#include "model/logical_id.hpp"
#include "sema/case_mapping.hpp"
#include "test_support.hpp"

namespace archc {
namespace {

// A vpc with one tier per zone pair that every resource below can use.
const std::string kVpc = R"(vpc "v" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "public" { public = true, size = 24 }
  subnet "app"    { size = 24 }
  subnet "db"     { isolated = true, size = 24 }
}
)";

struct Reported {
  std::string diagnostic;
  std::vector<std::string> notes;
  bool operator==(const Reported&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Reported& r) {
  os << r.diagnostic;
  for (const auto& n : r.notes) os << " / note " << n;
  return os;
}

// The name-collision errors of `text`, with their notes.
std::vector<Reported> collisions(const std::string& text) {
  std::vector<Reported> out;
  const auto c = test::compile(text);
  for (const auto& d : c->diags.all())
    if (d.rule == Rule::NameCollision) out.push_back({test::brief(d), test::notes(d)});
  return out;
}

TEST_CASE("logical_id::word and leading_word: CamelCase of the ASCII letters and digits, a letter first") {
  CHECK(logical_id::word("lab-vpc") == "LabVpc");
  CHECK(logical_id::word("app_1") == "App1");
  CHECK(logical_id::word("1lab") == "1lab");
  CHECK(logical_id::word("Äpfel") == "Pfel");
  CHECK(logical_id::word("-") == "");
  CHECK(logical_id::leading_word("lab") == "Lab");
  CHECK(logical_id::leading_word("1lab") == "N1lab");
  CHECK(logical_id::leading_word("_0x1") == "N0x1");
  CHECK(logical_id::leading_word("--") == "N");
  CHECK(logical_id::subnet("1lab", "2-app", "c") == "N1lab2AppSubnetC");
}

TEST_CASE("names that start with a digit or an underscore give ids that start with a letter") {
  const auto c = test::compile(R"(vpc "_1lab" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "db" { isolated = true, size = 24 }
}
rds "_0x1" { subnets = vpc._1lab.db, multi_az = true }
)");
  REQUIRE_FALSE(c->diags.has_errors());
  std::set<std::string> ids;
  for (const auto& r : lower(c->model).resources) ids.insert(aws::id_of(r));
  CHECK(ids.count("N1labVpc"));
  CHECK(ids.count("N0x1Db"));
  for (const auto& id : ids) CHECK(((id.front() >= 'A' && id.front() <= 'Z')));
}

TEST_CASE("name-collision: names that differ only in punctuation or case, at the later one") {
  CHECK(collisions(kVpc + R"(asg "web" { subnets = vpc.v.app }
asg "_web" { subnets = vpc.v.app }
)") == std::vector<Reported>{{"9:5: error[name-collision]: asg `_web` and asg `web` would share their logical ids: "
                               "both names become `Web`",
                               {"8:5: asg `web` is here"}}});
  CHECK(collisions(kVpc + R"(rds "main" { subnets = vpc.v.db, multi_az = true }
rds "Main" { subnets = vpc.v.db, multi_az = true }
)") == std::vector<Reported>{{"9:5: error[name-collision]: rds `Main` and rds `main` would share their logical ids: "
                               "both names become `Main`",
                               {"8:5: rds `main` is here"}}});
  CHECK(collisions(R"(vpc "a-b" { cidr = "10.0.0.0/16", zones = ["a"] }
vpc "a_b" { cidr = "10.1.0.0/16", zones = ["a"] }
)") == std::vector<Reported>{{"2:5: error[name-collision]: vpc `a_b` and vpc `a-b` would share their logical ids: "
                               "both names become `AB`",
                               {"1:5: vpc `a-b` is here"}}});
}

TEST_CASE("name-collision: swapping the blocks moves the error, not the ids") {
  CHECK(collisions(kVpc + R"(asg "_web" { subnets = vpc.v.app }
asg "web" { subnets = vpc.v.app }
)") == std::vector<Reported>{{"9:5: error[name-collision]: asg `web` and asg `_web` would share their logical ids: "
                               "both names become `Web`",
                               {"8:5: asg `_web` is here"}}});
}

TEST_CASE("name-collision: kinds apart, names that differ in more than case and punctuation") {
  CHECK(collisions(kVpc + R"(alb "web" { subnets = vpc.v.public, listener "http" { port = 80, forward = asg.web } }
asg "web" { subnets = vpc.v.app }
rds "web" { subnets = vpc.v.db, multi_az = true }
asg "web2" { subnets = vpc.v.app }
)")
            .empty());
}

TEST_CASE("name-collision: ids that join two names, across their parents") {
  // `a` + `b-c` and `a-b` + `c` both give the subnets ABCSubnetA.
  CHECK(collisions(R"(vpc "a" {
  cidr = "10.0.0.0/16", zones = ["a"]
  subnet "b-c" { isolated = true, size = 24 }
}
vpc "a-b" {
  cidr = "10.1.0.0/16", zones = ["a"]
  subnet "c" { isolated = true, size = 24 }
}
)") == std::vector<Reported>{{"7:10: error[name-collision]: tier `c` of vpc `a-b` and tier `b-c` of vpc `a` would "
                               "both get the logical id `ABCSubnetA`",
                               {"3:10: tier `b-c` of vpc `a` is here"}}});
  // One alb's listeners.
  CHECK(collisions(kVpc + R"(alb "web" {
  subnets = vpc.v.public
  listener "http-1" { port = 80, redirect = 443 }
  listener "http_1" { port = 81, redirect = 443 }
}
)") == std::vector<Reported>{{"11:12: error[name-collision]: listener `http_1` of alb `web` and listener `http-1` "
                               "of alb `web` would both get the logical id `WebAlbHttp1Listener`",
                               {"10:12: listener `http-1` of alb `web` is here"}}});
}

TEST_CASE("name-collision: ingress rules whose source blocks read alike") {
  CHECK(collisions(kVpc + R"(asg "app" { subnets = vpc.v.app }
sg-chain "c" {
  "10.10.0.0/16" -> asg.app : 22
  "101.0.0.0/16" -> asg.app : 22
}
)") == std::vector<Reported>{{"11:31: error[name-collision]: the rule 101.0.0.0/16 -> asg.app on 22 and the rule "
                               "10.10.0.0/16 -> asg.app on 22 would both get the logical id "
                               "`AppAsgFromCidr10100016Port22Ingress`",
                               {"10:31: the rule 10.10.0.0/16 -> asg.app on 22 is here"}}});
}

TEST_CASE("name-collision: what follows from a collision of names is not reported again") {
  // The listeners, target groups and rules of `web` and `_web` collide too.
  CHECK(collisions(kVpc + R"(alb "web" { subnets = vpc.v.public, listener "http" { port = 80, forward = asg.app } }
alb "_web" { subnets = vpc.v.public, listener "http" { port = 80, forward = asg.app } }
asg "app" { subnets = vpc.v.app }
sg-chain "c" {
  internet -> alb.web : 80
  internet -> alb._web : 80
  alb.web -> asg.app : 80
  alb._web -> asg.app : 80
}
)").size() == 1);
}

TEST_CASE("every image alias has an image parameter id of its own") {
  std::set<std::string> ids;
  for (const auto& alias : AwsCatalog::get().image_aliases()) {
    INFO(alias);
    CHECK(ids.insert(logical_id::leading_word(alias)).second);
  }
}

TEST_CASE("invalid-name: a block name of more than 64 characters") {
  const std::string name65(65, 'a');
  std::vector<std::string> errors;
  const auto c = test::compile(kVpc + "asg \"" + name65 + "\" { subnets = vpc.v.app }\n");
  for (const auto& d : c->diags.all())
    if (d.severity() == Severity::Error) errors.push_back(test::brief(d));
  CHECK(errors == std::vector<std::string>{"8:5: error[invalid-name]: a name holds at most 64 characters; this one has 65"});
  // Characters, not bytes: 64 two-byte letters are fine.
  std::string wide;
  for (int i = 0; i < 64; ++i) wide += "é";
  CHECK_FALSE(test::compile(kVpc + "asg \"" + wide + "\" { subnets = vpc.v.app }\n")->diags.has_errors());
}

TEST_CASE("to_lower and to_upper map every code point, not bytes") {
  CHECK(to_lower("ÄÖ") == "äö");
  CHECK(to_upper("äö") == "ÄÖ");
  CHECK(to_upper("straße") == "STRAßE");  // ß has no one-letter capital
  CHECK(to_lower("ΣΑΣ") == "σασ");
  CHECK(to_upper("𐐨") == "𐐀");  // beyond the BMP
  CHECK(to_lower("Lab-VPC_1") == "lab-vpc_1");
  CHECK(to_upper("日本") == "日本");
  // Bytes that are not UTF-8 pass through.
  CHECK(to_upper(std::string("a\xff" "b")) == std::string("A\xff" "B"));
}

TEST_CASE("lower() and upper() in the language work on non-ASCII text") {
  const auto c = test::compile(R"(stack "s" { tags = { a = lower("ÄÖ Lab"), b = upper("straße") } })");
  REQUIRE(test::briefs(c->diags).empty());
  REQUIRE(c->model.stack.tags.size() == 2);
  CHECK(c->model.stack.tags[0].value == "äö lab");
  CHECK(c->model.stack.tags[1].value == "STRAßE");
}

}  // namespace
}  // namespace archc
