// The routes a VPC peering adds (docs/language.md, "Peering"): from the
// route tables of the tiers it names, or of every tier of its VPCs of the
// file when `tiers` is not written, to the block on the other side. Lowering,
// the plan and route-conflict all read them from here.
#pragma once

#include <vector>

#include "model/model.hpp"

namespace archc::model {

struct PeeringRoute {
  TierRef tier;      // whose route tables hold the route
  Cidr destination;  // the other side's block
};

// The routes of `p`, tier by tier in the order written (or in VPC and tier
// order); a tier whose other side's block could not be read has none.
// Requires p.vpc.
std::vector<PeeringRoute> peering_routes(const Model& m, const Peering& p);

}  // namespace archc::model
