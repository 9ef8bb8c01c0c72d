// Network ACLs (docs/language.md, "Extension: network ACLs"): the rule
// strings read at their exact columns, what a nacl lowers to in both
// backends and shows in the plan, and the checks nacl-blocks-flow,
// nacl-shadowed-rule, nacl-rule-number and duplicate-nacl with their
// near misses.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "emit/cloudformation.hpp"
#include "emit/terraform.hpp"
#include "lower/lower.hpp"
#include "plan/plan.hpp"
#include "test_support.hpp"

namespace archc {
namespace {

using test::of_rule;
using Strings = std::vector<std::string>;

// Lines 1 to 10: an app tier and a db tier of two subnets each, an asg in
// the first that reaches a database in the second. The nacl starts on line
// 11, its `inbound` on line 13 and its `outbound` on line 14.
std::string network(const std::string& inbound, const std::string& outbound, const std::string& more = "") {
  return R"(stack "s" { region = "us-east-1" }
vpc "v" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "app" { cidrs = ["10.0.1.0/24", "10.0.2.0/24"] }
  subnet "db"  { isolated = true, cidrs = ["10.0.3.0/24", "10.0.4.0/24"] }
}
rds "main" { engine = "mysql", class = "db.t3.micro", subnets = vpc.v.db, storage = 20, multi_az = true }
asg "app" { subnets = vpc.v.app, port = 8080 }
sg-chain "c" { asg.app -> rds.main : mysql }
nacl "db" {
  tier     = vpc.v.db
  inbound  = [)" + inbound + R"(]
  outbound = [)" + outbound + R"(]
}
)" + more;
}

const std::string kIn = R"("100 allow tcp:3306 from vpc.v.app")";
const std::string kOut = R"("100 allow tcp:1024..65535 to vpc.v.app")";

}  // namespace

TEST_CASE("nacl: a well-formed ACL compiles clean and lowers in both backends", "[nacl]") {
  auto c = test::compile(network(kIn + R"(, "120 allow icmp from 10.0.0.0/16")", kOut));
  REQUIRE(test::error_briefs(c->diags) == Strings{});
  REQUIRE(c->model.nacls.size() == 1);
  const model::Nacl& nacl = c->model.nacls.front();
  REQUIRE(nacl.inbound.size() == 2);
  CHECK(nacl.inbound[0].blocks.size() == 2);  // one a subnet of vpc.v.app
  CHECK(nacl.inbound[0].last_number() == 101);
  CHECK(nacl.inbound[1].ports.protocol == model::Protocol::Icmp);

  const aws::Stack stack = lower(c->model);
  const YAML::Node r = YAML::Load(emit_cloudformation(stack))["Resources"];
  CHECK(r["DbNetworkAcl"]["Type"].as<std::string>() == "AWS::EC2::NetworkAcl");
  CHECK(r["DbNetworkAcl"]["Properties"]["VpcId"]["Ref"].as<std::string>() == "VVpc");
  const YAML::Node in101 = r["DbNetworkAclIn101"]["Properties"];
  CHECK(in101["RuleNumber"].as<int>() == 101);
  CHECK(in101["Protocol"].as<int>() == 6);
  CHECK(in101["RuleAction"].as<std::string>() == "allow");
  CHECK(in101["Egress"].as<bool>() == false);
  CHECK(in101["CidrBlock"].as<std::string>() == "10.0.2.0/24");
  CHECK(in101["PortRange"]["From"].as<int>() == 3306);
  CHECK(in101["PortRange"]["To"].as<int>() == 3306);
  const YAML::Node icmp = r["DbNetworkAclIn120"]["Properties"];
  CHECK(icmp["Protocol"].as<int>() == 1);
  CHECK(icmp["Icmp"]["Type"].as<int>() == -1);
  CHECK(!icmp["PortRange"]);
  const YAML::Node out = r["DbNetworkAclOut100"]["Properties"];
  CHECK(out["Egress"].as<bool>() == true);
  CHECK(out["PortRange"]["From"].as<int>() == 1024);
  CHECK(r["VDbSubnetANetworkAclAssociation"]["Type"].as<std::string>() == "AWS::EC2::SubnetNetworkAclAssociation");

  const auto tf = nlohmann::json::parse(emit_terraform(stack))["resource"];
  const auto& rule = tf["aws_network_acl_rule"]["db_network_acl_in101"];
  CHECK(rule["rule_number"] == 101);
  CHECK(rule["egress"] == false);
  CHECK(rule["protocol"] == "6");
  CHECK(rule["rule_action"] == "allow");
  CHECK(rule["cidr_block"] == "10.0.2.0/24");
  CHECK(rule["from_port"] == 3306);
  CHECK(tf["aws_network_acl_rule"]["db_network_acl_in120"]["icmp_type"] == -1);
  CHECK(tf["aws_network_acl"]["db_network_acl"]["vpc_id"] == "${aws_vpc.v_vpc.id}");
  CHECK(tf["aws_network_acl_association"].size() == 2);

  const auto plan = nlohmann::json::parse(plan::render_json(plan::make_plan(c->model)));
  const auto& acl = plan["network_acls"][0];
  CHECK(acl["name_tag"] == "s-nacl-db");
  CHECK(acl["tier"] == "vpc.v.db");
  CHECK(acl["inbound"].size() == 3);
  CHECK(acl["inbound"][1]["rule_number"] == 101);
  CHECK(acl["inbound"][1]["cidr"] == "10.0.2.0/24");
  CHECK(acl["inbound"][1]["source"] == "vpc.v.app");
  CHECK(acl["outbound"][0]["from_port"] == 1024);
  const std::string text = plan::render_text(plan::make_plan(c->model));
  CHECK(text.find("    network acl s-nacl-db (nacl db)\n      inbound\n        100  allow  tcp   3306  from vpc.v.app    "
                  "10.0.1.0/24\n") != std::string::npos);
}

