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
  SourceRange port_range;       // of the value
  std::optional<int> redirect;  // HTTPS port to redirect to (HTTP 301)
  SourceRange redirect_range;   // of the value
  std::optional<std::string> certificate;
  std::optional<std::size_t> forward;  // into Model::resources, an Asg; absent when not given or unresolved
  SourceRange forward_range;
  bool https() const { return certificate.has_value(); }
};

struct Alb : Resource {
  std::vector<Listener> listeners;
  bool internet_facing = false;  // from the tier: public tiers face the internet

  std::vector<int> serving_ports() const override;
  // AWS: each subnet of a load balancer needs at least 8 free addresses,
  // for the nodes it adds as it scales (ELB User Guide, "Subnets for your
  // Application Load Balancer").
  static constexpr std::uint64_t kFreeAddressesPerSubnet = 8;
  std::uint64_t addresses_in_one_subnet() const override { return kFreeAddressesPerSubnet; }
};

}  // namespace archc::model
