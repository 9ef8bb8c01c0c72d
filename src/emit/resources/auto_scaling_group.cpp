#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::AutoScalingGroup& r, CfnWriter& w) {
  w.open(r.id, "AWS::AutoScaling::AutoScalingGroup", r.depends_on);
  w.key("LaunchTemplate");
  w.begin_map();
  w.ref("LaunchTemplateId", r.launch_template);
  w.get_att("Version", r.launch_template, "LatestVersionNumber");
  w.end_map();
  w.kv_number_string("MinSize", r.min);
  w.kv_number_string("MaxSize", r.max);
  w.kv_number_string("DesiredCapacity", r.desired);
  w.refs("VPCZoneIdentifier", r.subnets);
  if (!r.target_groups.empty()) {
    w.refs("TargetGroupARNs", r.target_groups);
    w.kv("HealthCheckType", "ELB");
    w.kv("HealthCheckGracePeriod", r.health_check_grace);
  }
  w.tags(r.tags, true);
  w.close();
}

void emit(const aws::AutoScalingGroup& r, TfWriter& w) {
  w.resource("aws_autoscaling_group", r.id);
  w.kv("min_size", r.min);
  w.kv("max_size", r.max);
  w.kv("desired_capacity", r.desired);
  w.subnets("vpc_zone_identifier", r.subnets);
  w.begin_block("launch_template");
  w.ref("id", "aws_launch_template", r.launch_template, "id");
  w.ref("version", "aws_launch_template", r.launch_template, "latest_version");
  w.end_block();
  if (!r.target_groups.empty()) {
    w.key("target_group_arns");
    w.begin_array();
    for (const auto& tg : r.target_groups) w.ref_value("aws_lb_target_group", tg, "arn");
    w.end_array();
    w.kv("health_check_type", "ELB");
    w.kv("health_check_grace_period", r.health_check_grace);
  }
  // Auto scaling groups do not take the provider's default tags.
  w.key("tag");
  w.begin_array();
  for (const auto& t : r.tags) {
    w.begin_object();
    w.kv_literal("key", t.key);
    w.kv_literal("value", t.value);
    w.kv("propagate_at_launch", true);
    w.end_object();
  }
  w.end_array();
  w.depends_on(r.depends_on);
  w.close();
}

}  // namespace archc
