// An instance accepts only what sg-chain edges open to it, and the internet
// reaches it only through a public address (an Elastic IP, or the one a
// public tier gives at launch). One with neither serves nobody: usually a
// missing edge. unreachable-resource leaves instances to this check, which
// knows that a public address may be all an instance is for (a VPN or NAT
// instance forwards; it need not be opened by a chain to be used from it).
#include <vector>

#include <fmt/format.h>

#include "model/instance.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

void instance_unreachable(const model::Model& m, Diagnostics& diags) {
  if (!m.all_edges_read) return;  // the edge to it may be the one that could not be read
  std::vector<bool> targeted(m.resources.size(), false);
  for (const auto& chain : m.chains)
    for (const auto& e : chain.edges)
      if (e.to.is_resource()) targeted[e.to.index] = true;
  for (std::size_t i = 0; i < m.resources.size(); ++i) {
    const auto* instance = dynamic_cast<const model::Instance*>(m.resources[i].get());
    if (!instance || targeted[i] || instance->elastic_ip || !instance->subnets) continue;
    if (m.tier(*instance->subnets).is_public) continue;
    diags.report(Rule::InstanceUnreachable, instance->range,
                 fmt::format("nothing can reach instance `{}`: no sg-chain edge leads to it, and in {} tier `{}` "
                             "without an Elastic IP it has no public address",
                             instance->name, m.tier(*instance->subnets).isolated ? "isolated" : "private",
                             m.tier(*instance->subnets).name));
  }
}

}  // namespace archc::checks
