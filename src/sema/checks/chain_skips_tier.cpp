// Traffic should pass the tiers in order: internet -> alb -> asg -> rds. An
// edge that jumps a tier (alb -> rds) lets the front end talk to data
// without the application in between, which no load balancer needs.
#include <fmt/format.h>

#include "sema/checks/chain_graph.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

void chain_skips_tier(const model::Model& m, Diagnostics& diags) {
  const ChainGraph graph(m);
  for (const auto* e : graph.edges()) {
    if (!e->from.is_resource()) continue;
    const auto layer = [&](const model::Endpoint& ep) { return static_cast<int>(m.resources[ep.index]->kind->layer); };
    if (layer(e->to) - layer(e->from) <= 1) continue;
    diags.report(Rule::ChainSkipsTier, e->range,
                  fmt::format("{} reaches {} directly, skipping the application tier", graph.describe(e->from),
                              graph.describe(e->to)));
  }
}

}  // namespace archc::checks
