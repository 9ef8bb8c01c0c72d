#include "emit/base64.hpp"
#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::LaunchTemplate& r, CfnWriter& w) {
  w.open(r.id, "AWS::EC2::LaunchTemplate");
  w.key("LaunchTemplateData");
  w.begin_map();
  if (!r.image_parameter.empty()) w.ref("ImageId", r.image_parameter);
  else w.kv("ImageId", r.image_id);
  w.kv("InstanceType", r.instance_type);
  w.group_ids("SecurityGroupIds", {r.security_group});
  w.key("MetadataOptions");
  w.begin_map();
  w.kv("HttpTokens", "required");  // IMDSv2 only
  w.end_map();
  if (r.user_data) w.base64("UserData", *r.user_data);
  if (r.instance_profile) {
    w.key("IamInstanceProfile");
    w.begin_map();
    w.get_att("Arn", *r.instance_profile, "Arn");
    w.end_map();
  }
  w.end_map();
  w.key("TagSpecifications");
  w.begin_seq();
  w.begin_map();
  w.kv("ResourceType", "launch-template");
  w.tags(r.tags);
  w.end_map();
  w.end_seq();
  w.close();
}

void emit(const aws::LaunchTemplate& r, TfWriter& w) {
  w.resource("aws_launch_template", r.id);
  if (r.image_parameter.empty()) w.kv("image_id", r.image_id);
  else w.ref("image_id", "data.aws_ssm_parameter", r.image_parameter, "insecure_value");
  w.kv_literal("instance_type", r.instance_type);
  w.groups("vpc_security_group_ids", {r.security_group});
  w.begin_block("metadata_options");
  w.kv("http_tokens", "required");
  w.end_block();
  // Launch templates take base64 user data; encoding it here keeps the
  // script free of Terraform's template syntax.
  if (r.user_data) w.kv("user_data", base64_encode(*r.user_data));
  if (r.instance_profile) {
    w.begin_block("iam_instance_profile");
    w.ref("arn", "aws_iam_instance_profile", *r.instance_profile, "arn");
    w.end_block();
  }
  w.tags(r.tags);
  w.close();
}

}  // namespace archc
