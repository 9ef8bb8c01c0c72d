// VPC peering and gateway endpoints (issue 11, items 4 and 5): how they are
// read, their checks at the exact line and column with a near-miss each,
// and the AWS resources both backends write for them.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "emit/cloudformation.hpp"
#include "emit/terraform.hpp"
#include "lower/lower.hpp"
#include "test_support.hpp"

namespace archc {
namespace {

using test::of_rule;
using Strings = std::vector<std::string>;

// Lines 1 to 13: two VPCs of one stack, each with a public and a private tier.
const std::string kTwoVpcs = R"(stack "s" { region = "us-east-1" }
vpc "v" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "pub" { public = true, cidrs = ["10.0.1.0/24", "10.0.2.0/24"] }
  subnet "app" { cidrs = ["10.0.3.0/24", "10.0.4.0/24"] }
}
vpc "w" {
  cidr  = "10.1.0.0/16"
  zones = ["a", "b"]
  subnet "pub" { public = true, cidrs = ["10.1.1.0/24", "10.1.2.0/24"] }
  subnet "app" { cidrs = ["10.1.3.0/24", "10.1.4.0/24"] }
}
)";

std::string cloudformation(const std::string& text) {
  auto c = test::compile(text);
  REQUIRE(test::error_briefs(c->diags).empty());
  return emit_cloudformation(lower(c->model));
}

nlohmann::json terraform(const std::string& text) {
  auto c = test::compile(text);
  REQUIRE(test::error_briefs(c->diags).empty());
  return nlohmann::json::parse(emit_terraform(lower(c->model)));
}

TEST_CASE("a peering to a VPC outside the stack routes its tiers' tables to the peer block", "[peering]") {
  const std::string text = kTwoVpcs + R"(peering "tokyo" {
  vpc         = vpc.v
  peer_vpc_id = "vpc-0a1b2c3d4e5f67890"
  peer_cidr   = "192.168.10.0/24"
  peer_region = "ap-northeast-1"
  peer_owner  = "123456789012"
  tiers       = [vpc.v.app]
}
)";
  const auto tf = terraform(text);
  const auto& pcx = tf["resource"]["aws_vpc_peering_connection"]["tokyo_peering"];
  CHECK(pcx["vpc_id"] == "${aws_vpc.v_vpc.id}");
  CHECK(pcx["peer_vpc_id"] == "vpc-0a1b2c3d4e5f67890");
  CHECK(pcx["peer_region"] == "ap-northeast-1");
  CHECK(pcx["peer_owner_id"] == "123456789012");
  CHECK_FALSE(pcx.contains("auto_accept"));  // another account accepts it
  // One route in each private table (one a zone), none in the public one.
  Strings routes;
  for (const auto& [name, route] : tf["resource"]["aws_route"].items())
    if (route.contains("vpc_peering_connection_id")) {
      CHECK(route["destination_cidr_block"] == "192.168.10.0/24");
      routes.push_back(route["route_table_id"]);
    }
  CHECK(routes == Strings{"${aws_route_table.v_private_route_table_a.id}", "${aws_route_table.v_private_route_table_b.id}"});
  const std::string yaml = cloudformation(text);
  CHECK(yaml.find("Type: AWS::EC2::VPCPeeringConnection") != std::string::npos);
  CHECK(yaml.find("PeerRegion: ap-northeast-1") != std::string::npos);
  CHECK(yaml.find("Ref: TokyoPeering") != std::string::npos);
}

TEST_CASE("a peering between two VPCs of the file routes both ways, from every tier by default", "[peering]") {
  const auto tf = terraform(kTwoVpcs + "peering \"vw\" {\n  vpc = vpc.v\n  peer_vpc = vpc.w\n}\n");
  const auto& pcx = tf["resource"]["aws_vpc_peering_connection"]["vw_peering"];
  CHECK(pcx["peer_vpc_id"] == "${aws_vpc.w_vpc.id}");
  CHECK(pcx["auto_accept"] == true);
  std::map<std::string, std::string> routes;  // table → destination
  for (const auto& [name, route] : tf["resource"]["aws_route"].items())
    if (route.contains("vpc_peering_connection_id")) routes[route["route_table_id"]] = route["destination_cidr_block"];
  CHECK(routes == std::map<std::string, std::string>{
                      {"${aws_route_table.v_private_route_table_a.id}", "10.1.0.0/16"},
                      {"${aws_route_table.v_private_route_table_b.id}", "10.1.0.0/16"},
                      {"${aws_route_table.v_public_route_table.id}", "10.1.0.0/16"},
                      {"${aws_route_table.w_private_route_table_a.id}", "10.0.0.0/16"},
                      {"${aws_route_table.w_private_route_table_b.id}", "10.0.0.0/16"},
                      {"${aws_route_table.w_public_route_table.id}", "10.0.0.0/16"},
                  });
}

