// A security group takes 60 inbound rules by default (stdlib/limits.json,
// inbound_rules_per_security_group); AWS refuses the 61st unless the
// account's quota was raised. Each port range of an edge is one rule per
// address block of its source (a tier is one block per zone), or one rule
// naming the source's group.
#include <algorithm>
#include <vector>

#include "model/aws_catalog.hpp"
#include "sema/checks/chain_graph.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

void security_group_quota(const model::Model& m, Diagnostics& diags) {
  const AwsLimit& quota = AwsCatalog::get().limit("inbound_rules_per_security_group");
  const ChainGraph graph(m);
  std::vector<std::uint64_t> rules(m.resources.size());
  for (const auto* e : graph.edges()) {
    const std::size_t to = *graph.node(e->to);
    if (rules[to] > quota.value) continue;  // reported
    const std::uint64_t sources = e->from.is_resource() ? 1 : std::max<std::size_t>(1, m.source_cidrs(e->from).size());
    rules[to] += sources * e->ports.size();
    if (rules[to] > quota.value)
      diags.report(Rule::QuotaExceeded, e->range,
                   "this edge makes {} inbound rules on the security group of {}; AWS allows {} per group unless the "
                   "quota is raised",
                   rules[to], graph.describe(e->to), quota.value);
  }
}

}  // namespace archc::checks
