// duplicate-nacl: a subnet is associated with exactly one network ACL (VPC
// User Guide, "Network ACL basics"), so a tier takes one nacl block.
// O(n log n).
#include <map>

#include "sema/checks/check.hpp"

namespace archc::checks {

void duplicate_nacl(const model::Model& m, Diagnostics& diags) {
  std::map<std::pair<std::size_t, std::size_t>, const model::Nacl*> first;
  for (const auto& nacl : m.nacls) {
    if (!nacl.tier) continue;
    const auto [it, added] = first.emplace(std::make_pair(nacl.tier->vpc, nacl.tier->tier), &nacl);
    if (added) continue;
    diags
        .report(Rule::DuplicateNacl, nacl.tier->range, "tier `{}` already has nacl `{}`: a subnet has one network ACL",
                m.tier(*nacl.tier).name, it->second->name)
        .notes.push_back({it->second->tier->range, "the first nacl names the tier here"});
  }
}

}  // namespace archc::checks
