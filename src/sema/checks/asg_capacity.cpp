// An asg launches each instance with an address from its tier's subnets; AWS
// keeps 5 addresses of every subnet, so a tier of /28s holds 11 instances a
// zone. Scaling past that fails at launch time, long after deployment.
#include <fmt/format.h>

#include "sema/checks/check.hpp"
#include "model/asg.hpp"

namespace archc::checks {

void asg_capacity(const model::Model& m, Diagnostics& diags) {
  for (const model::Asg* asg : m.all<model::Asg>()) {
    if (!asg->subnets || !asg->complete) continue;
    const model::Tier& tier = m.tier(*asg->subnets);
    if (tier.cidrs.size() != m.vpc_of(*asg->subnets).zones.size()) continue;  // blocks not all known
    std::uint64_t usable = 0;
    for (const auto& c : tier.cidrs) usable += c.usable_in_subnet();
    if (static_cast<std::uint64_t>(asg->max) <= usable) continue;
    diags.report(Rule::AsgCapacity, asg->range,
                fmt::format("asg `{}` may scale to {} instances but tier `{}` has only {} usable addresses", asg->name,
                            asg->max, tier.name, usable))
        .notes.push_back({tier.range, fmt::format("tier `{}` has {} subnet{}; AWS reserves {} addresses in each",
                                                  tier.name, tier.cidrs.size(), tier.cidrs.size() == 1 ? "" : "s",
                                                  Cidr::kAwsReservedPerSubnet)});
  }
}

}  // namespace archc::checks
