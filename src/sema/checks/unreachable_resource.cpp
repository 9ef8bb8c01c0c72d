// A resource accepts only what sg-chain edges open to it. One that no path
// from the internet, a CIDR or a VPC block reaches serves nobody: usually a
// missing edge. An instance that no edge targets is left to
// instance-unreachable (instance_unreachable.cpp), which also weighs its
// public address. An interface endpoint is left to endpoint-unreached
// (endpoint_unreached.cpp): it is there to be called from inside, by
// resources that may themselves serve nobody outside (a batch worker).
#include <vector>

#include <fmt/format.h>

#include "model/instance.hpp"
#include "model/interface_endpoint.hpp"
#include "sema/checks/chain_graph.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

void unreachable_resource(const model::Model& m, Diagnostics& diags) {
  if (!m.all_edges_read) return;  // the path may run through an edge that could not be read
  const ChainGraph graph(m);
  const auto via = graph.reached_from_outside();
  std::vector<bool> targeted(m.resources.size(), false);
  for (const auto* e : graph.edges())
    if (const auto to = graph.node(e->to)) targeted[*to] = true;
  for (std::size_t n = 0; n < via.size(); ++n) {
    const model::Resource* r = m.resources[n].get();
    if (dynamic_cast<const model::InterfaceEndpoint*>(r)) continue;
    if (!via[n] && (targeted[n] || !dynamic_cast<const model::Instance*>(r)))
      diags.report(Rule::UnreachableResource, graph.node_range(n),
                    fmt::format("no traffic can reach {}: no sg-chain path leads to it from the internet, a CIDR or "
                                "a VPC",
                                graph.describe_node(n)));
  }
}

}  // namespace archc::checks
