#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::SubnetNetworkAclAssociation& r, CfnWriter& w) {
  w.open(r.id, "AWS::EC2::SubnetNetworkAclAssociation");
  w.ref("SubnetId", r.subnet);
  w.ref("NetworkAclId", r.acl);
  w.close();
}

void emit(const aws::SubnetNetworkAclAssociation& r, TfWriter& w) {
  w.resource("aws_network_acl_association", r.id);
  w.ref("network_acl_id", "aws_network_acl", r.acl, "id");
  w.ref("subnet_id", "aws_subnet", r.subnet, "id");
  w.close();
}

}  // namespace archc
