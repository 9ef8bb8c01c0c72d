// Deploy-time order (docs/language.md, "Deploy-time order"): what needs the
// internet gateway or a tier's default route while it deploys depends on
// them explicitly, in CloudFormation (DependsOn) and in Terraform
// (depends_on), and what does not need them gets no dependency.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "emit/cloudformation.hpp"
#include "emit/terraform.hpp"
#include "lower/lower.hpp"
#include "test_support.hpp"

namespace archc {
namespace {

using Strings = std::vector<std::string>;

// A two-zone VPC with a public, a private and an isolated tier, its NAT as
// `nat` says, then `rest`.
std::string network(const std::string& nat, const std::string& rest) {
  return R"(stack "t" { region = "us-east-1" }
vpc "main" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  nat   = ")" + nat + R"("
  subnet "public" { public = true, cidrs = ["10.0.1.0/24", "10.0.2.0/24"] }
  subnet "app"    { cidrs = ["10.0.3.0/24", "10.0.4.0/24"] }
  subnet "db"     { isolated = true, cidrs = ["10.0.5.0/24", "10.0.6.0/24"] }
}
)" + rest;
}

// Both templates of one compilation.
struct Templates {
  YAML::Node cfn;
  nlohmann::json tf;
};

Templates templates_of(std::string text) {
  auto c = test::compile(std::move(text));
  INFO(Catch::Detail::stringify(test::briefs(c->diags)));
  REQUIRE(c->ok());
  const aws::Stack stack = lower(c->model);
  return {YAML::Load(emit_cloudformation(stack)), nlohmann::json::parse(emit_terraform(stack))};
}

// The DependsOn of a resource, as a list whether written as one string or
// several; each must name a resource of the template.
Strings cfn_depends_on(const YAML::Node& cfn, const std::string& id) {
  const YAML::Node resource = cfn["Resources"][id];
  REQUIRE(resource.IsMap());
  const YAML::Node d = resource["DependsOn"];
  Strings out;
  if (!d.IsDefined()) return out;
  if (d.IsScalar()) out.push_back(d.as<std::string>());
  else
    for (const auto& item : d) out.push_back(item.as<std::string>());
  for (const auto& dependency : out) CHECK(cfn["Resources"][dependency].IsDefined());
  return out;
}

// The depends_on of `resource.type.name`; each address must name a
// resource of the configuration.
Strings tf_depends_on(const nlohmann::json& tf, const std::string& type, const std::string& name) {
  const auto& resource = tf.at("resource").at(type).at(name);
  Strings out = resource.value("depends_on", Strings{});
  for (const auto& address : out) {
    const auto dot = address.find('.');
    CHECK(tf["resource"][address.substr(0, dot)].contains(address.substr(dot + 1)));
  }
  return out;
}

const std::string kAlbAndAsg = R"(
alb "web" {
  subnets = vpc.main.public
  listener "http" { port = 80, forward = asg.app }
}
asg "app" { subnets = vpc.main.app }
sg-chain "c" { alb.web -> asg.app }
)";

}  // namespace

TEST_CASE("an internet-facing alb waits for the internet gateway and its tier's route to it", "[deploy-order]") {
  const Templates t = templates_of(network("per-zone", kAlbAndAsg));
  CHECK(cfn_depends_on(t.cfn, "WebAlb") == Strings{"MainGatewayAttachment", "MainPublicDefaultRoute",
                                                   "MainPublicSubnetARouteTableAssociation",
                                                   "MainPublicSubnetBRouteTableAssociation"});
  CHECK(tf_depends_on(t.tf, "aws_lb", "web_alb") ==
        Strings{"aws_internet_gateway_attachment.main_gateway_attachment", "aws_route.main_public_default_route",
                "aws_route_table_association.main_public_subnet_a_route_table_association",
                "aws_route_table_association.main_public_subnet_b_route_table_association"});
}

