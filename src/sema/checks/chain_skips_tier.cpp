// Traffic should pass the tiers in order: internet -> alb -> asg -> rds. An
// edge that jumps a tier (alb -> rds) lets the front end talk to data
// without the application in between, which no load balancer needs.
#include <fmt/format.h>

#include "sema/checks/chain_graph.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

namespace {
int layer(model::Endpoint::Kind k) {
  return k == model::Endpoint::Kind::Alb ? 0 : k == model::Endpoint::Kind::Asg ? 1 : 2;
}
}  // namespace

void chain_skips_tier(const model::Model& m, Diagnostics& diags) {
  const ChainGraph graph(m);
  for (const auto* e : graph.edges()) {
    if (!e->from.is_resource() || layer(e->to.kind) - layer(e->from.kind) <= 1) continue;
    diags.report(Rule::ChainSkipsTier, e->range,
                  fmt::format("{} reaches {} directly, skipping the application tier", graph.describe(e->from),
                              graph.describe(e->to)));
  }
}

}  // namespace archc::checks
