// A network ACL entry takes its protocol as an IANA number (-1 for all),
// TCP and UDP a port range, ICMP a type and code (-1: every one)
// (AWS::EC2::NetworkAclEntry; aws_network_acl_rule).
#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::NetworkAclEntry& r, CfnWriter& w) {
  w.open(r.id, "AWS::EC2::NetworkAclEntry");
  w.ref("NetworkAclId", r.acl);
  w.kv("RuleNumber", r.number);
  w.kv("Protocol", model::protocol_code(r.protocol));
  w.kv("RuleAction", r.allow ? "allow" : "deny");
  w.kv("Egress", r.egress);
  w.kv("CidrBlock", r.cidr);
  if (model::has_ports(r.protocol)) {
    w.key("PortRange");
    w.begin_map();
    w.kv("From", r.from_port);
    w.kv("To", r.to_port);
    w.end_map();
  } else if (r.protocol == model::Protocol::Icmp) {
    w.key("Icmp");
    w.begin_map();
    w.kv("Code", -1);
    w.kv("Type", -1);
    w.end_map();
  }
  w.close();
}

void emit(const aws::NetworkAclEntry& r, TfWriter& w) {
  w.resource("aws_network_acl_rule", r.id);
  w.ref("network_acl_id", "aws_network_acl", r.acl, "id");
  w.kv("rule_number", r.number);
  w.kv("egress", r.egress);
  w.kv("protocol", model::protocol_number(r.protocol));
  w.kv("rule_action", r.allow ? "allow" : "deny");
  w.kv("cidr_block", r.cidr);
  if (model::has_ports(r.protocol)) {
    w.kv("from_port", r.from_port);
    w.kv("to_port", r.to_port);
  } else if (r.protocol == model::Protocol::Icmp) {
    w.kv("icmp_type", -1);
    w.kv("icmp_code", -1);
  }
  w.close();
}

}  // namespace archc
