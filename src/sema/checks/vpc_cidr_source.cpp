// A rule from a whole VPC CIDR admits every instance in the VPC, present and
// future, public subnets included; naming the resource (its security group)
// admits exactly the tier meant.
#include <fmt/format.h>

#include "sema/checks/chain_graph.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

void vpc_cidr_source(const model::Model& m, Diagnostics& diags) {
  const ChainGraph graph(m);
  for (const auto* e : graph.edges()) {
    if (e->from.kind != model::Endpoint::Kind::Vpc) continue;
    const model::Vpc& vpc = m.vpcs[e->from.index];
    if (!vpc.cidr) continue;  // invalid, already reported
    diags.report(Rule::VpcCidrSource, e->from.range,
                  fmt::format("{} admits all of vpc `{}` ({}); name the resource that needs access instead",
                              graph.describe(e->to), vpc.name, vpc.cidr->str()));
  }
}

}  // namespace archc::checks
