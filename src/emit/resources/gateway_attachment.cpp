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
  w.resource("aws_internet_gateway_attachment", r.id) = {
      {"internet_gateway_id", w.ref("aws_internet_gateway", r.gateway, "id")}, {"vpc_id", w.vpc(r.vpc)}};
}

}  // namespace archc
