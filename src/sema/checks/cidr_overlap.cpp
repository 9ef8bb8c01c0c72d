// No two subnets of a VPC overlap: AWS rejects the second CreateSubnet. The
// sweep itself lives in model/cidr (find_overlaps, O(n log n)).
#include <fmt/format.h>

#include "sema/checks/check.hpp"

namespace archc::checks {

void cidr_overlap(const model::Model& m, Diagnostics& diags) {
  struct Place {
    const model::Tier* tier;
    std::size_t zone;
    const SourceRange& range() const { return tier->cidr_ranges[zone]; }
  };
  for (const auto& vpc : m.vpcs) {
    std::vector<Cidr> blocks;
    std::vector<Place> places;
    for (const auto& t : vpc.tiers)
      for (std::size_t z = 0; z < t.cidrs.size(); ++z) {
        blocks.push_back(t.cidrs[z]);
        places.push_back({&t, z});
      }
    for (auto [a, b] : find_overlaps(blocks)) {
      // Report at the block written later in the file; note the other.
      if (places[a].range().begin.offset < places[b].range().begin.offset) std::swap(a, b);
      const Place& later = places[a];
      const Place& earlier = places[b];
      diags.report(Rule::CidrOverlap, later.range(),
                  fmt::format("subnet {} of tier `{}` overlaps {} of tier `{}`", blocks[a].str(), later.tier->name,
                              blocks[b].str(), earlier.tier->name))
          .notes.push_back({earlier.range(), fmt::format("{} is given here", blocks[b].str())});
    }
  }
}

}  // namespace archc::checks
