#include "growth.hpp"

#include <fmt/format.h>

#include "driver/compilation.hpp"

namespace archc::bench {

namespace {

// A VPC with a public and a private tier in two zones, for what follows to
// stand on; `asg.aI` for I < `asgs` in the private tier.
std::string network(int asgs) {
  std::string out = R"(stack "s" { region = "us-east-1" }
vpc "v" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "pub" { public = true, cidrs = ["10.0.1.0/24", "10.0.2.0/24"] }
  subnet "app" { cidrs = ["10.0.3.0/24", "10.0.4.0/24"] }
}
)";
  for (int i = 0; i < asgs; ++i) out += fmt::format("asg \"a{}\" {{ subnets = vpc.v.app }}\n", i);
  return out;
}

// The i-th of a million /32 sources whose logical ids stay apart: each
// octet has three digits.
std::string source(int i) {
  return fmt::format("\"10.{}.{}.{}/32\"", 100 + i / 10000 % 100, 100 + i / 100 % 100, 100 + i % 100);
}

std::string variable_chain(int n) {
  std::string out;
  for (int i = 0; i + 1 < n; ++i) out += fmt::format("v{} = v{}\n", i, i + 1);
  out += fmt::format("v{} = \"10.9.0.0/16\"\n", n - 1);
  return out + "vpc \"v\" {\n  cidr  = v0\n  zones = [\"a\"]\n}\n";
}

std::string variables_twice(int n) {
  std::string out = "v0 = \"a\"\n";
  for (int i = 1; i < n; ++i) out += fmt::format("v{} = \"${{v{}}}${{v{}}}\"\n", i, i - 1, i - 1);
  return out + fmt::format("stack \"s\" {{ tags = {{ a = v{} }} }}\n", n - 1);
}

std::string misspelt_names(int n) {
  std::string out = network(0);
  for (int i = 0; i < n; ++i) out += fmt::format("asg \"name{}\" {{ subnets = vpc.v.app }}\n", i);
  out += "sg-chain \"c\" {\n";
  for (int i = 0; i < n; ++i) out += fmt::format("  internet -> asg.nmae{} : 80\n", i);
  return out + "}\n";
}

std::string long_identifier(int n) {
  const std::string name(static_cast<std::size_t>(n), 'a');
  return name + " = \"10.0.0.0/16\"\nx = " + name + "b\nvpc \"v\" {\n  cidr  = x\n  zones = [\"a\"]\n}\n";
}

std::string chain_cycles(int n) {
  std::string out = network(n) + "sg-chain \"c\" {\n";
  for (int i = 0; i + 1 < n; ++i) out += fmt::format("  asg.a{} -> asg.a{} : 80\n", i, i + 1);
  for (int i = 1; i < n; ++i) out += fmt::format("  asg.a{} -> asg.a0 : 81\n", i);
  return out + "}\n";
}

std::string duplicate_edge_sources(int n) {
  std::string out = network(1) + "sg-chain \"c\" {\n";
  for (int i = 0; i < n; ++i) out += fmt::format("  {} -> asg.a0 : 80\n", source(i));
  return out + "}\n";
}

std::string duplicate_edge_ports(int n) {
  std::string out = network(2) + "sg-chain \"c\" {\n  internet -> asg.a0 : 80\n";
  for (int i = 0; i < n; ++i) out += fmt::format("  asg.a0 -> asg.a1 : {}\n", 1000 + i % 60000);
  out += "  asg.a0 -> asg.a1 : ";
  for (int i = 0; i < n; ++i) out += fmt::format("{}{}", i ? ", " : "", 1000 + i % 60000);
  return out + "\n}\n";
}

std::string colliding_ids(int n) {
  std::string out = network(0);
  for (int i = 0; i < n; ++i)
    out += fmt::format("asg \"x{0}-y\" {{ subnets = vpc.v.app }}\nasg \"x{0}_y\" {{ subnets = vpc.v.app }}\n", i);
  // Rules whose ids meet: 10.0.1.11/32 and 10.0.11.1/32 both become 1001111.
  out += "sg-chain \"c\" {\n";
  for (int i = 0; i < n; ++i) out += fmt::format("  \"10.0.{}.{}/32\" -> asg.x0-y : 80\n", i / 256 % 256, i % 256);
  return out + "}\n";
}

std::string long_line(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += fmt::format("vpc \"v{}\" {{ cidr = 5 }}; ", i);
  return out + "\n";
}

std::string plan_rules(int n) {
  std::string out = network(2) + "sg-chain \"c\" {\n  asg.a0 -> asg.a1 : 80\n";
  for (int i = 0; i < n; ++i) out += fmt::format("  {} -> asg.a{} : 80\n", source(i), i % 2);
  return out + "}\n";
}

