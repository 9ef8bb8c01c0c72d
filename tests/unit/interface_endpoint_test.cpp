// The `interface-endpoint` kind (kinds/interface_endpoint.cpp): what it
// reads and refuses, what it lowers to in both backends, what the plan
// shows, and its checks (endpoint-unreached, no-aws-service) at exact
// places, each with the near misses that stay silent.
#include <catch2/catch.hpp>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "emit/cloudformation.hpp"
#include "emit/terraform.hpp"
#include "lower/lower.hpp"
#include "plan/plan.hpp"
#include "test_support.hpp"

namespace {

using archc::test::compile;
using archc::test::error_briefs;
using archc::test::of_rule;
using archc::test::plan_of;
using Strings = std::vector<std::string>;

// Eight lines: a VPC over zones a and b with a public tier, a private tier
// (NAT per zone) and an isolated tier. What a test adds starts on line 9.
std::string with_net(const std::string& rest) {
  return R"(stack "lab" { region = "us-east-1" }
vpc "main" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "public" { public = true, cidrs = ["10.0.1.0/24", "10.0.2.0/24"] }
  subnet "app"    { cidrs = ["10.0.3.0/24", "10.0.4.0/24"] }
  subnet "batch"  { isolated = true, cidrs = ["10.0.5.0/24", "10.0.6.0/24"] }
}
)" + rest;
}

const std::string kSecrets = R"(sg-chain "c" { asg.web -> interface-endpoint.secrets }
asg "web" { subnets = vpc.main.app }
interface-endpoint "secrets" {
  subnets = vpc.main.app
  service = "secretsmanager"
}
)";


std::string plan_text_of(const std::string& text) {
  auto c = compile(text);
  REQUIRE(error_briefs(c->diags) == Strings{});
  return archc::plan::render_text(archc::plan::make_plan(c->model));
}

nlohmann::json terraform(const std::string& text) {
  auto c = compile(text);
  REQUIRE(error_briefs(c->diags) == Strings{});
  return nlohmann::json::parse(archc::emit_terraform(archc::lower(c->model)));
}

std::string cloudformation(const std::string& text) {
  auto c = compile(text);
  REQUIRE(error_briefs(c->diags) == Strings{});
  return archc::emit_cloudformation(archc::lower(c->model));
}

}  // namespace

TEST_CASE("an interface endpoint plans its service, interfaces, private DNS and group", "[interface-endpoint]") {
  const auto plan = plan_of(with_net(kSecrets));
  const auto& e = plan["interface_endpoints"].at(0);
  CHECK(e["name"] == "secrets");
  CHECK(e["name_tag"] == "lab-vpce-secrets");
  CHECK(e["vpc"] == "main");
  CHECK(e["service"] == "secretsmanager");
  CHECK(e["service_name"] == "com.amazonaws.us-east-1.secretsmanager");
  CHECK(e["type"] == "Interface");
  CHECK(e["tier"] == "vpc.main.app");
  CHECK(e["subnets"] == nlohmann::json{"lab-subnet-main-app-a", "lab-subnet-main-app-b"});
  CHECK(e["private_dns"] == true);
  CHECK(e["port"] == 443);
  CHECK(e["security_group"] == "lab-sg-vpce-secrets");
  // An edge naming no ports opens HTTPS, from the asg's group.
  const auto& group = plan["security_groups"].at(1);
  CHECK(group["owner"] == "interface-endpoint.secrets");
  CHECK(group["ingress"] == nlohmann::json::parse(R"([{"protocol": "tcp", "from_port": 443, "to_port": 443,
    "source_cidr": null, "source_group": "lab-sg-asg-web", "source": "asg.web"}])"));
}