TEST_CASE("a rule that names a group across a peering waits for the connection", "[peering]") {
  const std::string text = kTwoVpcs + R"(asg "app" { subnets = vpc.v.app, egress = "chain" }
asg "worker" { subnets = vpc.w.app }
asg "local" { subnets = vpc.v.app }
sg-chain "c" {
  asg.app -> asg.worker : 9000
  asg.app -> asg.local : 9000
}
peering "vw" {
  vpc = vpc.v
  peer_vpc = vpc.w
}
)";
  // AWS takes a peer VPC's group in a rule only once the peering is active.
  const auto tf = terraform(text);
  const auto& rules = tf["resource"]["aws_vpc_security_group_ingress_rule"];
  const auto& egress = tf["resource"]["aws_vpc_security_group_egress_rule"];
  REQUIRE(rules.size() == 2);
  for (const auto* group : {&rules, &egress})
    for (const auto& [name, rule] : group->items()) {
      INFO(name);
      const bool across = rule.value("description", "").find("to asg.worker") != std::string::npos;
      CHECK(rule.contains("depends_on") == across);
      if (across) CHECK(rule["depends_on"] == nlohmann::json::array({"aws_vpc_peering_connection.vw_peering"}));
    }
  const std::string yaml = cloudformation(text);
  CHECK(yaml.find("Type: AWS::EC2::SecurityGroupIngress\n    DependsOn: VwPeering\n") != std::string::npos);
  CHECK(yaml.find("Type: AWS::EC2::SecurityGroupEgress\n    DependsOn: VwPeering\n") != std::string::npos);
}

TEST_CASE("overlapping sides of a peering are an error naming both", "[peering][checks]") {
  const std::string text = kTwoVpcs + R"(peering "tokyo" {
  vpc         = vpc.v
  peer_vpc_id = "vpc-0a1b2c3d"
  peer_cidr   = "10.0.128.0/24"
}
)";
  CHECK(of_rule(text, "peering-overlap") ==
        Strings{"17:17: error[peering-overlap]: peering `tokyo`: vpc `v` (10.0.0.0/16) overlaps vpc vpc-0a1b2c3d "
                "(10.0.128.0/24)",
                "  3:11: vpc `v` has 10.0.0.0/16"});
  // Near miss: the next block up does not overlap.
  std::string apart = text;
  apart.replace(apart.find("10.0.128.0/24"), 13, "10.2.128.0/24");
  CHECK(of_rule(apart, "peering-overlap").empty());
  // Two VPCs of the file: reported at `peer_vpc`.
  std::string same = kTwoVpcs;
  same.replace(same.find("10.1.0.0/16"), 11, "10.0.0.0/16");
  same += "peering \"vw\" {\n  vpc = vpc.v\n  peer_vpc = vpc.w\n}\n";
  CHECK(of_rule(same, "peering-overlap") ==
        Strings{"16:14: error[peering-overlap]: peering `vw`: vpc `v` (10.0.0.0/16) overlaps vpc `w` (10.0.0.0/16)",
                "  3:11: vpc `v` has 10.0.0.0/16"});
}

TEST_CASE("a peering between the two VPCs lifts cross-vpc for chain edges, not for alb targets", "[peering][checks]") {
  const std::string text = kTwoVpcs + R"(asg "app" { subnets = vpc.v.app, port = 8080 }
asg "worker" { subnets = vpc.w.app }
alb "web" {
  subnets = vpc.w.pub
  listener "http" { port = 80, forward = asg.app }
}
sg-chain "c" {
  internet -> alb.web : http
  alb.web -> asg.app : 8080
  asg.app -> asg.worker : 9000
}
)";
  const std::string peering = "peering \"vw\" {\n  vpc = vpc.v\n  peer_vpc = vpc.w\n}\n";
  // Without the peering both are errors; with it the chain edges are not,
  // but a target group still holds instances of its own VPC only.
  CHECK(of_rule(text, "cross-vpc").size() == 8);
  CHECK(of_rule(text + peering, "cross-vpc") ==
        Strings{"18:42: error[cross-vpc]: listener `http` of alb `web` forwards to asg `app` of vpc `v`, but a "
                "target group holds instances of its own VPC only",
                "  17:13: alb `web` is in vpc `w`"});
}

