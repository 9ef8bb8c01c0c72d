// An Amazon EFS file system and its mount targets (kinds/efs.cpp declares
// the `efs` block).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace archc::model {

struct Efs : Resource {
  // NFS: clients mount a file system over NFSv4.1 on TCP 2049, the one port
  // its mount targets serve (Amazon EFS User Guide, "Using VPC security
  // groups").
  static constexpr int kNfsPort = 2049;

  // The zones that get a mount target, as indexes into its VPC's zones, in
  // zone order: one mount target a zone, in the tier's subnet there (AWS
  // allows one per zone: EFS API Reference, CreateMountTarget). Empty when
  // `zones` could not be read.
  std::vector<std::size_t> zones;
  SourceRange zones_range;  // of the attribute's value, when written
  bool encrypted = true;    // at rest, with the AWS managed key aws/elasticfilesystem
  // Days without access after which a file moves to Infrequent Access;
  // absent: files stay in Standard.
  std::optional<int> transition_to_ia;
  std::string throughput_mode = "bursting";  // bursting | elastic
  std::optional<NameOverride> name_tag;      // `name`

  std::vector<int> serving_ports() const override { return {kNfsPort}; }
  // A mount target is one network interface in its zone's subnet.
  std::uint64_t addresses_in_one_subnet() const override { return 1; }
  // Whether it has a mount target in the zone at `zone` (an index into its
  // VPC's zones).
  bool mounts_in(std::size_t zone) const;
};

inline bool Efs::mounts_in(std::size_t zone) const {
  for (std::size_t z : zones)
    if (z == zone) return true;
  return false;
}

}  // namespace archc::model
