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
    if (e->to.kind != model::Endpoint::Kind::Rds || !is_public_source(e->from)) continue;
    const model::Rds& db = m.rdss[e->to.index];
    diags.report(Rule::DbInternetExposed, e->from.range,
                fmt::format("rds `{}` is opened to {} on {}", db.name, graph.describe(e->from), format_ports(e->ports)))
        .notes.push_back({db.range, "a database admits only the tier in front of it, or private CIDRs such as a VPN"});
  }
}

}  // namespace archc::checks