TEST_CASE("traffic across a peering needs a route from each side's tier to the other", "[peering][checks]") {
  // Lines 14 to 19: an asg in each VPC's private tier, and an edge each way.
  const std::string text = kTwoVpcs + R"(asg "app" { subnets = vpc.v.app }
asg "worker" { subnets = vpc.w.app }
sg-chain "c" {
  asg.app -> asg.worker : 9000
  "192.168.10.0/25" -> asg.app : icmp
}
)";
  const std::string outside = R"(peering "tokyo" {
  vpc = vpc.v
  peer_vpc_id = "vpc-0a1b2c3d"
  peer_cidr = "192.168.10.0/24"
  tiers = [vpc.v.pub]
}
)";
  // v routes its private tables to w; w routes nothing back.
  const std::string one_way = "peering \"vw\" {\n  vpc = vpc.v\n  peer_vpc = vpc.w\n  tiers = [vpc.v.app]\n}\n";
  CHECK(of_rule(text + one_way + outside, "peering-no-route") ==
        Strings{"17:3: warning[peering-no-route]: asg.app -> asg.worker crosses peering `vw`, but the route tables of "
                "tier `vpc.w.app` lead no traffic to 10.0.0.0/16 into it: the replies never reach asg.app",
                "  23:11: peering `vw` routes the tables of these tiers only",
                "18:3: warning[peering-no-route]: 192.168.10.0/25 -> asg.app crosses peering `tokyo`, but the route "
                "tables of tier `vpc.v.app` lead no traffic to 192.168.10.0/25 into it: the replies never reach "
                "192.168.10.0/25",
                "  29:11: peering `tokyo` routes the tables of these tiers only",
                "23:11: warning[peering-no-route]: peering `vw` routes tiers of vpc `v` only: no route table of vpc "
                "`w` leads back to 10.0.0.0/16, so no reply crosses the peering"});
  // The sender's side without a route: the packets themselves go nowhere.
  const std::string other_way = "peering \"vw\" {\n  vpc = vpc.v\n  peer_vpc = vpc.w\n  tiers = [vpc.w.app]\n}\n";
  CHECK(of_rule(text + other_way, "peering-no-route") ==
        Strings{"17:3: warning[peering-no-route]: asg.app -> asg.worker crosses peering `vw`, but the route tables of "
                "tier `vpc.v.app` lead no traffic to 10.1.0.0/16 into it: its packets never reach asg.worker",
                "  23:11: peering `vw` routes the tables of these tiers only",
                "23:11: warning[peering-no-route]: peering `vw` routes tiers of vpc `w` only: no route table of vpc "
                "`v` leads back to 10.1.0.0/16, so no reply crosses the peering"});
  const std::string nowhere = "peering \"vw\" {\n  vpc = vpc.v\n  peer_vpc = vpc.w\n  tiers = []\n}\n";
  CHECK(of_rule(text + nowhere, "peering-no-route").at(2) ==
        "23:11: warning[peering-no-route]: peering `vw` names no tier: no route table leads into it, so nothing "
        "crosses it");
  // Near misses: both sides routed (or every tier, by default); the
  // outside peer routed from the app tier; a CIDR outside every peer block.
  const std::string both = "peering \"vw\" {\n  vpc = vpc.v\n  peer_vpc = vpc.w\n  tiers = [vpc.v.app, vpc.w.app]\n}\n";
  const std::string routed_outside = R"(peering "tokyo" {
  vpc = vpc.v
  peer_vpc_id = "vpc-0a1b2c3d"
  peer_cidr = "192.168.10.0/24"
  tiers = [vpc.v.app]
}
)";
  CHECK(of_rule(text + both + routed_outside, "peering-no-route").empty());
  CHECK(of_rule(text + "peering \"vw\" {\n  vpc = vpc.v\n  peer_vpc = vpc.w\n}\n" + routed_outside, "peering-no-route")
            .empty());
  const std::string elsewhere = R"(peering "tokyo" {
  vpc = vpc.v
  peer_vpc_id = "vpc-0a1b2c3d"
  peer_cidr = "172.16.0.0/24"
  tiers = [vpc.v.pub]
}
)";
  CHECK(of_rule(text + both + elsewhere, "peering-no-route").empty());
}