TEST_CASE("nacl: rule strings are read at their own columns", "[nacl]") {
  CHECK(test::error_briefs(test::compile(network(R"("100 allow tcp:3306 frm vpc.v.app")", kOut))->diags) ==
        Strings{"13:35: error[invalid-value]: an inbound rule names its peer with `from`, not `frm`"});
  CHECK(test::error_briefs(test::compile(network(R"("100 alow tcp:3306 from vpc.v.app")", kOut))->diags) ==
        Strings{"13:20: error[invalid-value]: a rule's action is `allow` or `deny`, not `alow`"});
  CHECK(test::error_briefs(test::compile(network(R"("100 allow sctp:3306 from vpc.v.app")", kOut))->diags) ==
        Strings{"13:26: error[invalid-protocol]: unknown protocol `sctp`: ports follow tcp or udp"});
  CHECK(test::error_briefs(test::compile(network(R"("100 allow tcp:70000 from vpc.v.app")", kOut))->diags) ==
        Strings{"13:26: error[invalid-port]: a port is from 1 to 65535, and a range runs from low to high"});
  CHECK(test::error_briefs(test::compile(network(R"("100 allow mysql from vpc.v.ap")", kOut))->diags) ==
        Strings{"13:43: error[unknown-reference]: vpc `v` has no subnet tier `ap`"});
  CHECK(test::error_briefs(test::compile(network(R"("100 allow mysql from vpc.x.app")", kOut))->diags) ==
        Strings{"13:41: error[unknown-reference]: no vpc named `x`"});
  CHECK(test::error_briefs(test::compile(network(R"("100 allow mysql from vpc.v")", kOut))->diags) ==
        Strings{"13:37: error[unknown-reference]: a tier peer is written vpc.NAME.TIER, not `vpc.v`"});
  CHECK(test::error_briefs(test::compile(network(R"("100 allow mysql from 10.0.1.1/24")", kOut))->diags) ==
        Strings{"13:37: error[cidr-host-bits]: `10.0.1.1/24` has host bits set"});
  CHECK(test::error_briefs(test::compile(network(R"("x100 allow mysql from 10.0.1.0/24")", kOut))->diags) ==
        Strings{"13:16: error[invalid-value]: `x100` is not a rule number: a rule is `NUMBER allow|deny PORTS from "
                "PEER`, as in \"100 allow tcp:443 from 0.0.0.0/0\""});
  CHECK(test::error_briefs(test::compile(network(R"("100 allow mysql")", kOut))->diags) ==
        Strings{"13:15: error[invalid-value]: a rule is `NUMBER allow|deny PORTS from PEER`, as in \"100 allow "
                "tcp:443 from 0.0.0.0/0\""});
}

