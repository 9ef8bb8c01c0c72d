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
  Json j = {{"min_size", r.min},
            {"max_size", r.max},
            {"desired_capacity", r.desired},
            {"vpc_zone_identifier", w.subnets(r.subnets)},
            {"launch_template",
             Json::array({{{"id", w.ref("aws_launch_template", r.launch_template, "id")},
                           {"version", w.ref("aws_launch_template", r.launch_template, "latest_version")}}})}};
  if (!r.target_groups.empty()) {
    Json arns = Json::array();
    for (const auto& tg : r.target_groups) arns.push_back(w.ref("aws_lb_target_group", tg, "arn"));
    j["target_group_arns"] = std::move(arns);
    j["health_check_type"] = "ELB";
    j["health_check_grace_period"] = r.health_check_grace;
  }
  // Auto scaling groups do not take the provider's default tags.
  Json tag_blocks = Json::array();
  for (const auto& t : r.tags)
    tag_blocks.push_back({{"key", w.lit(t.key)}, {"value", w.lit(t.value)}, {"propagate_at_launch", true}});
  j["tag"] = std::move(tag_blocks);
  if (!r.depends_on.empty()) j["depends_on"] = w.depends_on(r.depends_on);
  w.resource("aws_autoscaling_group", r.id) = std::move(j);
}

}  // namespace archc
