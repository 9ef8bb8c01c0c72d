#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/resources/security_group_rule.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::IngressRule& r, CfnWriter& w) {
  w.open(r.id, "AWS::EC2::SecurityGroupIngress", r.depends_on);
  rule_traffic(r, w);
  if (!r.cidr.empty()) w.kv("CidrIp", r.cidr);
  else w.get_att("SourceSecurityGroupId", r.source_group, "GroupId");
  w.kv("Description", r.description);
  w.close();
}

void emit(const aws::IngressRule& r, TfWriter& w) {
  w.resource("aws_vpc_security_group_ingress_rule", r.id);
  rule_traffic(r, w);
  if (!r.cidr.empty()) w.kv("cidr_ipv4", r.cidr);
  else w.ref("referenced_security_group_id", "aws_security_group", r.source_group, "id");
  w.kv_literal("description", r.description);
  w.depends_on(r.depends_on);
  w.close();
}

}  // namespace archc
