// An alb is internet-facing only in a public tier (one routed to an internet
// gateway); elsewhere AWS creates it internal. A chain that admits the
// internet to an alb outside a public tier opens a door nobody can reach.
#include <fmt/format.h>

#include "sema/checks/chain_graph.hpp"
#include "sema/checks/check.hpp"
#include "model/alb.hpp"

namespace archc::checks {

void alb_internet_route(const model::Model& m, Diagnostics& diags) {
  const ChainGraph graph(m);
  for (const auto* e : graph.edges()) {
    const auto* alb = dynamic_cast<const model::Alb*>(m.resources[e->to.index].get());
    if (!alb || !alb->subnets || alb->internet_facing || !is_public_source(e->from)) continue;
    const model::Tier& tier = m.tier(*alb->subnets);
    diags.report(Rule::AlbNoInternetRoute, e->range,
                fmt::format("alb `{}` is opened to {} but its tier `{}` has no internet route", alb->name,
                            graph.describe(e->from), tier.name))
        .notes.push_back({alb->subnets->range, "the alb is placed here, so AWS creates it internal; use a tier with "
                                             "`public = true`"});
  }
}

}  // namespace archc::checks
