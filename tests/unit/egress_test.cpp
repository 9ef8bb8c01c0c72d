// Restricted egress (docs/language.md, "Extension: egress"): what
// `egress = "chain"` and edges to internet or a CIDR lower to in both
// backends and show in the plan, and the checks egress-blocked,
// egress-unrestricted and invalid-edge at their exact places.
#include <catch2/catch.hpp>

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

// Lines 1 to 9: a VPC with an app and a db tier, a database in the latter.
// `app` is line 10.
std::string network(const std::string& app, const std::string& chain) {
  return R"(stack "s" { region = "us-east-1" }
vpc "v" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "app" { cidrs = ["10.0.1.0/24", "10.0.2.0/24"] }
  subnet "db"  { isolated = true, cidrs = ["10.0.3.0/24", "10.0.4.0/24"] }
}
rds "main" { engine = "mysql", class = "db.t3.micro", subnets = vpc.v.db, storage = 20, multi_az = true }
asg "web" { subnets = vpc.v.app, port = 80 }
)" + app + "\n" + chain;
}


const std::string kRestricted = R"(asg "app" { subnets = vpc.v.app, port = 8080, egress = "chain" })";

}  // namespace

TEST_CASE("restricted egress: the group's own rules only, in both backends", "[egress]") {
  auto c = test::compile(network(kRestricted, R"(sg-chain "c" {
  asg.app -> rds.main : mysql
  asg.app -> internet : https, udp:123
}
)"));
  REQUIRE(test::error_briefs(c->diags) == Strings{});
  const aws::Stack stack = lower(c->model);
  const YAML::Node cfn = YAML::Load(emit_cloudformation(stack));
  const YAML::Node resources = cfn["Resources"];
  // The allow-all rule is gone: one rule to the loopback block stands in.
  const YAML::Node own = resources["AppAsgSecurityGroup"]["Properties"]["SecurityGroupEgress"];
  REQUIRE(own.size() == 1);
  CHECK(own[0]["CidrIp"].as<std::string>() == "127.0.0.1/32");
  CHECK(!resources["WebAsgSecurityGroup"]["Properties"]["SecurityGroupEgress"]);
  const YAML::Node to_db = resources["AppAsgToMainRdsPort3306Egress"];
  CHECK(to_db["Type"].as<std::string>() == "AWS::EC2::SecurityGroupEgress");
  CHECK(to_db["Properties"]["DestinationSecurityGroupId"]["Fn::GetAtt"][0].as<std::string>() == "MainRdsSecurityGroup");
  CHECK(to_db["Properties"]["FromPort"].as<int>() == 3306);
  CHECK(resources["AppAsgToInternetPort443Egress"]["Properties"]["CidrIp"].as<std::string>() == "0.0.0.0/0");
  CHECK(resources["AppAsgToInternetUdpPort123Egress"]["Properties"]["IpProtocol"].as<std::string>() == "udp");
  // The edge to the database is its ingress rule as before.
  CHECK(resources["MainRdsFromAppAsgPort3306Ingress"]);

  const auto tf = nlohmann::json::parse(emit_terraform(stack));
  const auto& egress = tf["resource"]["aws_vpc_security_group_egress_rule"];
  CHECK(!egress.contains("app_asg_security_group_egress_all"));
  CHECK(egress.contains("web_asg_security_group_egress_all"));
  CHECK(egress["app_asg_to_main_rds_port3306_egress"]["referenced_security_group_id"] ==
        "${aws_security_group.main_rds_security_group.id}");
  CHECK(egress["app_asg_to_internet_port443_egress"]["cidr_ipv4"] == "0.0.0.0/0");
}

TEST_CASE("restricted egress in the plan: its rules, or null for AWS's default", "[egress]") {
  auto c = test::compile(network(kRestricted, R"(sg-chain "c" {
  asg.app -> rds.main : mysql
  asg.app -> "10.9.0.0/16" : https
}
)"));
  REQUIRE(test::error_briefs(c->diags) == Strings{});
  const auto plan = nlohmann::json::parse(plan::render_json(plan::make_plan(c->model)));
  std::map<std::string, nlohmann::json> egress;
  for (const auto& g : plan["security_groups"]) egress[g["owner"]] = g["egress"];
  CHECK(egress["asg.web"] == nullptr);
  CHECK(egress["rds.main"] == nullptr);
  CHECK(egress["asg.app"] == nlohmann::json::parse(R"([
    {"protocol": "tcp", "from_port": 3306, "to_port": 3306, "destination_cidr": null,
     "destination_group": "s-sg-rds-main", "destination": "rds.main"},
    {"protocol": "tcp", "from_port": 443, "to_port": 443, "destination_cidr": "10.9.0.0/16",
     "destination_group": null, "destination": "10.9.0.0/16"}])"));
  const std::string text = plan::render_text(plan::make_plan(c->model));
  CHECK(text.find("      egress\n        tcp  3306  to rds.main     s-sg-rds-main\n"
                  "        tcp  443   to 10.9.0.0/16\n") != std::string::npos);
}

