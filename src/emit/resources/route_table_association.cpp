#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::RouteTableAssociation& r, CfnWriter& w) {
  w.open(r.id, "AWS::EC2::SubnetRouteTableAssociation");
  w.ref("SubnetId", r.subnet);
  w.ref("RouteTableId", r.route_table);
  w.close();
}

void emit(const aws::RouteTableAssociation& r, TfWriter& w) {
  w.resource("aws_route_table_association", r.id);
  w.ref("subnet_id", "aws_subnet", r.subnet, "id");
  w.ref("route_table_id", "aws_route_table", r.route_table, "id");
  w.close();
}

}  // namespace archc