TEST_CASE("nacl-blocks-flow: the request and the reply, at the rule or the list, with a note at the edge", "[nacl]") {
  // No outbound rule: the reply to the app tier falls to the implicit deny.
  CHECK(of_rule(network(kIn, ""), "nacl-blocks-flow") ==
        Strings{"14:14: warning[nacl-blocks-flow]: no outbound rule of nacl `db` allows the reply of edge `asg.app -> "
                "rds.main` (tcp port 1024 to 10.0.1.0): the implicit deny drops it",
                "  10:38: the edge opens 3306 here",
                "  network ACLs are stateless: the reply needs its own outbound rule, for the ephemeral ports 1024-65535"});
  // A deny numbered before the allow: the request is denied by rule 90.
  CHECK(of_rule(network(R"("90 deny tcp:3000..4000 from 10.0.2.0/24", )" + kIn, kOut), "nacl-blocks-flow") ==
        Strings{"13:15: warning[nacl-blocks-flow]: rule 90 of nacl `db` (inbound) denies the request of edge `asg.app "
                "-> rds.main` (tcp port 3306 from 10.0.2.0)",
                "  10:38: the edge opens 3306 here"});
  // The source tier's ACL: its inbound has no rule for the reply.
  CHECK(of_rule(network(kIn, kOut,
                        "nacl \"app\" {\n  tier = vpc.v.app\n  outbound = [\"100 allow mysql to vpc.v.db\"]\n}\n"),
                "nacl-blocks-flow") ==
        Strings{"16:6: warning[nacl-blocks-flow]: no inbound rule of nacl `app` allows the reply of edge `asg.app -> "
                "rds.main` (tcp port 1024 from 10.0.3.0): the implicit deny drops it",
                "  10:38: the edge opens 3306 here",
                "  network ACLs are stateless: the reply needs its own inbound rule, for the ephemeral ports 1024-65535"});
  // An ICMP reply (echo reply) has no ports: the note says ICMP.
  CHECK(of_rule(network(kIn + R"(, "110 allow icmp from vpc.v.app")", kOut, "sg-chain \"p\" { asg.app -> rds.main : icmp }\n"),
                "nacl-blocks-flow") ==
        Strings{"14:14: warning[nacl-blocks-flow]: no outbound rule of nacl `db` allows the reply of edge `asg.app -> "
                "rds.main` (icmp to 10.0.1.0): the implicit deny drops it",
                "  16:38: the edge opens icmp here",
                "  network ACLs are stateless: the reply needs its own outbound rule for ICMP"});
  // Near misses: both legs allowed; a narrower ephemeral range is not enough;
  // a deny after the allow never decides the flow.
  CHECK(of_rule(network(kIn, kOut), "nacl-blocks-flow") == Strings{});
  CHECK(of_rule(network(kIn + R"(, "200 deny all from 0.0.0.0/0")", kOut), "nacl-blocks-flow") == Strings{});
  CHECK(of_rule(network(kIn, R"("100 allow tcp:32768..65535 to vpc.v.app")"), "nacl-blocks-flow").size() == 3);
  CHECK(of_rule(network(kIn, kOut,
                        "nacl \"app\" {\n  tier = vpc.v.app\n  outbound = [\"100 allow mysql to vpc.v.db\"]\n"
                        "  inbound = [\"100 allow tcp:1024..65535 from 10.0.0.0/16\"]\n}\n"),
                "nacl-blocks-flow") == Strings{});
}

