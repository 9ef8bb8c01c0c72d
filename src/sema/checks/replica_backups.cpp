// RDS creates read replicas from backups: a source with backups off has none.
#include <fmt/format.h>

#include "sema/checks/check.hpp"
#include "model/rds.hpp"

namespace archc::checks {

void replica_backups(const model::Model& m, Diagnostics& diags) {
  for (const model::Rds* db : m.all<model::Rds>())
    if (db->replicas > 0 && db->backup_retention == 0 && db->complete)
      diags.report(Rule::ReplicaWithoutBackups, db->backup_retention_range,
                  fmt::format("rds `{}` has read replicas but backup_retention = 0", db->name))
          .notes.push_back({db->replicas_range, "replicas are requested here; they need backups of at least 1 day"});
}

}  // namespace archc::checks
