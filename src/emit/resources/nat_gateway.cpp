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
  Json j = {{"allocation_id", w.ref("aws_eip", r.eip, "allocation_id")},
            {"subnet_id", w.subnet(r.subnet)},
            {"tags", w.tags(r.tags)}};
  if (!r.depends_on.empty()) j["depends_on"] = w.depends_on(r.depends_on);
  w.resource("aws_nat_gateway", r.id) = std::move(j);
}

}  // namespace archc
