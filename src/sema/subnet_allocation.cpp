#include "sema/subnet_allocation.hpp"

#include <map>

#include <fmt/format.h>

namespace archc {

namespace {

// Disjoint occupied address intervals [first, last] of one VPC.
class AddressSpace {
 public:
  void occupy(std::uint64_t first, std::uint64_t last) {
    auto it = spans_.upper_bound(first);
    if (it != spans_.begin() && std::prev(it)->second + 1 >= first) --it;
    while (it != spans_.end() && it->first <= last + 1) {
      first = std::min(first, it->first);
      last = std::max(last, it->second);
      it = spans_.erase(it);
    }
    spans_.emplace(first, last);
  }

  // The interval that intersects [first, last], if any.
  const std::pair<const std::uint64_t, std::uint64_t>* conflict(std::uint64_t first, std::uint64_t last) const {
    auto it = spans_.upper_bound(last);
    if (it == spans_.begin()) return nullptr;
    --it;
    return it->second >= first ? &*it : nullptr;
  }

 private:
  std::map<std::uint64_t, std::uint64_t> spans_;
};

}  // namespace

void allocate_subnets(model::Model& m, Diagnostics& diags) {
  for (auto& vpc : m.vpcs) {
    if (!vpc.cidr) continue;  // invalid VPC CIDR, already reported
    AddressSpace used;
    for (const auto& t : vpc.tiers)
      for (const auto& c : t.cidrs) used.occupy(c.first(), c.last());
    // The lowest candidate per block size only grows as blocks are taken, so
    // each size resumes where it stopped: no rescan from the VPC's start.
    std::map<int, std::uint64_t> cursor;
    for (auto& t : vpc.tiers) {
      if (!t.size || !t.cidrs.empty()) continue;
      const std::uint64_t block = std::uint64_t{1} << (32 - *t.size);
      auto it = cursor.emplace(*t.size, vpc.cidr->first()).first;
      std::uint64_t& at = it->second;
      for (std::size_t z = 0; z < vpc.zones.size(); ++z) {
        while (at + block - 1 <= vpc.cidr->last()) {
          const auto* hit = used.conflict(at, at + block - 1);
          if (!hit) break;
          at = (hit->second + 1 + block - 1) / block * block;  // next aligned block past it
        }
        if (*t.size < vpc.cidr->prefix || at + block - 1 > vpc.cidr->last()) {
          diags.report(Rule::SubnetSize, t.cidr_ranges.empty() ? t.range : t.cidr_ranges[z],
                      fmt::format("no free /{} block is left in vpc `{}` ({}) for zone {} of tier `{}`", *t.size,
                                  vpc.name, vpc.cidr->str(), vpc.zones[z], t.name));
          t.cidrs.clear();
          break;
        }
        t.cidrs.push_back({static_cast<std::uint32_t>(at), *t.size});
        used.occupy(at, at + block - 1);
      }
    }
  }
}

}  // namespace archc