TEST_CASE("a peering names its accepter once, and tiers of its own VPCs only", "[peering]") {
  const std::string both = kTwoVpcs + R"(peering "p" {
  vpc         = vpc.v
  peer_vpc    = vpc.w
  peer_cidr   = "192.168.0.0/24"
}
)";
  CHECK(of_rule(both, "conflicting-attributes") ==
        Strings{"17:3: error[conflicting-attributes]: `peer_cidr` describes a VPC outside the stack; `peer_vpc` "
                "names one of the file",
                "  16:3: `peer_vpc` is given here"});
  CHECK(of_rule(kTwoVpcs + "peering \"p\" { vpc = vpc.v }\n", "missing-attribute") ==
        Strings{"14:9: error[missing-attribute]: peering `p` needs `peer_vpc` (a VPC of the file) or `peer_vpc_id` "
                "and `peer_cidr`"});
  const std::string outside = kTwoVpcs + R"(peering "p" {
  vpc         = vpc.v
  peer_vpc_id = "vpc-12"
  peer_cidr   = "192.168.0.0/24"
  peer_owner  = "1234"
  tiers       = [vpc.v.app, vpc.w.app]
}
)";
  CHECK(of_rule(outside, "invalid-value") ==
        Strings{"16:17: error[invalid-value]: `vpc-12` is not a VPC id: vpc- and 8 or 17 hexadecimal digits",
                "18:17: error[invalid-value]: `1234` is not an AWS account id: 12 digits",
                "19:29: error[invalid-value]: tier `w.app` is not in vpc `v` of peering `p`"});
}

TEST_CASE("a gateway endpoint is associated with the route tables of its tiers", "[endpoint]") {
  const std::string text = kTwoVpcs + R"(gateway-endpoint "s3" {
  vpc     = vpc.v
  service = "s3"
  tiers   = [vpc.v.app, vpc.v.pub]
}
)";
  const auto tf = terraform(text);
  const auto& e = tf["resource"]["aws_vpc_endpoint"]["s3_gateway_endpoint"];
  CHECK(e["service_name"] == "com.amazonaws.us-east-1.s3");
  CHECK(e["vpc_endpoint_type"] == "Gateway");
  CHECK(e["route_table_ids"] == nlohmann::json{"${aws_route_table.v_private_route_table_a.id}",
                                               "${aws_route_table.v_private_route_table_b.id}",
                                               "${aws_route_table.v_public_route_table.id}"});
  CHECK(cloudformation(text).find("ServiceName: com.amazonaws.us-east-1.s3") != std::string::npos);
}

TEST_CASE("a gateway endpoint's service is s3 or dynamodb, and its tiers are not empty", "[endpoint][checks]") {
  const std::string text = kTwoVpcs + R"(gateway-endpoint "e" {
  vpc     = vpc.v
  service = "sqs"
  tiers   = []
}
)";
  CHECK(of_rule(text, "invalid-value") ==
        Strings{"16:13: error[invalid-value]: `service` is \"s3\" or \"dynamodb\", not \"sqs\""});
  CHECK(of_rule(text, "endpoint-unused") ==
        Strings{"17:13: warning[endpoint-unused]: gateway-endpoint `e` names no tier: no route table leads to it, "
                "so no subnet uses it"});
  // Near misses: a known service; a tier named.
  std::string used = text;
  used.replace(used.find("\"sqs\""), 5, "\"dynamodb\"");
  used.replace(used.find("[]"), 2, "[vpc.v.app]");
  CHECK(of_rule(used, "invalid-value").empty());
  CHECK(of_rule(used, "endpoint-unused").empty());
  CHECK(of_rule(kTwoVpcs + "gateway-endpoint \"e\" {\n  vpc = vpc.v\n  service = \"s3\"\n  tiers = [vpc.w.app]\n}\n",
                "invalid-value") == Strings{"17:12: error[invalid-value]: tier `w.app` is not in vpc `v` of gateway-endpoint `e`"});
}

TEST_CASE("two routes to one block, or two endpoints of one service, in one route table conflict", "[peering][endpoint][checks]") {
  // Line 14 on: `one` and `two` both peer v and w, from every tier.
  const std::string both_ways = kTwoVpcs + R"(peering "one" { vpc = vpc.v, peer_vpc = vpc.w }
peering "two" { vpc = vpc.w, peer_vpc = vpc.v }
)";
  CHECK(of_rule(both_ways, "route-conflict") ==
        Strings{"15:9: error[route-conflict]: peering `two` routes 10.0.0.0/16 from the route tables of tier `pub` of "
                "vpc `w`, where peering `one` already routes it: a route table holds one route a destination",
                "  14:9: peering `one` is here"});
  // Two outside peerings to one block, from the private tables of v.
  const std::string outside = kTwoVpcs + R"(peering "one" { vpc = vpc.v, peer_vpc_id = "vpc-0a1b2c3d", peer_cidr = "192.168.0.0/24", tiers = [vpc.v.app] }
