#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::SecurityGroup& r, CfnWriter& w) {
  w.open(r.id, "AWS::EC2::SecurityGroup");
  w.kv("GroupDescription", r.description);
  w.ref("VpcId", r.vpc);
  if (r.restricted_egress) {
    // Only a group that lists egress rules of its own loses AWS's allow-all
    // rule; SecurityGroupEgress resources add to it. One rule to the
    // loopback block, which no interface sends to, leaves the EgressRules
    // the only way out (the pattern of the CloudFormation user guide).
    w.key("SecurityGroupEgress");
    w.begin_seq();
    w.begin_map();
    w.kv("IpProtocol", "-1");
    w.kv("CidrIp", "127.0.0.1/32");
    w.kv("Description", "no egress but the rules archc adds");
    w.end_map();
    w.end_seq();
  }
  w.tags(r.tags);
  w.close();
}

void emit(const aws::SecurityGroup& r, TfWriter& w) {
  w.resource("aws_security_group", r.id);
  w.kv_literal("description", r.description);
  w.ref("vpc_id", "aws_vpc", r.vpc, "id");
  w.tags(r.tags);
  w.close();
  if (r.restricted_egress) return;
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
