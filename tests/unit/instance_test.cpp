// The `instance` kind (kinds/instance.cpp), and the Name tags the source
// chooses (`name`, `igw_name`, `nat_names`): what they read and refuse, what
// they lower to, what the plan shows, and their checks at exact places.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "lower/lower.hpp"
#include "plan/plan.hpp"
#include "test_support.hpp"

namespace {

using archc::test::compile;
using archc::test::error_briefs;
using archc::test::of_rule;
using archc::test::plan_of;
using archc::test::with_public_and_app;

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("an instance reads its attributes and defaults", "[instance]") {
  const auto plan = plan_of(with_public_and_app(R"(sg-chain "c" { "203.0.113.7/32" -> instance.bastion }
instance "bastion" { subnets = vpc.main.public, elastic_ip = true, name = "my-bastion" }
)"));
  const auto& i = plan["instances"].at(0);
  CHECK(i["name_tag"] == "my-bastion");
  CHECK(i["zone"] == "us-east-1a");
  CHECK(i["subnet"] == "lab-subnet-main-public-a");
  CHECK(i["instance_type"] == "t3.micro");
  CHECK(i["image"] == "al2023");
  CHECK(i["key_name"].is_null());
  CHECK(i["root_volume"].is_null());
  CHECK(i["source_dest_check"] == true);
  CHECK(i["elastic_ip"]["name_tag"] == "lab-eip-bastion");
  // An edge naming no ports opens SSH.
  const auto& group = plan["security_groups"].at(0);
  CHECK(group["owner"] == "instance.bastion");
  CHECK(group["ingress"].at(0)["from_port"] == 22);
}

TEST_CASE("an instance runs in the zone it names, forwards when told, and is a chain source", "[instance]") {
  const auto plan = plan_of(with_public_and_app(R"(sg-chain "c" {
  internet -> instance.vpn : udp:1194
  instance.vpn -> asg.web : ssh
}
instance "vpn" {
  subnets = vpc.main.public
  zone = "b"
  source_dest_check = false
  root_volume = 16
  key_name = "ops"
}
asg "web" { subnets = vpc.main.app }
)"));
  const auto& i = plan["instances"].at(0);
  CHECK(i["zone"] == "us-east-1b");
  CHECK(i["subnet"] == "lab-subnet-main-public-b");
  CHECK(i["source_dest_check"] == false);
  CHECK(i["root_volume"] == 16);
  CHECK(i["key_name"] == "ops");
  CHECK(i["elastic_ip"].is_null());
  CHECK(i["public_ip"] == true);
}

TEST_CASE("an instance lowers to an instance and its Elastic IP", "[instance]") {
  auto c = compile(with_public_and_app(R"(sg-chain "c" { "203.0.113.7/32" -> instance.bastion : ssh }
instance "bastion" { subnets = vpc.main.public, elastic_ip = true, root_volume = 20 }
)"));
  REQUIRE(error_briefs(c->diags) == Strings{});
  const archc::aws::Stack stack = archc::lower(c->model);
  const auto* eip = std::get_if<archc::aws::ElasticIp>(&stack.resources.back());
  REQUIRE(eip != nullptr);
  CHECK(eip->id == "BastionEip");
  CHECK(eip->instance == "BastionInstance");
  CHECK_FALSE(eip->depends_on.empty());
  const auto* instance = std::get_if<archc::aws::Instance>(&stack.resources[stack.resources.size() - 2]);
  REQUIRE(instance != nullptr);
  CHECK(instance->subnet == "MainPublicSubnetA");
  CHECK(instance->root_device == "/dev/xvda");
  CHECK(instance->root_volume == 20);
  CHECK(instance->source_dest_check);
  CHECK(instance->tags.front().value == "lab-ec2-bastion");
}

TEST_CASE("an Elastic IP needs a public tier", "[instance][rules]") {
  CHECK(of_rule(with_public_and_app(R"(instance "x" { subnets = vpc.main.app, elastic_ip = true })"), "eip-private-tier") ==
        Strings{"8:53: error[eip-private-tier]: instance `x` has an Elastic IP, but its tier `app` is private: no "
                "route from the internet reaches it",
                "  8:26: the tier is named here; an Elastic IP needs a public tier"});
  // Near miss: the same instance in the public tier.
  CHECK(of_rule(with_public_and_app(R"(instance "x" { subnets = vpc.main.public, elastic_ip = true })"), "eip-private-tier")
            .empty());
}

TEST_CASE("an instance's zone is one of its tier's", "[instance][rules]") {
  CHECK(of_rule(with_public_and_app(R"(instance "x" { subnets = vpc.main.public, zone = "c" })"), "instance-zone") ==
        Strings{"8:50: error[instance-zone]: tier `public` has no subnet in zone `c`: its zones are a, b",
                "  4:11: the zones are listed here"});
  CHECK(of_rule(with_public_and_app(R"(instance "x" { subnets = vpc.main.public, zone = "b" })"), "instance-zone").empty());
}

TEST_CASE("an instance's key pair name is 1 to 255 ASCII characters", "[instance][rules]") {
  const std::string message = "error[invalid-value]: `key_name` is the name of an EC2 key pair: 1 to 255 ASCII characters";
  CHECK(of_rule(with_public_and_app(R"(instance "x" { subnets = vpc.main.public, key_name = "" })"), "invalid-value") ==
        Strings{"8:54: " + message});
  CHECK(of_rule(with_public_and_app(R"(instance "x" { subnets = vpc.main.public, key_name = "clé" })"), "invalid-value") ==
        Strings{"8:54: " + message});
  CHECK(of_rule(with_public_and_app(R"(instance "x" { subnets = vpc.main.public, key_name = ")" + std::string(256, 'k') + "\" }"),
                "invalid-value") == Strings{"8:54: " + message});
  // Near miss: 255 characters.
  CHECK(of_rule(with_public_and_app(R"(instance "x" { subnets = vpc.main.public, key_name = ")" + std::string(255, 'k') + "\" }"),
                "invalid-value").empty());
}

TEST_CASE("an instance's root volume holds its image's root snapshot", "[instance][rules]") {
  CHECK(of_rule(with_public_and_app(R"(instance "x" { subnets = vpc.main.public, root_volume = 7 })"), "invalid-value") ==
        Strings{"8:57: error[invalid-value]: `root_volume` is 7 GiB, smaller than the 8 GiB root snapshot of image "
                "`al2023`: EC2 refuses to launch it"});
  // Near miss: the snapshot's own size.
  CHECK(of_rule(with_public_and_app(R"(instance "x" { subnets = vpc.main.public, root_volume = 8 })"), "invalid-value").empty());
}

TEST_CASE("an instance in a private tier with no NAT reaches nothing outside", "[instance][rules]") {
  std::string text = with_public_and_app(R"(instance "x" { subnets = vpc.main.app })");
  text.replace(text.find("zones = [\"a\", \"b\"]"), 18, "zones = [\"a\", \"b\"], nat = \"none\"");
  CHECK(of_rule(text, "asg-without-nat") ==
        Strings{"8:26: warning[asg-without-nat]: instance `x` runs in private tier `app` but vpc `main` has no NAT "
                "gateway: it cannot reach the internet",
                "  4:29: set nat = \"per-zone\" (with a public tier), or mark the tier `isolated = true` if that is "
                "intended"});
  // Near misses: the VPC's default NAT; the public tier.
  CHECK(of_rule(with_public_and_app(R"(instance "x" { subnets = vpc.main.app })"), "asg-without-nat").empty());
  std::string in_public = text;
  in_public.replace(in_public.find("vpc.main.app"), 12, "vpc.main.public");
  CHECK(of_rule(in_public, "asg-without-nat").empty());
}

TEST_CASE("an instance nothing reaches is reported once", "[instance][rules]") {
  const std::string lone = with_public_and_app(R"(instance "x" { subnets = vpc.main.app })");
  CHECK(of_rule(lone, "instance-unreachable") ==
        Strings{"8:10: warning[instance-unreachable]: nothing can reach instance `x`: no sg-chain edge leads to it, "
                "and in private tier `app` without an Elastic IP it has no public address"});
  CHECK(of_rule(lone, "unreachable-resource").empty());
  // Near misses: an edge to it; a public tier.
  CHECK(of_rule(with_public_and_app(R"(sg-chain "c" { vpc.main -> instance.x }
instance "x" { subnets = vpc.main.app })"),
                "instance-unreachable")
            .empty());
  CHECK(of_rule(with_public_and_app(R"(instance "x" { subnets = vpc.main.public })"), "instance-unreachable").empty());
}

TEST_CASE("SSH to an instance from the internet is an admin port", "[instance][rules]") {
  CHECK(of_rule(with_public_and_app(R"(sg-chain "c" { internet -> instance.x : ssh }
instance "x" { subnets = vpc.main.public })"),
                "admin-port-from-internet") ==
        Strings{"8:41: warning[admin-port-from-internet]: ssh (port 22) of instance.x is open to the whole internet"});
  CHECK(of_rule(with_public_and_app(R"(sg-chain "c" { "203.0.113.7/32" -> instance.x : ssh }
instance "x" { subnets = vpc.main.public })"),
                "admin-port-from-internet")
            .empty());
}

TEST_CASE("gateways take the Name tags the vpc gives them", "[instance][names]") {
  const auto plan = plan_of(R"(stack "lab" { region = "us-east-1" }
vpc "main" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "public" { public = true, cidrs = ["10.0.1.0/24", "10.0.2.0/24"] }
  subnet "app"    { cidrs = ["10.0.3.0/24", "10.0.4.0/24"] }
  igw_name  = "my-igw"
  nat_names = ["nat-gw-a1", "nat-gw-b1"]
}
)");
  const auto& vpc = plan["vpcs"].at(0);
  CHECK(vpc["internet_gateway"] == "my-igw");
  CHECK(vpc["nat_gateways"].at(0)["name_tag"] == "nat-gw-a1");
  CHECK(vpc["nat_gateways"].at(1)["name_tag"] == "nat-gw-b1");
}