TEST_CASE("an interface endpoint's text plan sits under its tier", "[interface-endpoint]") {
  const std::string text = plan_text_of(with_net(kSecrets));
  CHECK(text.find(R"(
    interface endpoint secrets  com.amazonaws.us-east-1.secretsmanager
      name                lab-vpce-secrets
      service             AWS Secrets Manager
      network interfaces  one in each of lab-subnet-main-app-a, lab-subnet-main-app-b
      private DNS         on: the service's own DNS name leads here from inside the VPC
      port                443 (HTTPS)
      security group      lab-sg-vpce-secrets
      ingress
        tcp  443  from asg.web  lab-sg-asg-web
)") != std::string::npos);
}

TEST_CASE("an interface endpoint lowers to a VPCEndpoint of type Interface in both backends", "[interface-endpoint]") {
  const std::string text = with_net(kSecrets + "interface-endpoint \"ssm\" {\n  subnets = vpc.main.app\n  service = "
                                               "\"ssm\"\n  private_dns = false\n}\n"
                                               "sg-chain \"d\" { vpc.main.app -> interface-endpoint.ssm : https }\n");
  const auto tf = terraform(text);
  const auto& e = tf["resource"]["aws_vpc_endpoint"]["secrets_interface_endpoint"];
  CHECK(e["vpc_id"] == "${aws_vpc.main_vpc.id}");
  CHECK(e["service_name"] == "com.amazonaws.us-east-1.secretsmanager");
  CHECK(e["vpc_endpoint_type"] == "Interface");
  CHECK(e["subnet_ids"] == nlohmann::json{"${aws_subnet.main_app_subnet_a.id}", "${aws_subnet.main_app_subnet_b.id}"});
  CHECK(e["security_group_ids"] == nlohmann::json{"${aws_security_group.secrets_vpce_security_group.id}"});
  CHECK(e["private_dns_enabled"] == true);
  CHECK(e["tags"] == nlohmann::json{{"Name", "lab-vpce-secrets"}});
  CHECK(tf["resource"]["aws_vpc_endpoint"]["ssm_interface_endpoint"]["private_dns_enabled"] == false);
  const std::string yaml = cloudformation(text);
  CHECK(yaml.find(R"(  SecretsInterfaceEndpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      VpcId:
        Ref: MainVpc
      ServiceName: com.amazonaws.us-east-1.secretsmanager
      VpcEndpointType: Interface
      SubnetIds:
        - Ref: MainAppSubnetA
        - Ref: MainAppSubnetB
      SecurityGroupIds:
        - Fn::GetAtt: [SecretsVpceSecurityGroup, GroupId]
      PrivateDnsEnabled: true
)") != std::string::npos);
  CHECK(yaml.find("      PrivateDnsEnabled: false\n") != std::string::npos);
}

TEST_CASE("an interface endpoint's service is one of the catalogue, with the nearest suggested", "[interface-endpoint]") {
  auto c = compile(with_net(R"(interface-endpoint "s" {
  subnets = vpc.main.app
  service = "secretmanager"
}
)"));
  c->diags.sort();
  REQUIRE(error_briefs(c->diags) ==
          Strings{"11:13: error[invalid-value]: `secretmanager` is not an interface endpoint service archc knows "
                  "(stdlib/endpoint_services.json)"});
  const auto& d = *std::find_if(c->diags.all().begin(), c->diags.all().end(),
                                [](const auto& x) { return x.id() == "invalid-value"; });
  CHECK(archc::test::notes(d) == Strings{"did you mean `secretsmanager`?"});
  // S3 is a gateway endpoint's.
  CHECK(of_rule(with_net("interface-endpoint \"s\" { subnets = vpc.main.app, service = \"s3\" }\n"),
                "invalid-value") ==
        Strings{"9:60: error[invalid-value]: `s3` is not an interface endpoint service archc knows "
                "(stdlib/endpoint_services.json)",
                "  expected one of: athena, autoscaling, cloudformation, codeartifact.api, codeartifact.repositories, "
                "codebuild, codecommit, codedeploy, codedeploy-commands-secure, codepipeline, ebs, ec2, ..."});
}

TEST_CASE("endpoint-unreached: an interface endpoint no edge opens 443 to", "[interface-endpoint][rules]") {
  const std::string endpoint = "interface-endpoint \"logs\" { subnets = vpc.main.app, service = \"logs\" }\n"
                               "asg \"web\" { subnets = vpc.main.app }\n";
  // An edge on another port.
  CHECK(of_rule(with_net(endpoint + "sg-chain \"c\" { asg.web -> interface-endpoint.logs : http }\n"),
                "endpoint-unreached") ==
        Strings{"9:20: warning[endpoint-unreached]: no sg-chain edge opens TCP 443 to interface-endpoint `logs`: its "
                "security group drops every call to the service; add an edge from what calls it (`asg.NAME -> "
                "interface-endpoint.logs` opens 443)"});
  // No edge at all: this rule's alone, not unreachable-resource's too.
  const std::string alone = with_net(endpoint);
  CHECK(of_rule(alone, "endpoint-unreached").size() == 1);
  CHECK(of_rule(alone, "unreachable-resource") ==
        Strings{"10:5: warning[unreachable-resource]: no traffic can reach asg.web: no sg-chain path leads to it from "
                "the internet, a CIDR or a VPC"});
  // Near misses: `: https`, no port, a range holding 443, all traffic.
  for (const std::string ports : {" : https", "", " : 400-500", " : all"})
    CHECK(of_rule(with_net(endpoint + "sg-chain \"c\" { asg.web -> interface-endpoint.logs" + ports + " }\n"),
                  "endpoint-unreached") == Strings{});
}

TEST_CASE("no-aws-service: an asg or instance in an isolated tier with no endpoint", "[interface-endpoint][rules]") {
  const std::string worker = "asg \"worker\" { subnets = vpc.main.batch }\n";
  CHECK(of_rule(with_net(worker), "no-aws-service") ==
        Strings{"9:5: warning[no-aws-service]: asg `worker` reaches no AWS service (no SSM, no package repository, no "
                "CloudWatch): no gateway endpoint serves isolated tier `batch`, and no interface endpoint of vpc "
                "`main` is opened to it on TCP 443",
                "  7:10: tier `batch` is isolated: no route leaves the VPC"});
  CHECK(of_rule(with_net("instance \"job\" { subnets = vpc.main.batch }\n"), "no-aws-service") ==
        Strings{"9:10: warning[no-aws-service]: instance `job` reaches no AWS service (no SSM, no package repository, "
                "no CloudWatch): no gateway endpoint serves isolated tier `batch`, and no interface endpoint of vpc "
                "`main` is opened to it on TCP 443",
                "  7:10: tier `batch` is isolated: no route leaves the VPC"});
  const std::string ssm = "interface-endpoint \"ssm\" { subnets = vpc.main.batch, service = \"ssm\" }\n";
  // An interface endpoint opened to it on another port only, or one opened
  // to another resource only, serves it not.
  CHECK(of_rule(with_net(worker + ssm + "sg-chain \"c\" { asg.worker -> interface-endpoint.ssm : http }\n"),
                "no-aws-service")
            .size() == 2);
  CHECK(of_rule(with_net(worker + ssm + "asg \"web\" { subnets = vpc.main.app }\n" +
                         "sg-chain \"c\" { asg.web -> interface-endpoint.ssm }\n"),
                "no-aws-service")
            .size() == 2);
  // Near misses: a gateway endpoint on the tier; an interface endpoint
  // opened to it, its tier, its VPC or a block holding its subnets; a
  // private tier with NAT.
  CHECK(of_rule(with_net(worker + "gateway-endpoint \"s3\" { vpc = vpc.main, service = \"s3\", tiers = "
                                  "[vpc.main.batch] }\n"),
                "no-aws-service") == Strings{});
  for (const std::string source : {"asg.worker", "vpc.main.batch", "vpc.main", "\"10.0.4.0/22\""})
    CHECK(of_rule(with_net(worker + ssm + "sg-chain \"c\" { " + source + " -> interface-endpoint.ssm }\n"),
                  "no-aws-service") == Strings{});
  CHECK(of_rule(with_net("asg \"worker\" { subnets = vpc.main.app }\n"), "no-aws-service") == Strings{});
}

TEST_CASE("private-dns-conflict: two endpoints of one service in one VPC with private DNS", "[interface-endpoint][rules]") {
  const std::string first = "interface-endpoint \"ssm\" { subnets = vpc.main.app, service = \"ssm\" }\n";
  CHECK(of_rule(with_net(first + "interface-endpoint \"ssm2\" { subnets = vpc.main.batch, service = \"ssm\" }\n"),
                "private-dns-conflict") ==
        Strings{"10:20: error[private-dns-conflict]: interface-endpoint `ssm2` takes the private DNS name of ssm in vpc "
                "`main`, which interface-endpoint `ssm` already has: AWS refuses the second",
                "  9:20: interface-endpoint `ssm` is here"});
  // Near misses: the second without private DNS; another service; another VPC.
  CHECK(of_rule(with_net(first + "interface-endpoint \"ssm2\" { subnets = vpc.main.batch, service = \"ssm\", "
                                 "private_dns = false }\n"),
                "private-dns-conflict") == Strings{});
  CHECK(of_rule(with_net(first + "interface-endpoint \"logs\" { subnets = vpc.main.batch, service = \"logs\" }\n"),
                "private-dns-conflict") == Strings{});
  CHECK(of_rule(with_net(first + "vpc \"other\" {\n  cidr = \"10.9.0.0/16\"\n  zones = [\"a\"]\n"
                                 "  subnet \"app\" { cidrs = [\"10.9.1.0/24\"] }\n}\n"
                                 "interface-endpoint \"ssm2\" { subnets = vpc.other.app, service = \"ssm\" }\n"),
                "private-dns-conflict") == Strings{});
}
