// An interface endpoint answers AWS API calls on HTTPS, TCP 443 (AWS
// PrivateLink Guide, "Access an AWS service using an interface VPC
// endpoint": its security group must allow HTTPS from the clients). Its
// security group admits only what sg-chain edges open to it, so one that no
// edge opens 443 to drops every call: with private DNS on, the service's own
// name leads there, and the clients lose the service (the NAT path too).
// Linear in the edges.
#include <vector>

#include "model/interface_endpoint.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

void endpoint_unreached(const model::Model& m, Diagnostics& diags) {
  if (!m.all_edges_read) return;  // the edge to it may be the one that could not be read
  std::vector<bool> reached(m.resources.size(), false);
  for (const auto& chain : m.chains)
    for (const auto& e : chain.edges)
      for (const auto& p : e.ports)
        if (p.opens(model::Protocol::Tcp, model::InterfaceEndpoint::kPort)) reached[e.to.index] = true;
  for (std::size_t i = 0; i < m.resources.size(); ++i) {
    const auto* endpoint = dynamic_cast<const model::InterfaceEndpoint*>(m.resources[i].get());
    if (!endpoint || reached[i]) continue;
    diags.report(Rule::EndpointUnreached, endpoint->range,
                 "no sg-chain edge opens TCP 443 to interface-endpoint `{}`: its security group drops every call to "
                 "the service; add an edge from what calls it (`asg.NAME -> interface-endpoint.{}` opens 443)",
                 endpoint->name, endpoint->name);
  }
}

}  // namespace archc::checks
