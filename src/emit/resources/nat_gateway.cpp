#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::NatGateway& r, CfnWriter& w) {
  w.open(r.id, "AWS::EC2::NatGateway");
  w.get_att("AllocationId", r.eip, "AllocationId");
  w.ref("SubnetId", r.subnet);
  w.tags(r.tags);
  w.close();
}

void emit(const aws::NatGateway& r, TfWriter& w) {
  w.resource("aws_nat_gateway", r.id) = {{"allocation_id", w.ref("aws_eip", r.eip, "allocation_id")},
                                         {"subnet_id", w.subnet(r.subnet)},
                                         {"tags", w.tags(r.tags)}};
}

}  // namespace archc
