#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::LoadBalancer& r, CfnWriter& w) {
  w.open(r.id, "AWS::ElasticLoadBalancingV2::LoadBalancer", r.depends_on);
  w.kv("Type", "application");
  w.kv("Scheme", r.internet_facing ? "internet-facing" : "internal");
  w.refs("Subnets", r.subnets);
  w.group_ids("SecurityGroups", r.security_groups);
  w.tags(r.tags);
  w.close();
}

void emit(const aws::LoadBalancer& r, TfWriter& w) {
  Json j = {{"load_balancer_type", "application"},
            {"internal", !r.internet_facing},
            {"subnets", w.subnets(r.subnets)},
            {"security_groups", w.groups(r.security_groups)},
            {"tags", w.tags(r.tags)}};
  if (!r.depends_on.empty()) j["depends_on"] = w.depends_on(r.depends_on);
  w.resource("aws_lb", r.id) = std::move(j);
}

}  // namespace archc
