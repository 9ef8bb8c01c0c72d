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
  w.resource("aws_route_table_association", r.id) = {{"subnet_id", w.subnet(r.subnet)},
                                                     {"route_table_id", w.ref("aws_route_table", r.route_table, "id")}};
}

}  // namespace archc
