// The individual architecture checks; run_checks (sema/checks.cpp) runs them
// in this order. Each is defined in the file of the same name.
#pragma once

#include "model/model.hpp"
#include "source/diagnostic.hpp"

namespace archc::checks {

void subnet_in_vpc(const model::Model& m, Diagnostics& diags);
void cidr_overlap(const model::Model& m, Diagnostics& diags);
void zone_spread(const model::Model& m, Diagnostics& diags);
void replica_backups(const model::Model& m, Diagnostics& diags);

}  // namespace archc::checks
