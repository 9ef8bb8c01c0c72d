// A single EC2 instance: a bastion host, a VPN server, a small server of its
// own (kinds/instance.cpp declares the `instance` block).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace archc::model {

struct Instance : Resource {
  // What an edge to it opens when the edge names no ports: SSH, how one
  // reaches a lone host.
  static constexpr int kSshPort = 22;

  std::string instance_type = "t3.micro";
  std::string image = "al2023";  // alias from stdlib/images.json or an ami- id
  SourceRange image_range;
  std::size_t zone = 0;  // index into its VPC's zones: the tier's subnet it runs in
  std::optional<int> root_volume;  // GiB; absent: the image's own size
  std::optional<std::string> user_data;
  SourceRange user_data_range;
  std::optional<std::size_t> role;  // `role`: into Model::services, a model::Role
  SourceRange role_range;           // of the attribute's value, when written
  std::optional<std::string> key_name;  // an existing EC2 key pair
  bool elastic_ip = false;
  SourceRange elastic_ip_range;  // of the attribute's value, when written
  bool source_dest_check = true;
  std::optional<NameOverride> name_tag;  // `name`

  std::vector<int> serving_ports() const override { return {kSshPort}; }
  std::uint64_t addresses_in_one_subnet() const override { return 1; }
};

}  // namespace archc::model
