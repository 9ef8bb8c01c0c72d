#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

// Every health check setting is written, defaults too: the Terraform
// provider's defaults are not AWS's, and both backends must check alike.

void emit(const aws::TargetGroup& r, CfnWriter& w) {
  const model::HealthCheck& hc = r.health_check;
  w.open(r.id, "AWS::ElasticLoadBalancingV2::TargetGroup");
  w.ref("VpcId", r.vpc);
  w.kv("TargetType", "instance");
  w.kv("Protocol", "HTTP");
  w.kv("Port", r.port);
  w.kv("HealthCheckProtocol", "HTTP");
  w.kv("HealthCheckPath", hc.path);
  w.kv("HealthCheckIntervalSeconds", hc.interval);
  w.kv("HealthCheckTimeoutSeconds", hc.timeout);
  w.kv("HealthyThresholdCount", hc.healthy_threshold);
  w.kv("UnhealthyThresholdCount", hc.unhealthy_threshold);
  w.key("Matcher");
  w.begin_map();
  w.kv("HttpCode", hc.success_codes);
  w.end_map();
  w.tags(r.tags);
  w.close();
}

void emit(const aws::TargetGroup& r, TfWriter& w) {
  const model::HealthCheck& hc = r.health_check;
  w.resource("aws_lb_target_group", r.id);
  w.ref("vpc_id", "aws_vpc", r.vpc, "id");
  w.kv("target_type", "instance");
  w.kv("protocol", "HTTP");
  w.kv("port", r.port);
  w.begin_block("health_check");
  w.kv("protocol", "HTTP");
  w.kv_literal("path", hc.path);
  w.kv("interval", hc.interval);
  w.kv("timeout", hc.timeout);
  w.kv("healthy_threshold", hc.healthy_threshold);
  w.kv("unhealthy_threshold", hc.unhealthy_threshold);
  w.kv("matcher", hc.success_codes);
  w.end_block();
  w.tags(r.tags);
  w.close();
}

}  // namespace archc
