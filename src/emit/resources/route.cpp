#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::Route& r, CfnWriter& w) {
  w.open(r.id, "AWS::EC2::Route", r.depends_on);
  w.ref("RouteTableId", r.route_table);
  w.kv("DestinationCidrBlock", r.destination);
  if (!r.gateway.empty()) w.ref("GatewayId", r.gateway);
  else if (!r.peering.empty()) w.ref("VpcPeeringConnectionId", r.peering);
  else w.ref("NatGatewayId", r.nat);
  w.close();
}

void emit(const aws::Route& r, TfWriter& w) {
  w.resource("aws_route", r.id);
  w.ref("route_table_id", "aws_route_table", r.route_table, "id");
  w.kv("destination_cidr_block", r.destination);
  if (!r.gateway.empty()) w.ref("gateway_id", "aws_internet_gateway", r.gateway, "id");
  else if (!r.peering.empty()) w.ref("vpc_peering_connection_id", "aws_vpc_peering_connection", r.peering, "id");
  else w.ref("nat_gateway_id", "aws_nat_gateway", r.nat, "id");
  w.depends_on(r.depends_on);
  w.close();
}

}  // namespace archc