std::string plan_resources(int n) {
  std::string out = network(n) + "sg-chain \"c\" {\n";
  for (int i = 0; i < n; ++i) out += fmt::format("  \"10.0.0.1/32\" -> asg.a{} : 80\n", i);
  return out + "}\n";
}

std::string suppressed_lines(int n) {
  std::string out = network(0);
  for (int i = 0; i < n; ++i) out += fmt::format("# archc:ignore unused-variable\nx{} = 1\n", i);
  return out;
}

std::string suppressed_blocks(int n) {
  std::string out = "stack \"s\" { region = \"us-east-1\" }\n";
  for (int i = 0; i < n; ++i)
    out += fmt::format("# archc:ignore unused-tier\nvpc \"w{}\" {{\n  cidr  = \"10.{}.0.0/16\"\n  zones = [\"a\"]\n"
                       "  # archc:ignore unused-tier, single-nat\n  subnet \"t\" {{ size = 24 }}\n}}\n",
                       i, i % 200 + 1);
  return out;
}

std::string suppressions_one_line(int n) {
  std::string out = network(0);
  for (int i = 0; i < n; ++i) out += "/* archc:ignore unused-tier */ ";
  return out + "\n";
}

std::string forward_listeners(int n) {
  std::string out = network(1) + "alb \"w\" {\n  subnets = vpc.v.pub\n";
  for (int i = 0; i < n; ++i) out += fmt::format("  listener \"l{}\" {{ port = {}, forward = asg.a0 }}\n", i, 1000 + i);
  out += "}\nsg-chain \"c\" {\n  internet -> alb.w : 80\n";
  for (int i = 0; i < n; ++i) out += fmt::format("  {} -> asg.a0 : 9000\n", source(i));
  return out + "}\n";
}

std::string zone_list(int n) {
  std::string out = "vpc \"v\" {\n  cidr  = \"10.0.0.0/16\"\n  zones = [";
  for (int i = 0; i < n; ++i) out += fmt::format("{}\"z{}\"", i ? ", " : "", i);
  return out + "]\n}\n";
}

}  // namespace

const std::vector<GrowthCase>& growth_cases() {
  constexpr std::size_t kLimit = kDefaultErrorLimit;
  static const std::vector<GrowthCase> cases = {
      {"variable-chain", "variables v0 = v1, v1 = v2, ...", variable_chain, 2000, kLimit, Stage::kFrontEnd},
      {"variables-twice", "variables that each use the previous one twice", variables_twice, 500, kLimit,
       Stage::kFrontEnd},
      {"misspelt-names", "references misspelt among as many names", misspelt_names, 250, kLimit, Stage::kFrontEnd},
      {"long-identifier", "a misspelt name of n bytes", long_identifier, 20000, kLimit, Stage::kFrontEnd},
      {"chain-cycles", "a chain of asgs, each with an edge back to the first", chain_cycles, 250, kLimit,
       Stage::kFrontEnd},
      {"duplicate-edge-sources", "edges from distinct CIDRs into one asg", duplicate_edge_sources, 500, kLimit,
       Stage::kFrontEnd},
      {"duplicate-edge-ports", "edges between two asgs on distinct ports, and one edge with them all",
       duplicate_edge_ports, 500, kLimit, Stage::kFrontEnd},
      {"colliding-ids", "asgs and rules whose logical ids meet", colliding_ids, 250, kLimit, Stage::kFrontEnd},
      {"long-line", "a line of errors, every one shown", long_line, 250, 0, Stage::kRender},
      {"plan-rules", "ingress rules from distinct CIDRs on two asgs", plan_rules, 500, kLimit, Stage::kPlan},
      {"plan-resources", "asgs in one tier, each with a rule", plan_resources, 250, kLimit, Stage::kPlan},
      {"suppressed-lines", "suppression comments, each before a line", suppressed_lines, 500, kLimit, Stage::kLint},
      {"suppressed-blocks", "suppression comments before and inside blocks", suppressed_blocks, 300, kLimit,
       Stage::kLint},
      {"suppressions-one-line", "suppression comments on one line", suppressions_one_line, 500, kLimit,
       Stage::kLint},
      {"forward-listeners", "listeners forwarding to an asg that edges from CIDRs reach", forward_listeners, 250,
       kLimit, Stage::kFrontEnd},
      {"zone-list", "zones of a VPC", zone_list, 1000, kLimit, Stage::kFrontEnd},
  };
  return cases;
}

}  // namespace archc::bench
