#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::ElasticIp& r, CfnWriter& w) {
  w.open(r.id, "AWS::EC2::EIP", r.depends_on);
  w.kv("Domain", "vpc");
  if (!r.instance.empty()) w.ref("InstanceId", r.instance);
  w.tags(r.tags);
  w.close();
}

void emit(const aws::ElasticIp& r, TfWriter& w) {
  w.resource("aws_eip", r.id);
  w.kv("domain", "vpc");
  if (!r.instance.empty()) w.ref("instance", "aws_instance", r.instance, "id");
  w.tags(r.tags);
  w.depends_on(r.depends_on);
  w.close();
}

}  // namespace archc
