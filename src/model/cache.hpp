// An in-memory cache: ElastiCache for Redis OSS (kinds/cache.cpp declares
// the `cache` block).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace archc::model {

struct Cache : Resource {
  // Redis's port; ElastiCache serves Redis OSS on it by default.
  static constexpr int kPort = 6379;

  std::string node_type = "cache.t3.micro";
  std::optional<std::string> engine_version;
  int nodes = 1;  // the primary and its replicas
  bool multi_az = false;
  bool tls = true;  // in-transit encryption

  std::vector<int> serving_ports() const override { return {kPort}; }
  // Every node: the group may place them all in one zone.
  std::uint64_t addresses_in_one_subnet() const override { return static_cast<std::uint64_t>(nodes); }
};

}  // namespace archc::model
