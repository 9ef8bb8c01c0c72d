#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::VpcEndpoint& r, CfnWriter& w) {
  w.open(r.id, "AWS::EC2::VPCEndpoint");
  w.ref("VpcId", r.vpc);
  w.kv("ServiceName", r.service_name);
  w.kv("VpcEndpointType", "Gateway");
  w.refs("RouteTableIds", r.route_tables);
  w.close();
}

void emit(const aws::VpcEndpoint& r, TfWriter& w) {
  w.resource("aws_vpc_endpoint", r.id);
  w.ref("vpc_id", "aws_vpc", r.vpc, "id");
  w.kv("service_name", r.service_name);
  w.kv("vpc_endpoint_type", "Gateway");
  w.route_tables("route_table_ids", r.route_tables);
  w.close();
}

}  // namespace archc
