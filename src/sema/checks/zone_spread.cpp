// Load balancers and databases span two zones (AWS rejects fewer); a single
// NAT or an asg in one zone is a single point of failure.
#include <fmt/format.h>

#include "sema/checks/check.hpp"
#include "model/alb.hpp"
#include "model/asg.hpp"
#include "model/rds.hpp"

namespace archc::checks {

void zone_spread(const model::Model& m, Diagnostics& diags) {
  auto zones = [&](const model::TierRef& t) { return m.vpc_of(t).zones.size(); };
  // One zone, or none when the zones could not be read (already reported).
  auto one_zone = [&](const model::Resource& r) { return r.subnets && zones(*r.subnets) == 1; };
  for (const model::Alb* alb : m.all<model::Alb>())
    if (one_zone(*alb))
      diags.report(Rule::AlbSingleZone, alb->subnets->range,
                  fmt::format("alb `{}` needs subnets in at least two zones; this tier has one", alb->name))
          .notes.push_back({m.vpc_of(*alb->subnets).zones_range, "the VPC's zones"});
  for (const model::Rds* db : m.all<model::Rds>())
    if (one_zone(*db))
      diags.report(Rule::RdsSingleZone, db->subnets->range,
                  fmt::format("rds `{}` needs a subnet group over at least two zones; this tier has one", db->name))
          .notes.push_back({m.vpc_of(*db->subnets).zones_range, "the VPC's zones"});
  for (const model::Asg* asg : m.all<model::Asg>())
    if (one_zone(*asg))
      diags.report(Rule::AsgSingleZone, asg->subnets->range,
                    fmt::format("asg `{}` runs in one zone: losing it loses every instance", asg->name));
  for (const model::Rds* db : m.all<model::Rds>())
    if (!db->multi_az && db->complete)
      diags.report(Rule::RdsSingleAz, db->multi_az_range.valid() ? db->multi_az_range : db->range,
                    fmt::format("rds `{}` is not multi_az: one zone's outage stops the database", db->name));
  for (const auto& vpc : m.vpcs)
    if (vpc.nat == model::NatMode::Single && vpc.zones.size() > 1)
      diags.report(Rule::SingleNat, vpc.nat_range,
                    fmt::format("vpc `{}` routes {} zones through one NAT gateway: its zone's outage cuts them all off",
                                vpc.name, vpc.zones.size()));
}

}  // namespace archc::checks
