// Instances in a private tier reach the internet (package mirrors, SSM,
// AWS APIs) only through a NAT gateway; with nat = "none" they cannot.
#include <fmt/format.h>

#include "sema/checks/check.hpp"
#include "model/asg.hpp"

namespace archc::checks {

void asg_nat_route(const model::Model& m, Diagnostics& diags) {
  for (const model::Asg* asg : m.all<model::Asg>()) {
    if (!asg->subnets) continue;
    const model::Vpc& vpc = m.vpc_of(*asg->subnets);
    const model::Tier& tier = m.tier(*asg->subnets);
    if (!tier.is_private() || vpc.nat != model::NatMode::None) continue;
    auto& d = diags.report(Rule::AsgWithoutNat, asg->subnets->range,
                            fmt::format("asg `{}` runs in private tier `{}` but vpc `{}` has no NAT gateway: its "
                                        "instances cannot reach the internet",
                                        asg->name, tier.name, vpc.name));
    d.notes.push_back({vpc.nat_range.valid() ? vpc.nat_range : vpc.range,
                       "set nat = \"per-zone\" (with a public tier), or mark the tier `isolated = true` if that "
                       "is intended"});
  }
}

}  // namespace archc::checks
