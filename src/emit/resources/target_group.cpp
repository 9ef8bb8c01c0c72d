#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::TargetGroup& r, CfnWriter& w) {
  w.open(r.id, "AWS::ElasticLoadBalancingV2::TargetGroup");
  w.ref("VpcId", r.vpc);
  w.kv("TargetType", "instance");
  w.kv("Protocol", "HTTP");
  w.kv("Port", r.port);
  w.kv("HealthCheckProtocol", "HTTP");
  w.kv("HealthCheckPath", r.health_check_path);
  w.tags(r.tags);
  w.close();
}

void emit(const aws::TargetGroup& r, TfWriter& w) {
  w.resource("aws_lb_target_group", r.id) = {
      {"vpc_id", w.vpc(r.vpc)},
      {"target_type", "instance"},
      {"protocol", "HTTP"},
      {"port", r.port},
      {"health_check", Json::array({{{"protocol", "HTTP"}, {"path", w.lit(r.health_check_path)}}})},
      {"tags", w.tags(r.tags)}};
}

}  // namespace archc
