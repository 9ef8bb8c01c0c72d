// duplicate-peering: two VPCs have at most one peering connection between
// them (VPC peering guide, "VPC peering limitations": "You cannot have more
// than one VPC peering connection between two VPCs at the same time"), in
// whichever direction it was requested. O(n log n).
#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "sema/checks/check.hpp"

namespace archc::checks {

void duplicate_peering(const model::Model& m, Diagnostics& diags) {
  // Two VPCs of the file, smaller index first, or a VPC of the file and
  // the id of one outside → the first peering between them.
  std::map<std::pair<std::size_t, std::size_t>, const model::Peering*> within;
  std::map<std::pair<std::size_t, std::string>, const model::Peering*> outside;
  for (const auto& p : m.peerings) {
    if (!p.vpc) continue;
    const model::Peering* first = nullptr;
    std::string other;
    if (p.peer_vpc) {
      first = within.try_emplace(std::minmax(*p.vpc, *p.peer_vpc), &p).first->second;
      other = fmt::format("vpc `{}`", m.vpcs[*p.peer_vpc].name);
    } else if (!p.peer_vpc_id.empty()) {
      first = outside.try_emplace({*p.vpc, p.peer_vpc_id}, &p).first->second;
      other = p.peer_vpc_id;
    }
    if (!first || first == &p) continue;
    diags
        .report(Rule::DuplicatePeering, p.range,
                "peering `{}` joins vpc `{}` and {}, which peering `{}` already joins: two VPCs have one peering "
                "connection",
                p.name, m.vpcs[*p.vpc].name, other, first->name)
        .notes.push_back({first->range, fmt::format("peering `{}` is here", first->name)});
  }
}

}  // namespace archc::checks