TEST_CASE("egress-blocked: a tier's edge that a restricted resource in it cannot send", "[egress]") {
  const std::string blocked = network(kRestricted, "sg-chain \"c\" { vpc.v.app -> rds.main : mysql }\n");
  CHECK(of_rule(blocked, "egress-blocked") ==
        Strings{"11:16: warning[egress-blocked]: vpc.v.app holds asg `app`, which sends only what its own edges open "
                "(`egress = \"chain\"`); none lets 3306 out to rds.main, so it never sends what this edge admits",
                "  10:56: its egress is restricted here"});
  // Near misses: the asg's own edge, or an egress edge to a block that holds
  // the database's tier, lets it out; the unrestricted asg is never judged.
  CHECK(of_rule(network(kRestricted, "sg-chain \"c\" {\n  vpc.v.app -> rds.main : mysql\n  asg.app -> rds.main : "
                                     "mysql\n}\n"),
                "egress-blocked") == Strings{});
  CHECK(of_rule(network(kRestricted, "sg-chain \"c\" {\n  vpc.v.app -> rds.main : mysql\n  asg.app -> \"10.0.0.0/16\" "
                                     ": all\n}\n"),
                "egress-blocked") == Strings{});
  CHECK(of_rule(network(R"(asg "app" { subnets = vpc.v.app, port = 8080 })",
                        "sg-chain \"c\" { vpc.v.app -> rds.main : mysql }\n"),
                "egress-blocked") == Strings{});
  // A block that holds only one of the tier's subnets does not let it out.
  CHECK(of_rule(network(kRestricted, "sg-chain \"c\" {\n  vpc.v.app -> rds.main : mysql\n  asg.app -> \"10.0.3.0/24\" "
                                     ": mysql\n}\n"),
                "egress-blocked")
            .size() == 2);
}

TEST_CASE("egress-blocked: a restricted alb that no edge lets out to the asg it forwards to", "[egress]") {
  const std::string alb = "alb \"int\" { subnets = vpc.v.app, egress = \"chain\"\n"
                          "  listener \"http\" { port = 80, forward = asg.web } }";
  const std::string chain = "sg-chain \"c\" {\n  \"10.0.0.0/16\" -> alb.int : http\n  \"10.0.0.0/16\" -> asg.web : http\n";
  CHECK(of_rule(network(alb, chain + "}\n"), "egress-blocked") ==
        Strings{"11:42: warning[egress-blocked]: alb `int` sends only what its own edges open (`egress = \"chain\"`); "
                "none lets 80 out to asg `web`, so listener `http` never reaches its targets, nor do its health checks",
                "  10:43: its egress is restricted here"});
  // Near miss: the alb's own edge to the asg lets it out.
  CHECK(of_rule(network(alb, chain + "  alb.int -> asg.web : http\n}\n"), "egress-blocked") == Strings{});
}

TEST_CASE("egress-unrestricted: an egress edge from a resource that sends everything", "[egress]") {
  CHECK(of_rule(network("", "sg-chain \"c\" { asg.web -> internet : https }\n"), "egress-unrestricted") ==
        Strings{"11:27: warning[egress-unrestricted]: asg `web` sends everything (AWS's default egress), so this edge "
                "restricts nothing: write `egress = \"chain\"` in its block to send only what its edges open",
                "  9:5: declared here"});
  CHECK(of_rule(network(kRestricted, "sg-chain \"c\" { asg.app -> internet : https }\n"), "egress-unrestricted") ==
        Strings{});
}

TEST_CASE("an egress edge starts at a resource and names its ports", "[egress]") {
  CHECK(of_rule(network(kRestricted, "sg-chain \"c\" {\n  vpc.v.app -> internet : https\n  asg.app -> internet\n}\n"),
                "invalid-edge") ==
        Strings{"12:3: error[invalid-edge]: an edge to internet is an egress rule of its source's security group: it "
                "starts at a resource such as `asg.NAME`",
                "13:14: error[invalid-edge]: an egress edge names what it lets out, as in `asg.NAME -> internet : "
                "https`"});
}

TEST_CASE("egress takes all or chain", "[egress]") {
  CHECK(test::error_briefs(test::compile(network(R"(asg "app" { subnets = vpc.v.app, egress = "none" })", ""))->diags) ==
        Strings{"10:43: error[invalid-value]: `egress` is \"all\" or \"chain\", not \"none\""});
}

}  // namespace archc
