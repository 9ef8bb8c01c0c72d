#pragma once

#include "model/model.hpp"
#include "source/diagnostic.hpp"

namespace archc {

// Gives every tier declared with `size` one block per zone: the lowest free
// block of that size, aligned, inside its VPC, in tier then zone order.
// Deterministic; reports a tier that no longer fits.
void allocate_subnets(model::Model& m, Diagnostics& diags);

}  // namespace archc
