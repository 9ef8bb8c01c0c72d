// What an ingress and an egress rule write alike: the group, the protocol
// and the ports (EC2 API, IpPermission), in each backend's names.
#pragma once

#include "emit/cfn_writer.hpp"
#include "emit/tf_writer.hpp"
#include "lower/aws_resources.hpp"

namespace archc {

template <typename Rule>
void rule_traffic(const Rule& r, CfnWriter& w) {
  w.get_att("GroupId", r.group, "GroupId");
  w.kv("IpProtocol", model::ip_protocol(r.protocol));
  if (const auto ports = model::port_fields(r.protocol, r.from_port, r.to_port)) {
    w.kv("FromPort", ports->first);
    w.kv("ToPort", ports->second);
  }
}

template <typename Rule>
void rule_traffic(const Rule& r, TfWriter& w) {
  w.ref("security_group_id", "aws_security_group", r.group, "id");
  w.kv("ip_protocol", model::ip_protocol(r.protocol));
  if (const auto ports = model::port_fields(r.protocol, r.from_port, r.to_port)) {
    w.kv("from_port", ports->first);
    w.kv("to_port", ports->second);
  }
}

}  // namespace archc
