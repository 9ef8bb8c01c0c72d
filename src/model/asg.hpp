// An auto scaling group of instances (kinds/asg.cpp declares the `asg` block).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace archc::model {

struct Asg : Resource {
  std::string instance_type = "t3.micro";
  std::string image = "al2023";  // alias from stdlib/images.json or an ami- id
  SourceRange image_range;
  int min = 1, max = 1, desired = 1;
  int port = 80;
  HealthCheck health_check;       // of the target groups that forward to it
  int health_check_grace = 300;  // seconds
  std::optional<double> scale_cpu;  // percent
  std::optional<std::string> user_data;
  SourceRange user_data_range;
  std::optional<std::size_t> role;  // `role`: into Model::services, a model::Role
  SourceRange role_range;           // of the attribute's value, when written

  std::vector<int> serving_ports() const override { return {port}; }
  // All of `max`: when the other zones fail, the group launches its
  // instances in the zones that are left.
  std::uint64_t addresses_in_one_subnet() const override { return static_cast<std::uint64_t>(max); }
  // While every zone serves, the group keeps its instances balanced across
  // them: at most ceil(max / zones) in each.
  std::uint64_t addresses_in_one_subnet_balanced(std::size_t zones) const override {
    return (addresses_in_one_subnet() + zones - 1) / zones;
  }
};

}  // namespace archc::model