TEST_CASE("an internal alb depends on no route", "[deploy-order]") {
  const Templates t = templates_of(network("per-zone", R"(
alb "inner" {
  subnets = vpc.main.app
  listener "http" { port = 80, forward = asg.app }
}
asg "app" { subnets = vpc.main.app }
sg-chain "c" { alb.inner -> asg.app }
)"));
  CHECK(t.cfn["Resources"]["InnerAlb"]["Properties"]["Scheme"].as<std::string>() == "internal");
  CHECK(cfn_depends_on(t.cfn, "InnerAlb") == Strings{});
  CHECK(tf_depends_on(t.tf, "aws_lb", "inner_alb") == Strings{});
}

TEST_CASE("an asg in a private tier waits for each zone's route to its NAT gateway", "[deploy-order]") {
  const Strings cfn{"MainPrivateDefaultRouteA", "MainAppSubnetARouteTableAssociation", "MainPrivateDefaultRouteB",
                    "MainAppSubnetBRouteTableAssociation"};
  const Strings tf{"aws_route.main_private_default_route_a",
                   "aws_route_table_association.main_app_subnet_a_route_table_association",
                   "aws_route.main_private_default_route_b",
                   "aws_route_table_association.main_app_subnet_b_route_table_association"};
  // One NAT gateway or one per zone: each zone has its own route table and
  // default route.
  for (const std::string nat : {"per-zone", "single"}) {
    INFO(nat);
    const Templates t = templates_of(network(nat, kAlbAndAsg));
    CHECK(cfn_depends_on(t.cfn, "AppAsg") == cfn);
    CHECK(tf_depends_on(t.tf, "aws_autoscaling_group", "app_asg") == tf);
  }
}

TEST_CASE("a NAT gateway waits for its subnet's route to the internet gateway", "[deploy-order]") {
  const Templates t = templates_of(network("per-zone", kAlbAndAsg));
  // The route to the NAT gateway refers to it, so whatever waits for that
  // route also waits for the NAT gateway's own way out.
  CHECK(t.cfn["Resources"]["MainPrivateDefaultRouteB"]["Properties"]["NatGatewayId"]["Ref"].as<std::string>() ==
        "MainNatGatewayB");
  CHECK(cfn_depends_on(t.cfn, "MainNatGatewayB") ==
        Strings{"MainGatewayAttachment", "MainPublicDefaultRoute", "MainPublicSubnetBRouteTableAssociation"});
  CHECK(tf_depends_on(t.tf, "aws_nat_gateway", "main_nat_gateway_b") ==
        Strings{"aws_internet_gateway_attachment.main_gateway_attachment", "aws_route.main_public_default_route",
                "aws_route_table_association.main_public_subnet_b_route_table_association"});
  // AWS's documented rule for an Elastic IP in a VPC, and for a route to
  // the internet gateway: one dependency, written as a string.
  CHECK(t.cfn["Resources"]["MainNatEipA"]["DependsOn"].as<std::string>() == "MainGatewayAttachment");
  CHECK(tf_depends_on(t.tf, "aws_eip", "main_nat_eip_a") ==
        Strings{"aws_internet_gateway_attachment.main_gateway_attachment"});
  CHECK(cfn_depends_on(t.cfn, "MainPublicDefaultRoute") == Strings{"MainGatewayAttachment"});
}

TEST_CASE("an asg in a public tier waits for the internet gateway and the route to it", "[deploy-order]") {
  const Templates t = templates_of(network("per-zone", R"(asg "edge" { subnets = vpc.main.public }
)"));
  CHECK(cfn_depends_on(t.cfn, "EdgeAsg") == Strings{"MainGatewayAttachment", "MainPublicDefaultRoute",
                                                    "MainPublicSubnetARouteTableAssociation",
                                                    "MainPublicSubnetBRouteTableAssociation"});
  CHECK(tf_depends_on(t.tf, "aws_autoscaling_group", "edge_asg") ==
        Strings{"aws_internet_gateway_attachment.main_gateway_attachment", "aws_route.main_public_default_route",
                "aws_route_table_association.main_public_subnet_a_route_table_association",
                "aws_route_table_association.main_public_subnet_b_route_table_association"});
}

TEST_CASE("an asg in a tier without a default route depends on nothing", "[deploy-order]") {
  SECTION("a private tier in a VPC without NAT") {
    const Templates t = templates_of(network("none", kAlbAndAsg));
    CHECK_FALSE(t.cfn["Resources"]["MainPrivateDefaultRouteA"].IsDefined());
    CHECK(cfn_depends_on(t.cfn, "AppAsg") == Strings{});
    CHECK(tf_depends_on(t.tf, "aws_autoscaling_group", "app_asg") == Strings{});
  }
  SECTION("an isolated tier") {
    const Templates t = templates_of(network("per-zone", R"(asg "batch" { subnets = vpc.main.db }
)"));
    CHECK(cfn_depends_on(t.cfn, "BatchAsg") == Strings{});
    CHECK(tf_depends_on(t.tf, "aws_autoscaling_group", "batch_asg") == Strings{});
  }
}

}  // namespace archc
