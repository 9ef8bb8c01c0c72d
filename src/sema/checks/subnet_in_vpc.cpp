// Every subnet lies inside its VPC's CIDR block (AWS rejects one that does not).
#include <fmt/format.h>

#include "sema/checks/check.hpp"

namespace archc::checks {

void subnet_in_vpc(const model::Model& m, Diagnostics& diags) {
  for (const auto& vpc : m.vpcs) {
    if (!vpc.cidr) continue;  // no valid block to be inside (already reported)
    for (const auto& t : vpc.tiers)
      for (std::size_t z = 0; z < t.cidrs.size(); ++z)
        if (!vpc.cidr->contains(t.cidrs[z]))
          diags.report(Rule::SubnetOutsideVpc, t.cidr_ranges[z],
                      fmt::format("subnet {} of tier `{}` is outside vpc `{}` ({})", t.cidrs[z].str(), t.name,
                                  vpc.name, vpc.cidr->str()))
              .notes.push_back({vpc.cidr_range, "the VPC's block is set here"});
  }
}

}  // namespace archc::checks
