// Protocols in chains (docs/language.md, "Extension: protocols"): `udp:1194`,
// `icmp` and `all` as they parse, what they refuse at the exact place, what
// both backends and the plan make of them, and the TCP checks that must not
// count them.
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

using Strings = std::vector<std::string>;

// Lines 1 to 9: a VPC with a public and a private tier, an asg in each; the
// chain starts on line 10.
std::string network(const std::string& chain) {
  return R"(stack "s" { region = "us-east-1" }
vpc "v" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "pub" { public = true, cidrs = ["10.0.1.0/24", "10.0.2.0/24"] }
  subnet "app" { cidrs = ["10.0.3.0/24", "10.0.4.0/24"] }
}
asg "vpn" { subnets = vpc.v.pub, port = 1194 }
asg "app" { subnets = vpc.v.app, port = 8080 }
)" + chain;
}

// The ingress rules of the security group `group` of the JSON plan.
nlohmann::json ingress_of(const std::string& text, const std::string& group) {
  auto c = test::compile(text);
  REQUIRE(test::error_briefs(c->diags) == Strings{});
  const auto plan = nlohmann::json::parse(plan::render_json(plan::make_plan(c->model)));
  for (const auto& g : plan["security_groups"])
    if (g["owner"] == group) return g["ingress"];
  FAIL("no security group of " << group);
  return {};
}

}  // namespace

TEST_CASE("a protocol before ports, icmp and all parse with the ranges of each part", "[protocols]") {
  auto p = test::parse("sg-chain \"c\" { internet -> asg.vpn : udp:1194, udp:dns, tcp:80..81, icmp, all }\n");
  REQUIRE(test::briefs(p->diags) == Strings{});
  const auto& edge = *std::get<std::unique_ptr<ast::Edge>>(std::get<std::unique_ptr<ast::Block>>(p->tree.items.at(0))->items.at(0));
  REQUIRE(edge.ports.size() == 5);
  CHECK(edge.ports[0].protocol == "udp");
  CHECK(test::text_of(edge.ports[0].protocol_range) == "udp");
  CHECK(test::text_of(edge.ports[0].range) == "1194");
  CHECK(edge.ports[0].lo == 1194);
  CHECK(edge.ports[1].name == "dns");
  CHECK(edge.ports[2].protocol == "tcp");
  CHECK(edge.ports[2].kind == ast::Port::Kind::Range);
  CHECK(test::text_of(edge.ports[2].range) == "80..81");
  CHECK(edge.ports[3].protocol.empty());
  CHECK(edge.ports[3].name == "icmp");
  CHECK(edge.ports[4].name == "all");
}

TEST_CASE("a protocol with no port after it is a syntax error after its colon", "[protocols]") {
  CHECK(test::diagnostics_of(network("sg-chain \"c\" { internet -> asg.vpn : udp: }\n")) ==
        Strings{"10:42: error[syntax]: expected a port after the protocol: udp:1194, udp:8000..8100 or tcp:https"});
}

TEST_CASE("an unknown protocol, and ports after icmp or all, are errors at the protocol", "[protocols]") {
  auto c = test::compile(network(R"(sg-chain "c" {
  internet -> asg.vpn : udpp:1194
  internet -> asg.vpn : icmp:8
  internet -> asg.vpn : all:80
}
)"));
  CHECK(test::error_briefs(c->diags) ==
        Strings{"11:25: error[invalid-protocol]: unknown protocol `udpp`: ports follow tcp or udp",
                "12:25: error[invalid-protocol]: `icmp` takes no ports: write `icmp` alone, which opens every ICMP "
                "type and code",
                "13:25: error[invalid-protocol]: `all` takes no ports: write `all` alone, which opens every protocol "
                "and port"});
  // "Did you mean" offers the close protocol, as a fix-it.
  const Diagnostic& d = c->diags.all().front();
  REQUIRE(d.fixits.size() == 1);
  CHECK(d.fixits[0].replacement == "udp");
}

