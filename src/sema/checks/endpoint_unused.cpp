// A gateway endpoint serves only the subnets whose route tables it is
// associated with (VPC guide, "Gateway endpoints": "a route to the service
// is added to each route table you choose"): with an empty `tiers` list,
// none.
#include "sema/checks/check.hpp"

namespace archc::checks {

void endpoint_unused(const model::Model& m, Diagnostics& diags) {
  for (const auto& e : m.gateway_endpoints)
    if (e.tiers_range.valid() && e.tiers_written == 0)
      diags.report(Rule::EndpointUnused, e.tiers_range,
                   "gateway-endpoint `{}` names no tier: no route table leads to it, so no subnet uses it", e.name);
}

}  // namespace archc::checks
