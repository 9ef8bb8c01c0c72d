// SSH (22) and RDP (3389) open to 0.0.0.0/0 are scanned and brute-forced
// within minutes of launch; Well-Architected admits them from a VPN or
// bastion CIDR, or replaces them with SSM Session Manager.
#include <fmt/format.h>

#include "sema/checks/chain_graph.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

void admin_ports(const model::Model& m, Diagnostics& diags) {
  constexpr std::pair<int, const char*> kAdminPorts[] = {{22, "ssh"}, {3389, "rdp"}};
  const ChainGraph graph(m);
  for (const auto* e : graph.edges()) {
    if (!is_everyone(e->from)) continue;
    for (const auto& p : e->ports)
      for (const auto& [port, name] : kAdminPorts)
        if (p.lo <= port && port <= p.hi)
          diags.report(Rule::AdminPortFromInternet, p.range,
                        fmt::format("{} (port {}) of {} is open to the whole internet", name, port,
                                    graph.describe(e->to)));
  }
}

}  // namespace archc::checks
