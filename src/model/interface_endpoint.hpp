// An interface VPC endpoint (AWS PrivateLink): an AWS service reached
// through network interfaces of a tier (kinds/interface_endpoint.cpp
// declares the `interface-endpoint` block).
#pragma once

#include <string>
#include <vector>

#include "model/model.hpp"

namespace archc::model {

struct InterfaceEndpoint : Resource {
  // HTTPS: AWS service APIs take TLS on 443 only, so the endpoint's security
  // group must admit 443 from the clients (AWS PrivateLink Guide, "Access an
  // AWS service using an interface VPC endpoint": "the security group must
  // allow ... HTTPS (port 443)").
  static constexpr int kPort = 443;

  std::string service;  // the short name of stdlib/endpoint_services.json: "ssm", "ecr.api"; empty when unread
  bool private_dns = true;

  std::vector<int> serving_ports() const override { return {kPort}; }
  // One network interface in each subnet of its tier.
  std::uint64_t addresses_in_one_subnet() const override { return 1; }
};

}  // namespace archc::model
