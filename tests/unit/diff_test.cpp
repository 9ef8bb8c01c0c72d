// `archc diff` (src/diff/, docs/diff.md): the replacement table, the
// comparison of two lowered stacks, the security analysis with its
// near-misses, the JSON against its documented fields, and the command
// line (--help, --fail-on, exit statuses, the git form in a throw-away
// repository).
#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli_support.hpp"
#include "diff/diff.hpp"
#include "diff/properties.hpp"
#include "diff/render.hpp"
#include "lower/lower.hpp"
#include "test_support.hpp"

namespace archc::test {
namespace {

using diff::ResourceChange;
using diff::SecurityChange;

aws::Stack lowered(const std::string& path) {
  auto c = compile_text(path, read(path));
  REQUIRE(c->ok());
  return lower(c->model);
}

std::vector<std::string> sample_paths() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(std::string(ARCHC_SOURCE_DIR) + "/samples"))
    if (e.path().extension() == ".arch") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

TEST_CASE("the replacement table is sorted, and names properties archc writes", "[diff]") {
  const auto rules = diff::replacement_rules();
  for (std::size_t i = 1; i < rules.size(); ++i)
    CHECK(std::tie(rules[i - 1].type, rules[i - 1].property) < std::tie(rules[i].type, rules[i].property));
  // Every (type, property) of the table is one some sample's lowering has:
  // a misspelt entry would never match.
  std::set<std::pair<std::string, std::string>> written;
  for (const auto& path : sample_paths())
    for (const auto& r : lowered(path).resources) {
      const auto v = diff::view(r);
      for (const auto& p : v.properties) written.insert({std::string(v.type), p.name});
    }
  for (const auto& rule : rules) {
    INFO(rule.type << " " << rule.property);
    CHECK(written.count({std::string(rule.type), std::string(rule.property)}) == 1);
  }
}

TEST_CASE("docs/diff.md's replacement table is the table of replacement.cpp, row for row", "[diff]") {
  const std::string doc = read(std::string(ARCHC_SOURCE_DIR) + "/docs/diff.md");
  // The rules CloudFormation replaces by, then those only the provider does.
  for (const bool cloudformation : {true, false}) {
    const auto begin = doc.find(cloudformation ? "## The replacement table" : "## Replaced by Terraform only");
    REQUIRE(begin != std::string::npos);
    const std::string section = doc.substr(begin, doc.find("\n## ", begin + 1) - begin);
    std::vector<std::string> documented;
    static const std::regex row(R"(\| `AWS::[^\n]*\|)");
    for (auto it = std::sregex_iterator(section.begin(), section.end(), row); it != std::sregex_iterator(); ++it)
      documented.push_back(it->str());
    std::vector<std::string> declared;
    for (const auto& r : diff::replacement_rules())
      if (r.cloudformation == cloudformation)
        declared.push_back(fmt::format("| `{}` | `{}` | {} |", r.type, r.property,
                                       r.terraform.empty() ? "—" : fmt::format("`{}`", r.terraform)));
    CHECK(documented == declared);
  }
}

TEST_CASE("the replacement rules of the issue's examples", "[diff]") {
  const auto* cidr = diff::replacement_rule("AWS::EC2::Subnet", "CidrBlock");
  REQUIRE(cidr);
  CHECK(cidr->terraform == "aws_subnet.cidr_block");
  CHECK(diff::replacement_rule("AWS::EC2::Subnet", "AvailabilityZone"));
  CHECK(diff::replacement_rule("AWS::RDS::DBInstance", "Engine"));
  CHECK(diff::replacement_rule("AWS::ElasticLoadBalancingV2::LoadBalancer", "Scheme"));
  CHECK(diff::replacement_rule("AWS::EC2::VPC", "CidrBlock"));
  CHECK(diff::replacement_rule("AWS::EC2::SecurityGroupIngress", "CidrIp")->terraform.empty());
  // Near-misses: made in place.
  CHECK_FALSE(diff::replacement_rule("AWS::EC2::Subnet", "Tags"));
  CHECK_FALSE(diff::replacement_rule("AWS::EC2::Subnet", "MapPublicIpOnLaunch"));
  CHECK_FALSE(diff::replacement_rule("AWS::RDS::DBInstance", "DBInstanceClass"));
  CHECK_FALSE(diff::replacement_rule("AWS::EC2::SecurityGroupIngress", "Description"));
  CHECK_FALSE(diff::replacement_rule("AWS::EC2::VPC", "Tags"));
}

aws::Subnet subnet(std::string cidr, std::string tag = "lab-subnet-app-a") {
  return aws::Subnet{"AppSubnetA", "LabVpc", std::move(cidr), "ap-northeast-2a", false, {{"Name", std::move(tag), {}}}};
}

aws::Stack stack_of(std::vector<aws::Resource> resources) {
  aws::Stack s;
  s.resources = std::move(resources);
  return s;
}

TEST_CASE("a tag change modifies a subnet in place; a CIDR change replaces it and moves it", "[diff]") {
  const auto before = stack_of({subnet("10.1.3.0/24")});
  const diff::Diff tagged = diff::compare(before, stack_of({subnet("10.1.3.0/24", "renamed")}));
  REQUIRE(tagged.resources.size() == 1);
  CHECK(tagged.resources[0].kind == ResourceChange::Kind::Modified);
  REQUIRE(tagged.resources[0].properties.size() == 1);
  CHECK(tagged.resources[0].properties[0].name == "Tags");
  CHECK(tagged.resources[0].properties[0].old_value == "[Name=lab-subnet-app-a]");
  CHECK(tagged.resources[0].properties[0].new_value == "[Name=renamed]");
  CHECK_FALSE(tagged.resources[0].replaced());
  CHECK(tagged.replacements() == 0);
  CHECK(tagged.subnets.empty());

  const diff::Diff moved = diff::compare(before, stack_of({subnet("10.1.13.0/24")}));
  REQUIRE(moved.resources.size() == 1);
  CHECK(moved.resources[0].replaced());
  CHECK(moved.resources[0].properties[0].name == "CidrBlock");
  REQUIRE(moved.subnets.size() == 1);
  CHECK(moved.subnets[0].id == "AppSubnetA");
  CHECK(moved.subnets[0].zone == "ap-northeast-2a");
  CHECK(moved.subnets[0].old_cidr == "10.1.3.0/24");
  CHECK(moved.subnets[0].new_cidr == "10.1.13.0/24");

  CHECK(moved.subnets[0].onto.empty());

  CHECK(diff::compare(before, before).empty());
}

TEST_CASE("a network ACL entry's ports change in place in CloudFormation, and replace the Terraform rule", "[diff]") {
  const aws::NetworkAclEntry entry{"DbNetworkAclIn100", "DbNetworkAcl", 100, false, true, model::Protocol::Tcp,
                                   3306, 3306, "10.0.3.0/24"};
  aws::NetworkAclEntry wider = entry;
  wider.to_port = 3307;
  const diff::Diff d = diff::compare(stack_of({entry}), stack_of({wider}));
  REQUIRE(d.resources.size() == 1);
  REQUIRE(d.resources[0].properties.size() == 1);
  const auto& p = d.resources[0].properties[0];
  CHECK(p.name == "PortRange");
  REQUIRE(p.replaces());
  CHECK_FALSE(p.replacement->cloudformation);
  CHECK(d.replacements() == 1);  // for --fail-on replace: one backend deletes and recreates
  CHECK(contains(diff::render_text(d, "a", "b"),
                 "PortRange: 3306-3306 -> 3306-3307  [replaces: Terraform aws_network_acl_rule.from_port]"));
  CHECK(nlohmann::json::parse(diff::render_json(d, "a", "b"))["resources"][0]["properties"][0]["replacement"] ==
        nlohmann::json{{"cloudformation", false}, {"terraform", "aws_network_acl_rule.from_port"}});
  // Near miss: its rule number replaces it in both.
  aws::NetworkAclEntry renumbered = entry;
  renumbered.number = 110;
  CHECK(contains(diff::render_text(diff::compare(stack_of({entry}), stack_of({renumbered})), "a", "b"),
                 "[replaces: CloudFormation, Terraform aws_network_acl_rule.rule_number]"));
}

TEST_CASE("what refers to a replaced resource by a replacing property is replaced in turn", "[diff]") {
  const std::string path = std::string(ARCHC_SOURCE_DIR) + "/samples/lab-vpc.arch";
  const std::string text = read(path);
  // The sample with every `from` replaced by `to`.
  const auto stack_with = [&](const std::string& from, const std::string& to) {
    std::string changed = text;
    REQUIRE(changed.find(from) != std::string::npos);
    for (auto at = changed.find(from); at != std::string::npos; at = changed.find(from, at + to.size()))
      changed.replace(at, from.size(), to);
    auto c = compile_text(path, changed);
    REQUIRE(c->ok());
    return lower(c->model);
  };
  const aws::Stack before = lowered(path);
  const auto replaced = [](const diff::Diff& d) {
    std::map<std::string, std::string> out;  // id -> what it follows ("" when replaced on its own)
    for (const auto& r : d.resources)
      if (r.replaced()) out[r.id] = r.follows.empty() ? "" : r.follows_property + " " + r.follows;
    return out;
  };
  // The first public subnet moves: its NAT gateway, the bastion in it and
  // its route table association go with it (SubnetId), and the NAT's routes
  // (NatGatewayId is no replacing property: the route is updated in place).
  const diff::Diff public_moved = diff::compare(before, stack_with("\"10.1.1.0/24\"", "\"10.1.11.0/24\""));
  CHECK(replaced(public_moved) == std::map<std::string, std::string>{
                                      {"BastionInstance", "SubnetId LabVpcPublicSubnetA"},
                                      {"LabVpcNatGatewayA", "SubnetId LabVpcPublicSubnetA"},
                                      {"LabVpcPublicSubnetA", ""},
                                      {"LabVpcPublicSubnetARouteTableAssociation", "SubnetId LabVpcPublicSubnetA"}});
  // The VPC's CIDR (and its subnets'): everything that names the VPC by
  // VpcId, and what names those.
  const auto vpc_moved = replaced(diff::compare(before, stack_with("\"10.1.", "\"10.9.")));
  CHECK(vpc_moved.at("LabVpcVpc").empty());
  for (const auto* id : {"LabVpcPublicSubnetA", "LabVpcAppSubnetC"}) CHECK(vpc_moved.count(id) == 1);
  std::size_t security_groups = 0, route_tables = 0;
  for (const auto& [id, follows] : vpc_moved) {
    if (id.ends_with("SecurityGroup")) {
      ++security_groups;
      CHECK(follows == "VpcId LabVpcVpc");
    }
    if (id.find("RouteTable") != std::string::npos && !id.ends_with("Association")) ++route_tables;
  }
  CHECK(security_groups == 5);  // alb, asg, rds, instance, efs
  CHECK(route_tables >= 2);
}

TEST_CASE("a subnet moving onto the addresses another subnet of its VPC holds is named", "[diff]") {
  auto in_vpc = [](std::string id, std::string vpc, std::string cidr) {
    return aws::Subnet{std::move(id), std::move(vpc), std::move(cidr), "ap-northeast-2a", false, {}};
  };
  const auto before = stack_of({in_vpc("A", "V", "10.0.0.0/24"), in_vpc("B", "V", "10.0.1.0/24"),
                                in_vpc("C", "V", "10.0.4.0/22"), in_vpc("X", "W", "10.0.2.0/24")});
  const auto after = stack_of({in_vpc("A", "V", "10.0.1.0/24"), in_vpc("B", "V", "10.0.2.0/24"),
                               in_vpc("C", "V", "10.0.0.0/22"), in_vpc("X", "W", "10.0.3.0/24")});
  std::vector<std::string> got;
  for (const auto& m : diff::compare(before, after).subnets) got.push_back(m.id + " onto " + m.onto);
  // B's new block is held by X only in another VPC; C's /22 covers A and B
  // (the first found is named); X's is free.
  CHECK(got == std::vector<std::string>{"A onto B", "B onto ", "C onto A", "X onto "});
}

TEST_CASE("resources added, removed, and a logical id whose type changed", "[diff]") {
  const auto before = stack_of({subnet("10.1.3.0/24"), aws::RouteTable{"AppRouteTable", "LabVpc", {}}});
  const auto after = stack_of({aws::RouteTable{"AppSubnetA", "LabVpc", {}}, aws::InternetGateway{"Igw", {}}});
  const diff::Diff d = diff::compare(before, after);
  std::vector<std::string> got;
  for (const auto& r : d.resources) got.push_back(std::string(diff::kind_name(r.kind)) + " " + r.id + " " + r.type);
  CHECK(got == std::vector<std::string>{"removed AppRouteTable AWS::EC2::RouteTable",
                                        "removed AppSubnetA AWS::EC2::Subnet",
                                        "added AppSubnetA AWS::EC2::RouteTable",
                                        "added Igw AWS::EC2::InternetGateway"});
}

aws::IngressRule rule(std::string id, std::string group, int from, int to, std::string cidr, std::string source_group = "") {
  return aws::IngressRule{std::move(id), std::move(group), model::Protocol::Tcp, from, to, std::move(cidr), std::move(source_group),
                          "from x to y"};
}

std::vector<std::string> security_of(const std::vector<aws::Resource>& before, const std::vector<aws::Resource>& after) {
  std::vector<std::string> out;
  for (const auto& c : diff::security_changes(stack_of(before), stack_of(after)))
    out.push_back(fmt::format("{} {} {} {} {}{}", diff::kind_name(c.kind), c.group, c.source,
                              diff::port_text(c.protocol, c.from_port, c.to_port), c.was, c.database ? " database" : ""));
  return out;
}

TEST_CASE("security: ingress that opens up, and the near-misses that do not", "[diff]") {
  const std::vector<aws::Resource> before{rule("R1", "AppSg", 80, 80, "10.0.0.0/16"),
                                          rule("R2", "AppSg", 8000, 8080, "", "AlbSg")};
  SECTION("the same rules under other ids, a narrower CIDR or narrower ports: nothing") {
    CHECK(security_of(before, {rule("N1", "AppSg", 80, 80, "10.0.0.0/16"), rule("N2", "AppSg", 8000, 8080, "", "AlbSg")})
              .empty());
    CHECK(security_of(before, {rule("N1", "AppSg", 80, 80, "10.0.1.0/24")}).empty());
    CHECK(security_of(before, {rule("N2", "AppSg", 8010, 8020, "", "AlbSg")}).empty());
  }
  SECTION("a rule removed is no security change") { CHECK(security_of(before, {}).empty()); }
  SECTION("a wider CIDR") {
    CHECK(security_of(before, {rule("N1", "AppSg", 80, 80, "10.0.0.0/8")}) ==
          std::vector<std::string>{"wider-source AppSg 10.0.0.0/8 80 10.0.0.0/16"});
  }
  SECTION("the internet, new") {
    CHECK(security_of(before, {rule("N1", "AppSg", 80, 80, "0.0.0.0/0")}) ==
          std::vector<std::string>{"internet AppSg 0.0.0.0/0 80 "});
  }
  SECTION("the same CIDR on more ports, and a wider port range of a group") {
    CHECK(security_of(before, {rule("N1", "AppSg", 80, 443, "10.0.0.0/16"), rule("N2", "AppSg", 8000, 8090, "", "AlbSg")}) ==
          std::vector<std::string>{"wider-ports AppSg 10.0.0.0/16 80-443 80", "wider-ports AppSg AlbSg 8000-8090 8000-8080"});
  }
  SECTION("a CIDR outside every old one, and a database reached from a new group") {
    std::vector<aws::Resource> after{rule("N1", "AppSg", 80, 80, "192.168.0.0/24"), rule("N2", "DbSg", 3306, 3306, "", "AppSg")};
    aws::DbInstance db;
    db.id = "Db";
    db.security_group = "DbSg";
    after.emplace_back(db);
    CHECK(security_of(before, after) == std::vector<std::string>{"new-source AppSg 192.168.0.0/24 80 ",
                                                                 "new-source DbSg AppSg 3306  database"});
  }
}

aws::NetworkAclEntry acl_entry(int number, bool allow, int lo, int hi, std::string cidr, bool egress = false) {
  return {fmt::format("DbNetworkAcl{}{}", egress ? "Out" : "In", number), "DbNetworkAcl", number, egress, allow,
          model::Protocol::Tcp, lo, hi, std::move(cidr)};
}

TEST_CASE("security: what a network ACL newly lets in, judged in rule order", "[diff]") {
  // MySQL from the app tier only; everything else falls to the implicit deny.
  const std::vector<aws::Resource> before{acl_entry(100, true, 3306, 3306, "10.0.3.0/24"),
                                          acl_entry(200, false, 0, 65535, "0.0.0.0/0")};
  SECTION("an allow widened to the VPC") {
    CHECK(security_of(before, {acl_entry(100, true, 3306, 3306, "10.0.0.0/16"), acl_entry(200, false, 0, 65535, "0.0.0.0/0")}) ==
          std::vector<std::string>{"nacl-opened DbNetworkAcl 10.0.0.0/16 3306 10.0.0.0 tcp:3306 denied by entry 200"});
  }
  SECTION("a deny removed lets a later allow through") {
    const std::vector<aws::Resource> with_later{acl_entry(100, false, 22, 22, "0.0.0.0/0"), acl_entry(300, true, 0, 65535, "10.0.0.0/16")};
    CHECK(security_of(with_later, {acl_entry(300, true, 0, 65535, "10.0.0.0/16")}) ==
          std::vector<std::string>{"nacl-opened DbNetworkAcl 10.0.0.0/16 0-65535 10.0.0.0 tcp:22 denied by entry 100"});
  }
  SECTION("near misses: the same entries renumbered alike, a narrower allow, an allow a deny still shadows, outbound, a new ACL") {
    CHECK(security_of(before, {acl_entry(110, true, 3306, 3306, "10.0.3.0/24"), acl_entry(210, false, 0, 65535, "0.0.0.0/0")})
              .empty());
    CHECK(security_of(before, {acl_entry(100, true, 3306, 3306, "10.0.3.0/25"), acl_entry(200, false, 0, 65535, "0.0.0.0/0")})
              .empty());
    CHECK(security_of(before, {acl_entry(100, true, 3306, 3306, "10.0.3.0/24"), acl_entry(200, false, 0, 65535, "0.0.0.0/0"),
                               acl_entry(300, true, 22, 22, "0.0.0.0/0")})
              .empty());
    CHECK(security_of(before, {acl_entry(100, true, 3306, 3306, "10.0.3.0/24"), acl_entry(200, false, 0, 65535, "0.0.0.0/0"),
                               acl_entry(100, true, 0, 65535, "0.0.0.0/0", true)})
              .empty());
    CHECK(security_of({}, before).empty());
  }
}

TEST_CASE("security over the lab: an edge from the internet to the asg", "[diff]") {
  auto before = compile_text("lab.arch", read(kSample));
  std::string text = read(kSample);
  text.replace(text.find("  asg.asg     -> rds.rds"), 0, "  internet    -> asg.asg     : ssh\n");
  auto after = compile_text("lab.arch", text);
  REQUIRE(after->ok());
  const diff::Diff d = diff::compare(lower(before->model), lower(after->model));
  REQUIRE(d.security.size() == 1);
  CHECK(d.security[0].kind == SecurityChange::Kind::Internet);
  CHECK(d.security[0].from_port == 22);
  CHECK(d.security[0].description == "from internet to asg.asg");
  CHECK(d.count(ResourceChange::Kind::Added) == 1);
  CHECK(d.count(ResourceChange::Kind::Modified) == 0);
}

TEST_CASE("security over the lab: the database newly reachable from the public tier, and from the app tier", "[diff]") {
  auto before = compile_text("lab.arch", read(kSample));
  for (const auto& [tier, is_public] : {std::pair{"public", true}, std::pair{"app", false}}) {
    std::string text = read(kSample);
    text.replace(text.find("  asg.asg     -> rds.rds"), 0, fmt::format("  vpc.lab-vpc.{} -> rds.rds : mysql\n", tier));
    auto after = compile_text("lab.arch", text);
    REQUIRE(after->ok());
    const diff::Diff d = diff::compare(lower(before->model), lower(after->model));
    REQUIRE(d.security.size() == 2);  // one rule per subnet of the tier
    for (const auto& c : d.security) {
      CHECK(c.kind == SecurityChange::Kind::NewSource);
      CHECK(c.database);
      CHECK(c.public_subnet == is_public);
      CHECK(c.from_port == 3306);
    }
  }
}

// The field paths of a JSON value: `a.b`, `a[].c` (an array's elements
// are objects, named by their fields).
void paths(const nlohmann::json& j, const std::string& at, std::set<std::string>& out) {
  if (!at.empty() && !at.ends_with("[]")) out.insert(at);
  if (j.is_object())
    for (const auto& [k, v] : j.items()) paths(v, at.empty() ? k : at + "." + k, out);
  if (j.is_array())
    for (const auto& v : j) paths(v, at + "[]", out);
}

TEST_CASE("a value in text and Markdown: hidden characters escaped, the window on the first difference", "[diff]") {
  CHECK(diff::one_line("a\u202Eb\x1b[2J\nc\td") == "a<U+202E>b<U+001B>[2J\\nc\\td");
  const std::string old_value = std::string(200, 'x') + " httpd";
  const std::string new_value = old_value + " nginx";
  const std::size_t from = diff::first_difference(old_value, new_value);
  CHECK(from == old_value.size());
  CHECK(diff::one_line(old_value, from) == "..." + std::string(34, 'x') + " httpd");
  CHECK(diff::one_line(new_value, from) == "..." + std::string(34, 'x') + " httpd nginx");
  CHECK(diff::one_line(new_value) == std::string(120, 'x') + "...");
  // Cuts fall between UTF-8 characters: no byte of a broken one is shown.
  std::string accents;
  for (int i = 0; i < 100; ++i) accents += "\u00e9";
  const std::string cut = diff::one_line(accents, 101);
  CHECK(cut.find('<') == std::string::npos);
  CHECK(cut.starts_with("...\u00e9"));
  CHECK(cut.ends_with("\u00e9..."));
}

TEST_CASE("the JSON has exactly the fields docs/diff.md documents", "[diff]") {
  // Every kind of entry at once: a replacement with and without a Terraform
  // attribute, added and removed resources, security changes, subnets moved.
  const std::string dir = std::string(ARCHC_SOURCE_DIR) + "/tests/diff/";
  std::set<std::string> got;
  for (const std::string name : {"zone-appended", "tier-cidr", "internet-edge", "db-engine"}) {
    const Run run = archc("diff old.arch new.arch --format json", dir + name);
    REQUIRE(run.status == 0);
    const auto j = nlohmann::json::parse(run.out);
    CHECK(j.at("schema") == "archc-diff/1");
    CHECK(j.at("old") == "old.arch");
    CHECK(j.at("new") == "new.arch");
    CHECK(j.at("summary").at("added") ==
          std::count_if(j.at("resources").begin(), j.at("resources").end(),
                        [](const auto& r) { return r.at("change") == "added"; }));
    paths(j, "", got);
  }
  const std::string doc = read(std::string(ARCHC_SOURCE_DIR) + "/docs/diff.md");
  std::set<std::string> documented;
  const std::regex row(R"(\n\| `([a-z_.\[\]]+)` \|)");
  for (auto it = std::sregex_iterator(doc.begin(), doc.end(), row); it != std::sregex_iterator(); ++it)
    documented.insert((*it)[1]);
  CHECK(got == documented);
}

TEST_CASE("archc diff --help is what docs/diff.md shows", "[diff][cli]") {
  const std::string text = read(std::string(ARCHC_SOURCE_DIR) + "/docs/diff.md");
  const std::string open = "<!-- archc diff --help -->\n```\n";
  const std::size_t begin = text.find(open);
  REQUIRE(begin != std::string::npos);
  const std::size_t end = text.find("```\n", begin + open.size());
  REQUIRE(end != std::string::npos);
  const auto help = archc("diff --help");
  CHECK(help.status == 0);
  CHECK(help.out == text.substr(begin + open.size(), end - begin - open.size()));
}

TEST_CASE("archc diff: a file with itself, --fail-on, errors and usage", "[diff][cli]") {
  const Run same = archc("diff " + quote(kSample) + " " + quote(kSample));
  CHECK(same.status == 0);
  CHECK(same.out == "archc diff " + kSample + " -> " + kSample + ": no changes\n");
  CHECK(archc("diff " + quote(kSample) + " " + quote(kSample) + " --fail-on replace,security").status == 0);

  const std::string cases = std::string(ARCHC_SOURCE_DIR) + "/tests/diff/";
  CHECK(archc("diff old.arch new.arch --fail-on replace", cases + "tier-cidr").status == 1);
  CHECK(archc("diff old.arch new.arch --fail-on security", cases + "tier-cidr").status == 0);
  CHECK(archc("diff old.arch new.arch --fail-on security", cases + "internet-edge").status == 1);
  CHECK(archc("diff old.arch new.arch --fail-on replace", cases + "internet-edge").status == 0);
  CHECK(archc("diff old.arch new.arch --fail-on security,replace", cases + "db-engine").status == 1);

  const Run bad_fail_on = archc("diff old.arch new.arch --fail-on replace,deletes", cases + "tier-cidr");
  CHECK(bad_fail_on.status == 2);
  CHECK(bad_fail_on.out.empty());
  CHECK(contains(bad_fail_on.err, "deletes"));
  CHECK(archc("diff old.arch new.arch --format yaml", cases + "tier-cidr").status == 2);
  CHECK(archc("diff old.arch", cases + "tier-cidr").status == 2);

  TempDir dir;
  write(dir / "broken.arch", "vpc \"v\" {\n  cidr = \"10.0.0.0/33\"\n}\n");
  const Run broken = archc("diff " + quote(kSample) + " broken.arch", dir / "");
  CHECK(broken.status == 1);
  CHECK(broken.out.empty());
  CHECK(contains(broken.err, "broken.arch:2:"));
  const Run check = archc("check broken.arch", dir / "");
  CHECK(check.status == 1);
  CHECK(contains(broken.err, check.err));

  const Run missing = archc("diff " + quote(kSample) + " missing.arch", dir / "");
  CHECK(missing.status == 2);
  CHECK(missing.out.empty());
  CHECK(contains(missing.err, "archc: error: cannot read missing.arch"));
}

TEST_CASE("archc diff --git REV FILE reads OLD from git", "[diff][cli]") {
  if (std::system("git --version >/dev/null 2>&1") != 0) {
    if (const char* ci = std::getenv("CI"); ci && std::string(ci) == "true") FAIL("git is not installed and CI=true");
    WARN("SKIPPED: git is not installed");
    return;
  }
  TempDir repo;
  const std::string git = "git -c user.name=t -c user.email=t@example.com -C " + quote(repo / "");
  fs::create_directories(repo / "infra");
  const std::string old_text = read(std::string(ARCHC_SOURCE_DIR) + "/tests/diff/tier-cidr/old.arch");
  const std::string new_text = read(std::string(ARCHC_SOURCE_DIR) + "/tests/diff/tier-cidr/new.arch");
  write(repo / "infra/lab.arch", old_text);
  write(repo / "top.arch", old_text);
  REQUIRE(std::system((git + " init -q && " + git + " add . && " + git + " commit -qm old").c_str()) == 0);
  write(repo / "infra/lab.arch", new_text);
  write(repo / "top.arch", new_text);

  // The same diff as between the two files, whichever directory it runs in.
  TempDir plain;
  write(plain / "old.arch", old_text);
  write(plain / "new.arch", new_text);
  const Run files = archc("diff old.arch new.arch --format json", plain / "");
  REQUIRE(files.status == 0);
  auto expected = nlohmann::json::parse(files.out);
  for (const auto& [cwd, file, name] : {std::tuple{repo / "", std::string("infra/lab.arch"), std::string("HEAD:infra/lab.arch")},
                                        std::tuple{repo / "infra", std::string("lab.arch"), std::string("HEAD:./lab.arch")},
                                        std::tuple{repo / "", std::string("top.arch"), std::string("HEAD:./top.arch")},
                                        std::tuple{std::string("/"), repo / "infra/lab.arch", "HEAD:" + repo / "infra/lab.arch"}}) {
    INFO(cwd << " " << file);
    const Run run = archc("diff --git HEAD " + quote(file) + " --format json", cwd);
    CHECK(run.status == 0);
    CHECK(run.err.empty());
    auto got = nlohmann::json::parse(run.out);
    CHECK(got.at("old") == name);
    got["old"] = expected["old"];
    got["new"] = expected["new"];
    CHECK(got == expected);
  }

  const Run unknown = archc("diff --git no-such-rev infra/lab.arch", repo / "");
  CHECK(unknown.status == 2);
  CHECK(unknown.out.empty());
  CHECK(contains(unknown.err, "archc: error: git show no-such-rev:./lab.arch failed (exit 128)"));
  CHECK(archc("diff --git HEAD old.arch new.arch", repo / "").status == 2);
  const Run option = archc("diff --git=-p infra/lab.arch", repo / "");
  CHECK(option.status == 2);
  CHECK(option.err == "archc: error: --git takes a revision, not `-p`\n");

  // A broken file at the revision: its diagnostics named REV:path.
  write(repo / "infra/lab.arch", "vpc \"v\" {\n  cidr = \"10.0.0.0/33\"\n}\n");
  REQUIRE(std::system((git + " commit -qam broken").c_str()) == 0);
  write(repo / "infra/lab.arch", new_text);
  const Run broken = archc("diff --git HEAD infra/lab.arch", repo / "");
  CHECK(broken.status == 1);
  CHECK(broken.out.empty());
  CHECK(contains(broken.err, "HEAD:infra/lab.arch:2:"));
}

}  // namespace
}  // namespace archc::test
