// Instances mount an EFS file system by its DNS name, which resolves in each
// zone to that zone's mount target; in a zone without one it resolves to
// nothing. Mounting another zone's target by IP address works, but pays for
// traffic across zones and fails with that zone, so AWS advises a mount
// target in every zone the clients run in (Amazon EFS User Guide, "Creating
// and managing mount targets"; "Mounting EFS file systems from a different
// Availability Zone"). An asg runs in every zone of its tier, an instance in
// its own. Clients in another VPC are left to cross-vpc.
#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "model/asg.hpp"
#include "model/efs.hpp"
#include "model/instance.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

namespace {

// The zones (indexes into its VPC's zones) an asg or an instance runs in;
// empty for any other resource.
std::vector<std::size_t> zones_of(const model::Model& m, const model::Resource& r) {
  if (const auto* instance = dynamic_cast<const model::Instance*>(&r)) return {instance->zone};
  std::vector<std::size_t> out;
  if (dynamic_cast<const model::Asg*>(&r))
    for (std::size_t z = 0; z < m.vpc_of(*r.subnets).zones.size(); ++z) out.push_back(z);
  return out;
}

std::string letters(const model::Vpc& vpc, const std::vector<std::size_t>& zones) {
  std::vector<std::string_view> out;
  for (std::size_t z : zones) out.push_back(vpc.zones[z]);
  return fmt::format("{}", fmt::join(out, ", "));
}

}  // namespace

void efs_mount_zone(const model::Model& m, Diagnostics& diags) {
  std::set<std::pair<std::size_t, std::size_t>> reported;  // (client, file system): once each
  for (const auto& chain : m.chains) {
    for (const auto& e : chain.edges) {
      if (!e.from.is_resource() || !e.to.is_resource()) continue;
      const auto* efs = dynamic_cast<const model::Efs*>(m.resources[e.to.index].get());
      const model::Resource& client = *m.resources[e.from.index];
      // Mount targets unknown (`zones` unread), or the two in different VPCs.
      if (!efs || efs->zones.empty() || !efs->subnets || !client.subnets) continue;
      if (client.subnets->vpc != efs->subnets->vpc) continue;
      std::vector<std::size_t> missing;
      for (std::size_t z : zones_of(m, client))
        if (!efs->mounts_in(z)) missing.push_back(z);
      if (missing.empty() || !reported.emplace(e.from.index, e.to.index).second) continue;
      const model::Vpc& vpc = m.vpc_of(*efs->subnets);
      const bool one = dynamic_cast<const model::Instance*>(&client) != nullptr;
      diags
          .report(Rule::EfsMountZone, e.range,
                  fmt::format("{} runs in zone{} {}, where efs `{}` has no mount target: {} mount it by its DNS "
                              "name there, only across zones by another zone's address",
                              client.ref(), missing.size() == 1 ? "" : "s", letters(vpc, missing), efs->name,
                              one ? "it cannot" : "its instances cannot"))
          .notes.push_back({efs->zones_range.valid() ? efs->zones_range : efs->range,
                            fmt::format("efs `{}` has mount targets in zone{} {}", efs->name,
                                        efs->zones.size() == 1 ? "" : "s", letters(vpc, efs->zones))});
    }
  }
}

}  // namespace archc::checks
