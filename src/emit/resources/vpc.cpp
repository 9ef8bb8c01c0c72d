#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::Vpc& r, CfnWriter& w) {
  w.open(r.id, "AWS::EC2::VPC");
  w.kv("CidrBlock", r.cidr);
  w.kv("EnableDnsSupport", true);
  w.kv("EnableDnsHostnames", true);
  w.tags(r.tags);
  w.close();
}

void emit(const aws::Vpc& r, TfWriter& w) {
  w.resource("aws_vpc", r.id);
  w.kv("cidr_block", r.cidr);
  w.kv("enable_dns_support", true);
  w.kv("enable_dns_hostnames", true);
  w.tags(r.tags);
  w.close();
}

}  // namespace archc
