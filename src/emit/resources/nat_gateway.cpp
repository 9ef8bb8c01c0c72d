#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::NatGateway& r, CfnWriter& w) {
  w.open(r.id, "AWS::EC2::NatGateway", r.depends_on);
  w.get_att("AllocationId", r.eip, "AllocationId");
  w.ref("SubnetId", r.subnet);
  w.tags(r.tags);
  w.close();
}

void emit(const aws::NatGateway& r, TfWriter& w) {
  w.resource("aws_nat_gateway", r.id);
  w.ref("allocation_id", "aws_eip", r.eip, "allocation_id");
  w.ref("subnet_id", "aws_subnet", r.subnet, "id");
  w.tags(r.tags);
  w.depends_on(r.depends_on);
  w.close();
}

}  // namespace archc
