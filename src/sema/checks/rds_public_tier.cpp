// A database in a public tier sits one security-group mistake away from the
// internet: the tier routes to an internet gateway. Well-Architected keeps
// data stores in private or isolated subnets.
#include <fmt/format.h>

#include "sema/checks/check.hpp"
#include "model/rds.hpp"

namespace archc::checks {

void rds_public_tier(const model::Model& m, Diagnostics& diags) {
  for (const model::Rds* db : m.all<model::Rds>()) {
    if (!db->subnets) continue;
    const model::Tier& tier = m.tier(*db->subnets);
    if (tier.is_public)
      diags.report(Rule::RdsPublicTier, db->subnets->range,
                  fmt::format("rds `{}` is placed in public tier `{}`", db->name, tier.name))
          .notes.push_back({tier.range, "this tier routes to an internet gateway; use a private or isolated tier"});
  }
}

}  // namespace archc::checks
