#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::Subnet& r, CfnWriter& w) {
  w.open(r.id, "AWS::EC2::Subnet");
  w.ref("VpcId", r.vpc);
  w.kv("CidrBlock", r.cidr);
  w.kv("AvailabilityZone", r.zone);
  w.kv("MapPublicIpOnLaunch", r.map_public_ip);
  w.tags(r.tags);
  w.close();
}

void emit(const aws::Subnet& r, TfWriter& w) {
  w.resource("aws_subnet", r.id);
  w.ref("vpc_id", "aws_vpc", r.vpc, "id");
  w.kv("cidr_block", r.cidr);
  w.kv("availability_zone", r.zone);
  w.kv("map_public_ip_on_launch", r.map_public_ip);
  w.tags(r.tags);
  w.close();
}

}  // namespace archc
