#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::RouteTable& r, CfnWriter& w) {
  w.open(r.id, "AWS::EC2::RouteTable");
  w.ref("VpcId", r.vpc);
  w.tags(r.tags);
  w.close();
}

void emit(const aws::RouteTable& r, TfWriter& w) {
  w.resource("aws_route_table", r.id);
  w.ref("vpc_id", "aws_vpc", r.vpc, "id");
  w.tags(r.tags);
  w.close();
}

}  // namespace archc
