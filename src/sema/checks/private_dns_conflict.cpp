// With private DNS an interface endpoint takes its service's own DNS name
// inside its VPC (a private hosted zone AWS manages): a second endpoint of
// the same service in the same VPC cannot take it too, and AWS refuses it
// ("private-dns-enabled cannot be set because there is already a conflicting
// DNS domain": AWS PrivateLink Guide, "Enable private DNS names"). O(n log n)
// over the interface endpoints.
#include <map>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "model/interface_endpoint.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

void private_dns_conflict(const model::Model& m, Diagnostics& diags) {
  // (vpc, service) → the first endpoint with private DNS.
  std::map<std::pair<std::size_t, std::string_view>, const model::InterfaceEndpoint*> first;
  for (const model::InterfaceEndpoint* e : m.all<model::InterfaceEndpoint>()) {
    if (!e->private_dns || e->service.empty() || !e->subnets) continue;
    const auto [it, fresh] = first.try_emplace({e->subnets->vpc, e->service}, e);
    if (fresh) continue;
    diags
        .report(Rule::PrivateDnsConflict, e->range,
                fmt::format("interface-endpoint `{}` takes the private DNS name of {} in vpc `{}`, which "
                            "interface-endpoint `{}` already has: AWS refuses the second",
                            e->name, e->service, m.vpc_of(*e->subnets).name, it->second->name))
        .notes.push_back({it->second->range, fmt::format("interface-endpoint `{}` is here", it->second->name)});
  }
}

}  // namespace archc::checks
