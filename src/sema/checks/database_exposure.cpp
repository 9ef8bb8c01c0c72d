// A database must never accept connections straight from the internet: an
// edge from `internet` or a public CIDR to an rds opens its port to brute
// force. Traffic reaches data through the application tier.
#include <fmt/format.h>

#include "sema/checks/chain_graph.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

void database_exposure(const model::Model& m, Diagnostics& diags) {
  const ChainGraph graph(m);
  for (const auto* e : graph.edges()) {
    const model::Resource& data = *m.resources[e->to.index];
    if (data.kind->layer != model::Layer::Data || !is_public_source(e->from)) continue;
    diags.report(Rule::DbInternetExposed, e->from.range,
                fmt::format("{} `{}` is opened to {} on {}", data.kind->keyword, data.name, graph.describe(e->from),
                            format_ports(e->ports)))
        .notes.push_back({data.range, "a data store admits only the tier in front of it, or private CIDRs such as a VPN"});
  }
}

}  // namespace archc::checks
