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
  w.resource("aws_autoscaling_policy", r.id);
  w.kv("name", terraform_name(r.id));
  w.ref("autoscaling_group_name", "aws_autoscaling_group", r.group, "name");
  w.kv("policy_type", "TargetTrackingScaling");
  w.begin_block("target_tracking_configuration");
  w.begin_block("predefined_metric_specification");
  w.kv("predefined_metric_type", "ASGAverageCPUUtilization");
  w.end_block();
  w.kv("target_value", r.target_cpu);
  w.end_block();
  w.close();
}

}  // namespace archc
