#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::ImageParameter& p, CfnWriter& w) {
  w.key(p.id);
  w.begin_map();
  w.kv("Type", "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>");
  w.kv("Default", p.ssm_path);
  w.end_map();
}

void emit(const aws::ImageParameter& p, TfWriter& w) {
  w.data("aws_ssm_parameter", p.id);
  w.kv("name", p.ssm_path);
  w.close();
}

}  // namespace archc