peering "two" { vpc = vpc.v, peer_vpc_id = "vpc-0a1b2c3e", peer_cidr = "192.168.0.0/24", tiers = [vpc.v.app] }
)";
  CHECK(of_rule(outside, "route-conflict") ==
        Strings{"15:9: error[route-conflict]: peering `two` routes 192.168.0.0/24 from the route tables of tier `app` "
                "of vpc `v`, where peering `one` already routes it: a route table holds one route a destination",
                "  14:9: peering `one` is here"});
  // Near misses: other tables (the public tier's), another block.
  std::string other_tier = outside;
  other_tier.replace(other_tier.rfind("vpc.v.app"), 9, "vpc.v.pub");
  CHECK(of_rule(other_tier, "route-conflict").empty());
  std::string other_block = outside;
  other_block.replace(other_block.rfind("192.168.0.0/24"), 14, "192.168.1.0/24");
  CHECK(of_rule(other_block, "route-conflict").empty());

  const std::string endpoints = kTwoVpcs + R"(gateway-endpoint "a" { vpc = vpc.v, service = "s3", tiers = [vpc.v.app] }
gateway-endpoint "b" { vpc = vpc.v, service = "s3", tiers = [vpc.v.pub, vpc.v.app] }
)";
  CHECK(of_rule(endpoints, "route-conflict") ==
        Strings{"15:73: error[route-conflict]: gateway-endpoint `b` joins the route tables of tier `app` of vpc `v` "
                "to s3, which gateway-endpoint `a` already serves them: a route table takes one endpoint a service",
                "  14:18: gateway-endpoint `a` is here"});
  std::string dynamodb = endpoints;
  dynamodb.replace(dynamodb.rfind("\"s3\""), 4, "\"dynamodb\"");
  CHECK(of_rule(dynamodb, "route-conflict").empty());
}

TEST_CASE("two VPCs have one peering between them", "[peering][checks]") {
  const std::string both_ways = kTwoVpcs + R"(peering "one" { vpc = vpc.v, peer_vpc = vpc.w, tiers = [vpc.v.app, vpc.w.app] }
peering "two" { vpc = vpc.w, peer_vpc = vpc.v, tiers = [vpc.v.pub, vpc.w.pub] }
)";
  CHECK(of_rule(both_ways, "duplicate-peering") ==
        Strings{"15:9: error[duplicate-peering]: peering `two` joins vpc `w` and vpc `v`, which peering `one` already "
                "joins: two VPCs have one peering connection",
                "  14:9: peering `one` is here"});
  const std::string outside = kTwoVpcs + R"(peering "one" { vpc = vpc.v, peer_vpc_id = "vpc-0a1b2c3d", peer_cidr = "192.168.0.0/24" }
peering "two" { vpc = vpc.v, peer_vpc_id = "vpc-0a1b2c3d", peer_cidr = "192.168.0.0/24", tiers = [vpc.v.pub] }
)";
  CHECK(of_rule(outside, "duplicate-peering") ==
        Strings{"15:9: error[duplicate-peering]: peering `two` joins vpc `v` and vpc-0a1b2c3d, which peering `one` "
                "already joins: two VPCs have one peering connection",
                "  14:9: peering `one` is here"});
  // Near misses: another outside VPC; the outside VPC peered from the other VPC of the file.
  std::string other_id = outside;
  other_id.replace(other_id.rfind("vpc-0a1b2c3d"), 12, "vpc-0a1b2c3e");
  CHECK(of_rule(other_id, "duplicate-peering").empty());
  std::string other_vpc = outside;
  other_vpc.replace(other_vpc.rfind("vpc = vpc.v"), 11, "vpc = vpc.w");
  other_vpc.replace(other_vpc.rfind("vpc.v.pub"), 9, "vpc.w.pub");
  CHECK(of_rule(other_vpc, "duplicate-peering").empty());
}

TEST_CASE("two peerings whose names give one logical id are a name collision", "[peering][names]") {
  const std::string text = kTwoVpcs + R"(peering "v-w" {
  vpc = vpc.v
  peer_vpc = vpc.w
}
peering "v_w" {
  vpc = vpc.v
  peer_vpc = vpc.w
}
)";
  CHECK(of_rule(text, "name-collision") ==
        Strings{"18:9: error[name-collision]: peering `v_w` and peering `v-w` would share their logical ids: both "
                "names become `VW`",
                "  14:9: peering `v-w` is here"});
}

}  // namespace
}  // namespace archc
