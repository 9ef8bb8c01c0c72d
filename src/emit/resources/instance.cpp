#include "emit/base64.hpp"
#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::Instance& r, CfnWriter& w) {
  w.open(r.id, "AWS::EC2::Instance", r.depends_on);
  if (!r.image_parameter.empty()) w.ref("ImageId", r.image_parameter);
  else w.kv("ImageId", r.image_id);
  w.kv("InstanceType", r.instance_type);
  w.ref("SubnetId", r.subnet);
  w.group_ids("SecurityGroupIds", {r.security_group});
  if (r.key_name) w.kv("KeyName", *r.key_name);
  w.kv("SourceDestCheck", r.source_dest_check);
  w.key("MetadataOptions");
  w.begin_map();
  w.kv("HttpTokens", "required");  // IMDSv2 only, as launch templates
  w.end_map();
  if (r.root_volume) {
    w.key("BlockDeviceMappings");
    w.begin_seq();
    w.begin_map();
    w.kv("DeviceName", r.root_device);
    w.key("Ebs");
    w.begin_map();
    w.kv("VolumeSize", *r.root_volume);
    w.kv("VolumeType", "gp3");
    w.kv("Encrypted", true);
    w.end_map();
    w.end_map();
    w.end_seq();
  }
  if (r.user_data) w.base64("UserData", *r.user_data);
  if (r.instance_profile) w.ref("IamInstanceProfile", *r.instance_profile);
  w.tags(r.tags);
  w.close();
}

void emit(const aws::Instance& r, TfWriter& w) {
  w.resource("aws_instance", r.id);
  if (r.image_parameter.empty()) w.kv("ami", r.image_id);
  else w.ref("ami", "data.aws_ssm_parameter", r.image_parameter, "insecure_value");
  w.kv_literal("instance_type", r.instance_type);
  w.ref("subnet_id", "aws_subnet", r.subnet, "id");
  w.groups("vpc_security_group_ids", {r.security_group});
  if (r.key_name) w.kv_literal("key_name", *r.key_name);
  w.kv("source_dest_check", r.source_dest_check);
  w.begin_block("metadata_options");
  w.kv("http_tokens", "required");
  w.end_block();
  if (r.root_volume) {
    // The root device's name is the image's: Terraform finds it itself.
    w.begin_block("root_block_device");
    w.kv("volume_size", *r.root_volume);
    w.kv("volume_type", "gp3");
    w.kv("encrypted", true);
    w.end_block();
  }
  // Base64 here, as for launch templates: the script stays free of
  // Terraform's template syntax.
  if (r.user_data) w.kv("user_data_base64", base64_encode(*r.user_data));
  if (r.instance_profile) w.ref("iam_instance_profile", "aws_iam_instance_profile", *r.instance_profile, "name");
  w.tags(r.tags);
  w.depends_on(r.depends_on);
  w.close();
}

}  // namespace archc
