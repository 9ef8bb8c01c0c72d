#include "sema/checks.hpp"

#include "sema/checks/check.hpp"

namespace archc {

void run_checks(const model::Model& m, Diagnostics& diags) {
  checks::subnet_in_vpc(m, diags);
  checks::cidr_overlap(m, diags);
  checks::zone_spread(m, diags);
  checks::replica_backups(m, diags);
}

}  // namespace archc
