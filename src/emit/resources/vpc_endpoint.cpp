#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

namespace {

const char* type_name(aws::VpcEndpoint::Type t) { return t == aws::VpcEndpoint::Type::Gateway ? "Gateway" : "Interface"; }

}  // namespace

void emit(const aws::VpcEndpoint& r, CfnWriter& w) {
  w.open(r.id, "AWS::EC2::VPCEndpoint");
  w.ref("VpcId", r.vpc);
  w.kv("ServiceName", r.service_name);
  w.kv("VpcEndpointType", type_name(r.type));
  if (r.type == aws::VpcEndpoint::Type::Gateway) {
    w.refs("RouteTableIds", r.route_tables);
  } else {
    w.refs("SubnetIds", r.subnets);
    w.group_ids("SecurityGroupIds", r.security_groups);
    w.kv("PrivateDnsEnabled", r.private_dns);
    w.tags(r.tags);
  }
  w.close();
}

void emit(const aws::VpcEndpoint& r, TfWriter& w) {
  w.resource("aws_vpc_endpoint", r.id);
  w.ref("vpc_id", "aws_vpc", r.vpc, "id");
  w.kv("service_name", r.service_name);
  w.kv("vpc_endpoint_type", type_name(r.type));
  if (r.type == aws::VpcEndpoint::Type::Gateway) {
    w.route_tables("route_table_ids", r.route_tables);
  } else {
    w.subnets("subnet_ids", r.subnets);
    w.groups("security_group_ids", r.security_groups);
    w.kv("private_dns_enabled", r.private_dns);
    w.tags(r.tags);
  }
  w.close();
}

}  // namespace archc
