// Instances in a private tier reach the internet (package mirrors, SSM,
// AWS APIs) only through a NAT gateway; with nat = "none" they cannot. The
// rule keeps its first name, asg-without-nat, and judges instances alike.
#include <fmt/format.h>

#include "model/asg.hpp"
#include "model/instance.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

namespace {

void check(const model::Model& m, const model::Resource& r, std::string_view what, Diagnostics& diags) {
  if (!r.subnets) return;
  const model::Vpc& vpc = m.vpc_of(*r.subnets);
  const model::Tier& tier = m.tier(*r.subnets);
  if (!tier.is_private() || vpc.nat != model::NatMode::None) return;
  auto& d = diags.report(Rule::AsgWithoutNat, r.subnets->range,
                         fmt::format("{} `{}` runs in private tier `{}` but vpc `{}` has no NAT gateway: {} cannot "
                                     "reach the internet",
                                     r.kind->keyword, r.name, tier.name, vpc.name, what));
  d.notes.push_back({vpc.nat_range.valid() ? vpc.nat_range : vpc.range,
                     "set nat = \"per-zone\" (with a public tier), or mark the tier `isolated = true` if that "
                     "is intended"});
}

}  // namespace

void asg_nat_route(const model::Model& m, Diagnostics& diags) {
  for (const model::Asg* asg : m.all<model::Asg>()) check(m, *asg, "its instances", diags);
  for (const model::Instance* instance : m.all<model::Instance>()) check(m, *instance, "it", diags);
}

}  // namespace archc::checks