TEST_CASE("tcp or udp written without ports asks for them, not for a port name like it", "[protocols]") {
  CHECK(test::error_briefs(test::compile(network(R"(sg-chain "c" {
  internet -> asg.vpn : udp
  internet -> asg.vpn : tcp
}
)"))->diags) == Strings{"11:25: error[invalid-protocol]: `udp` needs its ports: write udp:PORT, as in udp:1194, or "
                        "`all` for every protocol and port",
                        "12:25: error[invalid-protocol]: `tcp` needs its ports: write tcp:PORT, as in tcp:443, or "
                        "`all` for every protocol and port"});
  // Near miss: a port name one letter from a protocol is still a port name.
  CHECK(test::error_briefs(test::compile(network(R"(sg-chain "c" {
  internet -> asg.vpn : rdp
}
)"))->diags).empty());
}

TEST_CASE("a UDP port keeps its protocol in both backends, the plan and the rule's id", "[protocols]") {
  const std::string text = network("sg-chain \"c\" { internet -> asg.vpn : udp:1194, 1194 }\n");
  auto c = test::compile(text);
  const aws::Stack stack = lower(c->model);
  const YAML::Node cfn = YAML::Load(emit_cloudformation(stack));
  const YAML::Node udp = cfn["Resources"]["VpnAsgFromInternetUdpPort1194Ingress"]["Properties"];
  CHECK(udp["IpProtocol"].as<std::string>() == "udp");
  CHECK(udp["FromPort"].as<int>() == 1194);
  CHECK(udp["ToPort"].as<int>() == 1194);
  // The TCP rule on the same port keeps the id TCP rules always had.
  CHECK(cfn["Resources"]["VpnAsgFromInternetPort1194Ingress"]["Properties"]["IpProtocol"].as<std::string>() == "tcp");
  const auto tf = nlohmann::json::parse(emit_terraform(stack));
  const auto& rule = tf["resource"]["aws_vpc_security_group_ingress_rule"]["vpn_asg_from_internet_udp_port1194_ingress"];
  CHECK(rule["ip_protocol"] == "udp");
  CHECK(rule["from_port"] == 1194);
  CHECK(ingress_of(text, "asg.vpn") ==
        nlohmann::json::parse(R"([
          {"protocol": "udp", "from_port": 1194, "to_port": 1194, "source_cidr": "0.0.0.0/0", "source_group": null,
           "source": "internet"},
          {"protocol": "tcp", "from_port": 1194, "to_port": 1194, "source_cidr": "0.0.0.0/0", "source_group": null,
           "source": "internet"}])"));
}

TEST_CASE("icmp is type and code -1, all has no ports, in both backends and the plan", "[protocols]") {
  const std::string text = network("sg-chain \"c\" { asg.vpn -> asg.app : icmp, all }\n");
  auto c = test::compile(text);
  const aws::Stack stack = lower(c->model);
  const YAML::Node cfn = YAML::Load(emit_cloudformation(stack));
  const YAML::Node icmp = cfn["Resources"]["AppAsgFromVpnAsgIcmpIngress"]["Properties"];
  CHECK(icmp["IpProtocol"].as<std::string>() == "icmp");
  CHECK(icmp["FromPort"].as<int>() == -1);
  CHECK(icmp["ToPort"].as<int>() == -1);
  const YAML::Node all = cfn["Resources"]["AppAsgFromVpnAsgAllTrafficIngress"]["Properties"];
  CHECK(all["IpProtocol"].as<std::string>() == "-1");
  CHECK(!all["FromPort"]);
  CHECK(!all["ToPort"]);
  const auto tf = nlohmann::json::parse(emit_terraform(stack));
  const auto& rules = tf["resource"]["aws_vpc_security_group_ingress_rule"];
  CHECK(rules["app_asg_from_vpn_asg_icmp_ingress"]["from_port"] == -1);
  CHECK(rules["app_asg_from_vpn_asg_all_traffic_ingress"]["ip_protocol"] == "-1");
  CHECK(!rules["app_asg_from_vpn_asg_all_traffic_ingress"].contains("from_port"));
  const auto ingress = ingress_of(text, "asg.app");
  REQUIRE(ingress.size() == 2);
  CHECK(ingress[0]["protocol"] == "icmp");
  CHECK(ingress[0]["from_port"] == -1);
  CHECK(ingress[1]["protocol"] == "all");
  CHECK(ingress[1]["from_port"] == nullptr);
}

TEST_CASE("SSH checks count all traffic and never UDP or ICMP", "[protocols]") {
  auto of_rule = [](const std::string& chain) {
    Strings out;
    for (const auto& b : test::diagnostics_of(network(chain)))
      if (b.find("admin-port-from-internet") != std::string::npos) out.push_back(b);
    return out;
  };
  CHECK(of_rule("sg-chain \"c\" { internet -> asg.vpn : all }\n") ==
        Strings{"10:38: warning[admin-port-from-internet]: ssh (port 22) of asg.vpn is open to the whole internet",
                "10:38: warning[admin-port-from-internet]: rdp (port 3389) of asg.vpn is open to the whole internet"});
  CHECK(of_rule("sg-chain \"c\" { internet -> asg.vpn : udp:22, icmp, udp:3389 }\n") == Strings{});
}

TEST_CASE("the same port twice is a duplicate per protocol", "[protocols]") {
  auto duplicates = [](const std::string& chain) {
    Strings out;
    for (const auto& b : test::diagnostics_of(network(chain)))
      if (b.find("duplicate-edge") != std::string::npos) out.push_back(b);
    return out;
  };
  CHECK(duplicates("sg-chain \"c\" { internet -> asg.vpn : 1194, udp:1194, icmp, all }\n") == Strings{});
  CHECK(duplicates("sg-chain \"c\" { internet -> asg.vpn : udp:1194, udp:1190..1200, icmp, icmp }\n") ==
        Strings{"10:52: warning[duplicate-edge]: internet -> asg.vpn on udp:1194 is already opened",
                "10:70: warning[duplicate-edge]: internet -> asg.vpn on icmp is already opened"});
}

TEST_CASE("an alb forwards over TCP: a UDP edge does not open the asg's port", "[protocols]") {
  const std::string alb = R"(alb "web" {
  subnets = vpc.v.pub
  listener "http" { port = 80, forward = asg.app }
}
)";
  auto forward_blocked = [&](const std::string& ports) {
    for (const auto& b : test::diagnostics_of(network(alb + "sg-chain \"c\" {\n  internet -> alb.web : http\n"
                                                            "  alb.web -> asg.app : " + ports + "\n}\n")))
      if (b.find("forward-port-blocked") != std::string::npos) return true;
    return false;
  };
  CHECK(forward_blocked("udp:8080"));
  CHECK(!forward_blocked("all"));
  CHECK(!forward_blocked("tcp:8080"));
}

}  // namespace archc
