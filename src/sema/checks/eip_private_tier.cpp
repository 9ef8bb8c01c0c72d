// An Elastic IP reaches its instance through the subnet's route to an
// internet gateway. In a private or isolated tier there is no such route:
// the address answers nothing, and in a VPC without an internet gateway AWS
// refuses the association (EC2 User Guide, "Elastic IP addresses").
#include <fmt/format.h>

#include "model/instance.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

void eip_private_tier(const model::Model& m, Diagnostics& diags) {
  for (const model::Instance* instance : m.all<model::Instance>()) {
    if (!instance->elastic_ip || !instance->subnets) continue;
    const model::Tier& tier = m.tier(*instance->subnets);
    if (tier.is_public) continue;
    diags
        .report(Rule::EipPrivateTier, instance->elastic_ip_range,
                fmt::format("instance `{}` has an Elastic IP, but its tier `{}` is {}: no route from the internet "
                            "reaches it",
                            instance->name, tier.name, tier.isolated ? "isolated" : "private"))
        .notes.push_back({instance->subnets->range, "the tier is named here; an Elastic IP needs a public tier"});
  }
}

}  // namespace archc::checks
