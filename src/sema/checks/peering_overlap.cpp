// The two sides of a peering do not overlap: EC2 refuses
// CreateVpcPeeringConnection between VPCs with matching or overlapping IPv4
// CIDR blocks (VPC peering guide, "VPC peering limitations").
#include <fmt/format.h>

#include "sema/checks/check.hpp"

namespace archc::checks {

void peering_overlap(const model::Model& m, Diagnostics& diags) {
  for (const auto& p : m.peerings) {
    if (!p.vpc || !m.vpcs[*p.vpc].cidr) continue;
    const model::Vpc& vpc = m.vpcs[*p.vpc];
    const model::Vpc* peer = p.peer_vpc ? &m.vpcs[*p.peer_vpc] : nullptr;
    if (peer == &vpc) continue;  // invalid-value
    const std::optional<Cidr> other = peer ? peer->cidr : p.peer_cidr;
    if (!other || !vpc.cidr->overlaps(*other)) continue;
    const std::string other_name = peer ? fmt::format("vpc `{}`", peer->name) : fmt::format("vpc {}", p.peer_vpc_id);
    const SourceRange at = peer ? p.peer_vpc_range : p.peer_cidr_range;
    diags
        .report(Rule::PeeringOverlap, at, "peering `{}`: vpc `{}` ({}) overlaps {} ({})", p.name, vpc.name,
                vpc.cidr->str(), other_name, other->str())
        .notes.push_back({vpc.cidr_range, fmt::format("vpc `{}` has {}", vpc.name, vpc.cidr->str())});
  }
}

}  // namespace archc::checks
