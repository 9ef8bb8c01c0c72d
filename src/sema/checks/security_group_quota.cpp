// A security group takes 60 inbound rules by default (stdlib/limits.json,
// inbound_rules_per_security_group); AWS refuses the 61st unless the
// account's quota was raised. Each port range of an edge is one rule per
// address block of its source (a tier is one block per zone), or one rule
// naming the source's group; a rule written twice is made once.
#include <set>
#include <tuple>
#include <vector>

#include "model/aws_catalog.hpp"
#include "sema/checks/chain_graph.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

void security_group_quota(const model::Model& m, Diagnostics& diags) {
  const AwsLimit& quota = AwsCatalog::get().limit("inbound_rules_per_security_group");
  const ChainGraph graph(m);
  // The rules of each group: the source (a block's first address and
  // prefix length, or the number of a source group past them), protocol and ports.
  using RuleKey = std::tuple<std::uint64_t, int, model::Protocol, int, int>;
  std::vector<std::set<RuleKey>> rules(m.resources.size());
  std::vector<bool> reported(m.resources.size());
  for (const auto* e : graph.edges()) {
    const std::size_t to = *graph.node(e->to);
    if (reported[to]) continue;
    std::vector<std::pair<std::uint64_t, int>> sources;
    if (e->from.is_resource())
      sources.push_back({std::uint64_t{1} << 32 | e->from.index, 0});
    else
      for (const Cidr& c : m.source_cidrs(e->from)) sources.push_back({c.first(), c.prefix});
    for (const auto& [source, prefix] : sources)
      for (const auto& p : e->ports) rules[to].insert({source, prefix, p.protocol, p.lo, p.hi});
    if (rules[to].size() <= quota.value) continue;
    reported[to] = true;
    diags.report(Rule::QuotaExceeded, e->range,
                 "this edge makes {} inbound rules on the security group of {}; AWS allows {} per group unless the "
                 "quota is raised",
                 rules[to].size(), graph.describe(e->to), quota.value);
  }
}

}  // namespace archc::checks
