// No two subnets of a VPC overlap. Sorts the blocks by first address and
// sweeps once, keeping the block reaching furthest so far: O(n log n).
#include <algorithm>

#include <fmt/format.h>

#include "sema/checks/check.hpp"

namespace archc::checks {

void cidr_overlap(const model::Model& m, Diagnostics& diags) {
  struct Block {
    Cidr cidr;
    const model::Tier* tier;
    std::size_t zone;
  };
  for (const auto& vpc : m.vpcs) {
    std::vector<Block> blocks;
    for (const auto& t : vpc.tiers)
      for (std::size_t z = 0; z < t.cidrs.size(); ++z) blocks.push_back({t.cidrs[z], &t, z});
    std::stable_sort(blocks.begin(), blocks.end(),
                     [](const Block& a, const Block& b) { return a.cidr.first() < b.cidr.first(); });
    const Block* reach = nullptr;  // the block with the highest last address so far
    for (const auto& b : blocks) {
      if (reach && b.cidr.first() <= reach->cidr.last()) {
        // Report at the block written later in the file; note the other.
        const Block* later = reach;
        const Block* earlier = &b;
        if (b.tier->cidr_ranges[b.zone].begin.offset > reach->tier->cidr_ranges[reach->zone].begin.offset)
          std::swap(later, earlier);
        diags.error("cidr-overlap", later->tier->cidr_ranges[later->zone],
                    fmt::format("subnet {} of tier `{}` overlaps {} of tier `{}`", later->cidr.str(), later->tier->name,
                                earlier->cidr.str(), earlier->tier->name))
            .notes.push_back({earlier->tier->cidr_ranges[earlier->zone], "the other subnet is here"});
      }
      if (!reach || b.cidr.last() > reach->cidr.last()) reach = &b;
    }
  }
}

}  // namespace archc::checks
