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
  w.resource("aws_security_group", r.id) = {
      {"description", w.lit(r.description)}, {"vpc_id", w.vpc(r.vpc)}, {"tags", w.tags(r.tags)}};
  // Terraform removes the default allow-all egress AWS gives a new group
  // (CloudFormation keeps it): state it so both stacks match.
  w.resource("aws_vpc_security_group_egress_rule", r.id + "EgressAll") = {
      {"security_group_id", w.group(r.id)},
      {"ip_protocol", "-1"},
      {"cidr_ipv4", "0.0.0.0/0"},
      {"description", "all outbound traffic (the AWS default)"}};
}

}  // namespace archc
