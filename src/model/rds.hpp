// A relational database (kinds/rds.cpp declares the `rds` block).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace archc::model {

struct Rds : Resource {
  std::string engine = "mysql";  // a key of stdlib/engines.json
  // The release written: `version` as given, a major's pinned release, or
  // the engine's default major's; absent when it could not be read.
  std::optional<std::string> engine_version;
  std::string instance_class = "db.t3.micro";
  int storage = 20;  // GiB
  bool multi_az = false;
  SourceRange multi_az_range;
  int replicas = 0;
  SourceRange replicas_range;
  std::optional<std::string> replica_class;  // defaults to instance_class
  std::optional<std::string> database;
  int backup_retention = 7;  // days; 0 turns backups off
  SourceRange backup_retention_range;

  std::vector<int> serving_ports() const override;
  // The primary or its standby (never both in one zone), and every replica.
  std::uint64_t addresses_in_one_subnet() const override { return 1 + static_cast<std::uint64_t>(replicas); }
};

}  // namespace archc::model
