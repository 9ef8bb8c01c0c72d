#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::GatewayAttachment& r, CfnWriter& w) {
  w.open(r.id, "AWS::EC2::VPCGatewayAttachment");
  w.ref("VpcId", r.vpc);
  w.ref("InternetGatewayId", r.gateway);
  w.close();
}

void emit(const aws::GatewayAttachment& r, TfWriter& w) {
  w.resource("aws_internet_gateway_attachment", r.id);
  w.ref("internet_gateway_id", "aws_internet_gateway", r.gateway, "id");
  w.ref("vpc_id", "aws_vpc", r.vpc, "id");
  w.close();
}

}  // namespace archc
