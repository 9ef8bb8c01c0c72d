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
  w.resource("aws_lb", r.id);
  w.kv("load_balancer_type", "application");
  w.kv("internal", !r.internet_facing);
  w.subnets("subnets", r.subnets);
  w.groups("security_groups", r.security_groups);
  w.tags(r.tags);
  w.depends_on(r.depends_on);
  w.close();
}

}  // namespace archc
