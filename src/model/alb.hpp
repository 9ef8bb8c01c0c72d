// An application load balancer (kinds/alb.cpp declares the `alb` block).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace archc::model {

struct Listener {
  std::string name;
  SourceRange range;
  int port = 0;                 // 0 while missing or invalid
  std::optional<int> redirect;  // HTTPS port to redirect to (HTTP 301)
  std::optional<std::string> certificate;
  std::optional<std::size_t> forward;  // into Model::resources, an Asg; absent when not given or unresolved
  SourceRange forward_range;
  bool https() const { return certificate.has_value(); }
};

struct Alb : Resource {
  std::vector<Listener> listeners;
  bool internet_facing = false;  // from the tier: public tiers face the internet

  std::vector<int> serving_ports() const override;
};

}  // namespace archc::model
