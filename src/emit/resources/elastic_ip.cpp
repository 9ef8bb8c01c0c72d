#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::ElasticIp& r, CfnWriter& w) {
  w.open(r.id, "AWS::EC2::EIP", r.depends_on);
  w.kv("Domain", "vpc");
  w.tags(r.tags);
  w.close();
}

void emit(const aws::ElasticIp& r, TfWriter& w) {
  Json j = {{"domain", "vpc"}, {"tags", w.tags(r.tags)}};
  if (!r.depends_on.empty()) j["depends_on"] = w.depends_on(r.depends_on);
  w.resource("aws_eip", r.id) = std::move(j);
}

}  // namespace archc
