#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::Route& r, CfnWriter& w) {
  w.open(r.id, "AWS::EC2::Route", r.depends_on);
  w.ref("RouteTableId", r.route_table);
  w.kv("DestinationCidrBlock", "0.0.0.0/0");
  if (!r.gateway.empty()) w.ref("GatewayId", r.gateway);
  else w.ref("NatGatewayId", r.nat);
  w.close();
}

void emit(const aws::Route& r, TfWriter& w) {
  Json j = {{"route_table_id", w.ref("aws_route_table", r.route_table, "id")},
            {"destination_cidr_block", "0.0.0.0/0"}};
  if (!r.gateway.empty()) j["gateway_id"] = w.ref("aws_internet_gateway", r.gateway, "id");
  else j["nat_gateway_id"] = w.ref("aws_nat_gateway", r.nat, "id");
  if (!r.depends_on.empty()) j["depends_on"] = w.depends_on(r.depends_on);
  w.resource("aws_route", r.id) = std::move(j);
}

}  // namespace archc
