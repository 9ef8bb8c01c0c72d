#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::IngressRule& r, CfnWriter& w) {
  w.open(r.id, "AWS::EC2::SecurityGroupIngress");
  w.get_att("GroupId", r.group, "GroupId");
  w.kv("IpProtocol", "tcp");
  w.kv("FromPort", r.from_port);
  w.kv("ToPort", r.to_port);
  if (!r.cidr.empty()) w.kv("CidrIp", r.cidr);
  else w.get_att("SourceSecurityGroupId", r.source_group, "GroupId");
  w.kv("Description", r.description);
  w.close();
}

void emit(const aws::IngressRule& r, TfWriter& w) {
  Json j = {{"security_group_id", w.group(r.group)},
            {"ip_protocol", "tcp"},
            {"from_port", r.from_port},
            {"to_port", r.to_port}};
  if (!r.cidr.empty()) j["cidr_ipv4"] = r.cidr;
  else j["referenced_security_group_id"] = w.group(r.source_group);
  j["description"] = w.lit(r.description);
  w.resource("aws_vpc_security_group_ingress_rule", r.id) = std::move(j);
}

}  // namespace archc
