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
  Json health_check = {{"protocol", "HTTP"},
                       {"path", w.lit(hc.path)},
                       {"interval", hc.interval},
                       {"timeout", hc.timeout},
                       {"healthy_threshold", hc.healthy_threshold},
                       {"unhealthy_threshold", hc.unhealthy_threshold},
                       {"matcher", hc.success_codes}};
  w.resource("aws_lb_target_group", r.id) = {{"vpc_id", w.vpc(r.vpc)},
                                             {"target_type", "instance"},
                                             {"protocol", "HTTP"},
                                             {"port", r.port},
                                             {"health_check", Json::array({std::move(health_check)})},
                                             {"tags", w.tags(r.tags)}};
}

}  // namespace archc
