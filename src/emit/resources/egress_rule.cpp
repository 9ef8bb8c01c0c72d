#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::EgressRule& r, CfnWriter& w) {
  w.open(r.id, "AWS::EC2::SecurityGroupEgress");
  w.get_att("GroupId", r.group, "GroupId");
  w.kv("IpProtocol", model::ip_protocol(r.protocol));
  if (const auto ports = model::port_fields(r.protocol, r.from_port, r.to_port)) {
    w.kv("FromPort", ports->first);
    w.kv("ToPort", ports->second);
  }
  if (!r.cidr.empty()) w.kv("CidrIp", r.cidr);
  else w.get_att("DestinationSecurityGroupId", r.destination_group, "GroupId");
  w.kv("Description", r.description);
  w.close();
}

void emit(const aws::EgressRule& r, TfWriter& w) {
  w.resource("aws_vpc_security_group_egress_rule", r.id);
  w.ref("security_group_id", "aws_security_group", r.group, "id");
  w.kv("ip_protocol", model::ip_protocol(r.protocol));
  if (const auto ports = model::port_fields(r.protocol, r.from_port, r.to_port)) {
    w.kv("from_port", ports->first);
    w.kv("to_port", ports->second);
  }
  if (!r.cidr.empty()) w.kv("cidr_ipv4", r.cidr);
  else w.ref("referenced_security_group_id", "aws_security_group", r.destination_group, "id");
  w.kv_literal("description", r.description);
  w.close();
}

}  // namespace archc
