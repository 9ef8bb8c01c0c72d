#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::NetworkAcl& r, CfnWriter& w) {
  w.open(r.id, "AWS::EC2::NetworkAcl");
  w.ref("VpcId", r.vpc);
  w.tags(r.tags);
  w.close();
}

void emit(const aws::NetworkAcl& r, TfWriter& w) {
  w.resource("aws_network_acl", r.id);
  w.ref("vpc_id", "aws_vpc", r.vpc, "id");
  w.tags(r.tags);
  w.close();
}

}  // namespace archc
