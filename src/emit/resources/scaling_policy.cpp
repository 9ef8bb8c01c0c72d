#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::ScalingPolicy& r, CfnWriter& w) {
  w.open(r.id, "AWS::AutoScaling::ScalingPolicy");
  w.ref("AutoScalingGroupName", r.group);
  w.kv("PolicyType", "TargetTrackingScaling");
  w.key("TargetTrackingConfiguration");
  w.begin_map();
  w.key("PredefinedMetricSpecification");
  w.begin_map();
  w.kv("PredefinedMetricType", "ASGAverageCPUUtilization");
  w.end_map();
  w.kv("TargetValue", r.target_cpu);
  w.end_map();
  w.close();
}

void emit(const aws::ScalingPolicy& r, TfWriter& w) {
  w.resource("aws_autoscaling_policy", r.id) = {
      {"name", terraform_name(r.id)},
      {"autoscaling_group_name", w.ref("aws_autoscaling_group", r.group, "name")},
      {"policy_type", "TargetTrackingScaling"},
      {"target_tracking_configuration",
       Json::array({{{"predefined_metric_specification",
                      Json::array({{{"predefined_metric_type", "ASGAverageCPUUtilization"}}})},
                     {"target_value", r.target_cpu}}})}};
}

}  // namespace archc
