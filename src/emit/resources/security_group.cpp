#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::SecurityGroup& r, CfnWriter& w) {
  w.open(r.id, "AWS::EC2::SecurityGroup");
  w.kv("GroupDescription", r.description);
  w.ref("VpcId", r.vpc);
  w.tags(r.tags);
  w.close();
}

void emit(const aws::SecurityGroup& r, TfWriter& w) {
  w.resource("aws_security_group", r.id);
  w.kv_literal("description", r.description);
  w.ref("vpc_id", "aws_vpc", r.vpc, "id");
  w.tags(r.tags);
  w.close();
  // Terraform removes the default allow-all egress AWS gives a new group
  // (CloudFormation keeps it): state it so both stacks match.
  w.resource("aws_vpc_security_group_egress_rule", r.id + "EgressAll");
  w.ref("security_group_id", "aws_security_group", r.id, "id");
  w.kv("ip_protocol", "-1");
  w.kv("cidr_ipv4", "0.0.0.0/0");
  w.kv("description", "all outbound traffic (the AWS default)");
  w.close();
}

}  // namespace archc
