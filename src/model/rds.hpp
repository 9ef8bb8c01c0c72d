// A relational database (kinds/rds.cpp declares the `rds` block).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace archc::model {

struct Rds : Resource {
  std::string engine = "mysql";  // a key of stdlib/engines.json
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
};

}  // namespace archc::model
