#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::Listener& r, CfnWriter& w) {
  w.open(r.id, "AWS::ElasticLoadBalancingV2::Listener");
  w.ref("LoadBalancerArn", r.load_balancer);
  w.kv("Port", r.port);
  w.kv("Protocol", r.certificate ? "HTTPS" : "HTTP");
  if (r.certificate) {
    w.key("Certificates");
    w.begin_seq();
    w.begin_map();
    w.kv("CertificateArn", *r.certificate);
    w.end_map();
    w.end_seq();
  }
  w.key("DefaultActions");
  w.begin_seq();
  w.begin_map();
  if (r.redirect_port) {
    w.kv("Type", "redirect");
    w.key("RedirectConfig");
    w.begin_map();
    w.kv("Protocol", "HTTPS");
    w.kv_number_string("Port", *r.redirect_port);
    w.kv("StatusCode", "HTTP_301");
    w.end_map();
  } else {
    w.kv("Type", "forward");
    w.ref("TargetGroupArn", r.target_group);
  }
  w.end_map();
  w.end_seq();
  w.close();
}

void emit(const aws::Listener& r, TfWriter& w) {
  w.resource("aws_lb_listener", r.id);
  w.ref("load_balancer_arn", "aws_lb", r.load_balancer, "arn");
  w.kv("port", r.port);
  w.kv("protocol", r.certificate ? "HTTPS" : "HTTP");
  if (r.certificate) w.kv_literal("certificate_arn", *r.certificate);
  w.begin_block("default_action");
  if (r.redirect_port) {
    w.kv("type", "redirect");
    w.begin_block("redirect");
    w.kv("protocol", "HTTPS");
    w.kv("port", std::to_string(*r.redirect_port));
    w.kv("status_code", "HTTP_301");
    w.end_block();
  } else {
    w.kv("type", "forward");
    w.ref("target_group_arn", "aws_lb_target_group", r.target_group, "arn");
  }
  w.end_block();
  w.close();
}

}  // namespace archc