TEST_CASE("nat_names names every NAT gateway", "[instance][names]") {
  CHECK(of_rule(R"(stack "lab" { region = "us-east-1" }
vpc "main" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  nat   = "single"
  subnet "public" { public = true, cidrs = ["10.0.1.0/24", "10.0.2.0/24"] }
  subnet "app"    { cidrs = ["10.0.3.0/24", "10.0.4.0/24"] }
  nat_names = ["nat-a", "nat-b"]
}
)",
                "invalid-value") ==
        Strings{"8:15: error[invalid-value]: `nat_names` has 2 names but vpc `main` has 1 NAT gateway",
                "  5:11: `nat` and the zones decide how many: one a zone, one, or none"});
}

TEST_CASE("a Name tag the source chooses is given once", "[instance][names][rules]") {
  const std::string text = R"(stack "lab" { region = "us-east-1" }
vpc "main" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "public" { public = true, cidrs = ["10.0.1.0/24", "10.0.2.0/24"] }
  subnet "app"    { cidrs = ["10.0.3.0/24", "10.0.4.0/24"] }
  igw_name  = "gw"
  nat_names = ["nat-a", "nat-a"]
}
instance "x" { subnets = vpc.main.public, name = "gw" }
)";
  CHECK(of_rule(text, "duplicate-name-tag") ==
        Strings{"8:25: error[duplicate-name-tag]: the Name tag `nat-a` is already given to another resource",
                "  8:16: it is given here first",
                "10:50: error[duplicate-name-tag]: the Name tag `gw` is already given to another resource",
                "  7:15: it is given here first"});
  // Near miss: all different.
  std::string distinct = text;
  distinct.replace(distinct.find(R"("nat-a"])"), 7, R"("nat-b")");
  distinct.replace(distinct.find(R"(name = "gw")"), 11, R"(name = "bastion")");
  CHECK(of_rule(distinct, "duplicate-name-tag").empty());
}