TEST_CASE("nacl-shadowed-rule: a rule an earlier one of the other action covers whole", "[nacl]") {
  CHECK(of_rule(network(R"("50 deny all from 10.0.0.0/16", )" + kIn, kOut), "nacl-shadowed-rule") ==
        Strings{"13:47: warning[nacl-shadowed-rule]: inbound rule 100 of nacl `db` never applies: rule 50 denies all it "
                "matches first",
                "  13:15: rule 50 is here"});
  // Near misses: partly covered (other ports, a smaller block), or the same action.
  CHECK(of_rule(network(R"("50 deny tcp:22 from 10.0.0.0/16", )" + kIn, kOut), "nacl-shadowed-rule") == Strings{});
  CHECK(of_rule(network(R"("50 deny all from 10.0.1.0/24", )" + kIn, kOut), "nacl-shadowed-rule") == Strings{});
  CHECK(of_rule(network(R"("50 allow all from 10.0.0.0/16", )" + kIn, kOut), "nacl-shadowed-rule") == Strings{});
}

TEST_CASE("nacl-rule-number: out of range, and taken twice per direction", "[nacl]") {
  CHECK(of_rule(network(R"("0 allow mysql from 10.8.0.0/24")", kOut), "nacl-rule-number") ==
        Strings{"13:16: error[nacl-rule-number]: rule number 0 is outside 1-32766"});
  CHECK(of_rule(network(R"("32766 allow mysql from vpc.v.app")", kOut), "nacl-rule-number") ==
        Strings{"13:16: error[nacl-rule-number]: rule 32766 of nacl `db` takes numbers 32766-32767, one a subnet of "
                "`vpc.v.app`; AWS takes 1-32766"});
  CHECK(of_rule(network(kIn + R"(, "101 allow mysql from 10.8.0.0/24")", kOut), "nacl-rule-number") ==
        Strings{"13:53: error[nacl-rule-number]: inbound rule number 101 of nacl `db` is taken by rule 100, one number "
                "a subnet of `vpc.v.app`",
                "  13:16: rule 100 is here"});
  CHECK(of_rule(network(kIn + R"(, "100 allow mysql from 10.8.0.0/24")", kOut), "nacl-rule-number") ==
        Strings{"13:53: error[nacl-rule-number]: inbound rule number 100 of nacl `db` is taken",
                "  13:16: rule 100 is here"});
  // Near misses: the same number in the other direction, the next free one.
  CHECK(of_rule(network(kIn, kOut), "nacl-rule-number") == Strings{});
  CHECK(of_rule(network(kIn + R"(, "102 allow mysql from 10.8.0.0/24")", kOut), "nacl-rule-number") == Strings{});
  CHECK(of_rule(network(R"("32765 allow mysql from vpc.v.app")", kOut), "nacl-rule-number") == Strings{});
}

// kIn (two entries, one a subnet) and `extra` more rules of one entry each,
// all of 35 characters: the k-th extra rule starts at column 52 + 37 (k - 1).
std::string with_entries(int extra) {
  std::string inbound = kIn;
  for (int k = 1; k <= extra; ++k) inbound += fmt::format(R"(, "2{0} allow mysql from 10.8.{0}.0/24")", 9 + k);
  return network(inbound, kOut);
}

TEST_CASE("nacl entries: AWS's quota of 20 a direction, and its most of 40", "[nacl]") {
  CHECK(of_rule(with_entries(19), "quota-exceeded") ==
        Strings{"13:718: warning[quota-exceeded]: this rule makes 21 inbound entries in nacl `db`; AWS allows 20 unless "
                "the quota is raised (to at most 40)"});
  CHECK(of_rule(with_entries(39), "limit-exceeded") ==
        Strings{"13:1458: error[limit-exceeded]: this rule makes 41 inbound entries in nacl `db`; AWS allows at most 40"});
  // Near misses: 20 and 40 entries.
  CHECK(of_rule(with_entries(18), "quota-exceeded") == Strings{});
  CHECK(of_rule(with_entries(38), "limit-exceeded") == Strings{});
}

TEST_CASE("duplicate-nacl: two nacl blocks on one tier", "[nacl]") {
  CHECK(of_rule(network(kIn, kOut, "nacl \"db2\" { tier = vpc.v.db }\n"), "duplicate-nacl") ==
        Strings{"16:21: error[duplicate-nacl]: tier `db` already has nacl `db`: a subnet has one network ACL",
                "  12:14: the first nacl names the tier here"});
  CHECK(of_rule(network(kIn, kOut, "nacl \"app\" { tier = vpc.v.app }\n"), "duplicate-nacl") == Strings{});
}

}  // namespace archc
