#include "emit/terraform.hpp"

#include <cctype>

#include <nlohmann/json.hpp>

#include "emit/base64.hpp"

namespace archc {

namespace {

// `RdsDbReplica1` → `rds<sep>db<sep>replica1`.
std::string lower_words(const std::string& logical_id, char sep) {
  std::string out;
  for (std::size_t i = 0; i < logical_id.size(); ++i) {
    const char c = logical_id[i];
    if (std::isupper(static_cast<unsigned char>(c))) {
      if (i > 0) out += sep;
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string terraform_name(const std::string& logical_id) { return lower_words(logical_id, '_'); }

std::string terraform_literal(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    // `${` and `%{` start template sequences; doubling the first character
    // makes them literal.
    if ((s[i] == '$' || s[i] == '%') && i + 1 < s.size() && s[i + 1] == '{') out += s[i];
  }
  return out;
}

namespace {

using Json = nlohmann::ordered_json;

// `object[key]` on an ordered_json searches the keys one by one, so adding n
// resources of one type that way is O(n^2): minutes for 100,000 subnets.
// Keys added here are unique (lowering makes logical ids unique, and
// terraform_name is one-to-one), so they are appended without the search.
Json& append(Json& object, std::string key) {
  if (object.is_null()) object = Json::object();
  auto& members = object.get_ref<Json::object_t&>();
  members.Container::emplace_back(std::move(key), nullptr);
  return members.back().second;
}

// Writes each resource under `resource.TYPE.NAME`, in the lowered order.
// References are Terraform expressions to the attribute a field means.
class TfWriter {
 public:
  explicit TfWriter(Json& root, const aws::Stack& stack) : root_(root), stack_(stack) {}

  static std::string ref(const char* type, const std::string& id, const char* attr) {
    return "${" + std::string(type) + "." + terraform_name(id) + "." + attr + "}";
  }
  static std::string vpc(const std::string& id) { return ref("aws_vpc", id, "id"); }
  static std::string subnet(const std::string& id) { return ref("aws_subnet", id, "id"); }
  static std::string group(const std::string& id) { return ref("aws_security_group", id, "id"); }
  static Json subnets(const aws::Ids& ids) {
    Json out = Json::array();
    for (const auto& id : ids) out.push_back(subnet(id));
    return out;
  }
  static Json groups(const aws::Ids& ids) {
    Json out = Json::array();
    for (const auto& id : ids) out.push_back(group(id));
    return out;
  }
  // The Name tag; the stack's tags come from the provider's default_tags.
  static Json tags(const aws::Tags& t) {
    Json out = Json::object();
    out[t.front().key] = terraform_literal(t.front().value);
    return out;
  }
  static std::string lit(const std::string& s) { return terraform_literal(s); }

  Json& add(const char* type, const std::string& id) { return append(root_["resource"][type], terraform_name(id)); }

  void operator()(const aws::Vpc& r) {
    add("aws_vpc", r.id) = {{"cidr_block", r.cidr}, {"enable_dns_support", true}, {"enable_dns_hostnames", true},
                            {"tags", tags(r.tags)}};
  }
  void operator()(const aws::InternetGateway& r) { add("aws_internet_gateway", r.id) = {{"tags", tags(r.tags)}}; }
  void operator()(const aws::GatewayAttachment& r) {
    add("aws_internet_gateway_attachment", r.id) = {
        {"internet_gateway_id", ref("aws_internet_gateway", r.gateway, "id")}, {"vpc_id", vpc(r.vpc)}};
  }
  void operator()(const aws::Subnet& r) {
    add("aws_subnet", r.id) = {{"vpc_id", vpc(r.vpc)},
                               {"cidr_block", r.cidr},
                               {"availability_zone", r.zone},
                               {"map_public_ip_on_launch", r.map_public_ip},
                               {"tags", tags(r.tags)}};
  }
  void operator()(const aws::RouteTable& r) {
    add("aws_route_table", r.id) = {{"vpc_id", vpc(r.vpc)}, {"tags", tags(r.tags)}};
  }
  void operator()(const aws::Route& r) {
    Json j = {{"route_table_id", ref("aws_route_table", r.route_table, "id")}, {"destination_cidr_block", "0.0.0.0/0"}};
    if (!r.gateway.empty()) j["gateway_id"] = ref("aws_internet_gateway", r.gateway, "id");
    else j["nat_gateway_id"] = ref("aws_nat_gateway", r.nat, "id");
    if (!r.depends_on.empty()) j["depends_on"] = {"aws_internet_gateway_attachment." + terraform_name(r.depends_on)};
    add("aws_route", r.id) = std::move(j);
  }
  void operator()(const aws::RouteTableAssociation& r) {
    add("aws_route_table_association", r.id) = {{"subnet_id", subnet(r.subnet)},
                                                {"route_table_id", ref("aws_route_table", r.route_table, "id")}};
  }
  void operator()(const aws::ElasticIp& r) {
    Json j = {{"domain", "vpc"}, {"tags", tags(r.tags)}};
    if (!r.depends_on.empty()) j["depends_on"] = {"aws_internet_gateway_attachment." + terraform_name(r.depends_on)};
    add("aws_eip", r.id) = std::move(j);
  }
  void operator()(const aws::NatGateway& r) {
    add("aws_nat_gateway", r.id) = {{"allocation_id", ref("aws_eip", r.eip, "allocation_id")},
                                    {"subnet_id", subnet(r.subnet)},
                                    {"tags", tags(r.tags)}};
  }
  void operator()(const aws::SecurityGroup& r) {
    add("aws_security_group", r.id) = {{"description", lit(r.description)}, {"vpc_id", vpc(r.vpc)}, {"tags", tags(r.tags)}};
    // Terraform removes the default allow-all egress AWS gives a new group
    // (CloudFormation keeps it): state it so both stacks match.
    add("aws_vpc_security_group_egress_rule", r.id + "EgressAll") = {
        {"security_group_id", group(r.id)}, {"ip_protocol", "-1"}, {"cidr_ipv4", "0.0.0.0/0"},
        {"description", "all outbound traffic (the AWS default)"}};
  }
  void operator()(const aws::IngressRule& r) {
    Json j = {{"security_group_id", group(r.group)}, {"ip_protocol", "tcp"}, {"from_port", r.from_port},
              {"to_port", r.to_port}};
    if (!r.cidr.empty()) j["cidr_ipv4"] = r.cidr;
    else j["referenced_security_group_id"] = group(r.source_group);
    j["description"] = lit(r.description);
    add("aws_vpc_security_group_ingress_rule", r.id) = std::move(j);
  }
  void operator()(const aws::LoadBalancer& r) {
    add("aws_lb", r.id) = {{"load_balancer_type", "application"}, {"internal", !r.internet_facing},
                           {"subnets", subnets(r.subnets)},       {"security_groups", groups(r.security_groups)},
                           {"tags", tags(r.tags)}};
  }
  void operator()(const aws::TargetGroup& r) {
    add("aws_lb_target_group", r.id) = {{"vpc_id", vpc(r.vpc)},
                                        {"target_type", "instance"},
                                        {"protocol", "HTTP"},
                                        {"port", r.port},
                                        {"health_check", Json::array({{{"protocol", "HTTP"}, {"path", lit(r.health_check_path)}}})},
                                        {"tags", tags(r.tags)}};
  }
  void operator()(const aws::Listener& r) {
    Json j = {{"load_balancer_arn", ref("aws_lb", r.load_balancer, "arn")}, {"port", r.port},
              {"protocol", r.certificate ? "HTTPS" : "HTTP"}};
    if (r.certificate) j["certificate_arn"] = lit(*r.certificate);
    if (r.redirect_port)
      j["default_action"] = Json::array({{{"type", "redirect"},
                                          {"redirect", Json::array({{{"protocol", "HTTPS"},
                                                                     {"port", std::to_string(*r.redirect_port)},
                                                                     {"status_code", "HTTP_301"}}})}}});
    else
      j["default_action"] = Json::array(
          {{{"type", "forward"}, {"target_group_arn", ref("aws_lb_target_group", r.target_group, "arn")}}});
    add("aws_lb_listener", r.id) = std::move(j);
  }
  void operator()(const aws::LaunchTemplate& r) {
    Json j;
    j["image_id"] = r.image_parameter.empty()
                        ? r.image_id
                        : "${data.aws_ssm_parameter." + terraform_name(r.image_parameter) + ".insecure_value}";
    j["instance_type"] = lit(r.instance_type);
    j["vpc_security_group_ids"] = groups({r.security_group});
    j["metadata_options"] = Json::array({{{"http_tokens", "required"}}});
    // Launch templates take base64 user data; encoding it here keeps the
    // script free of Terraform's template syntax.
    if (r.user_data) j["user_data"] = base64_encode(*r.user_data);
    j["tags"] = tags(r.tags);
    add("aws_launch_template", r.id) = std::move(j);
  }
  void operator()(const aws::AutoScalingGroup& r) {
    Json j = {{"min_size", r.min}, {"max_size", r.max}, {"desired_capacity", r.desired},
              {"vpc_zone_identifier", subnets(r.subnets)},
              {"launch_template", Json::array({{{"id", ref("aws_launch_template", r.launch_template, "id")},
                                                {"version", ref("aws_launch_template", r.launch_template, "latest_version")}}})}};
    if (!r.target_groups.empty()) {
      Json arns = Json::array();
      for (const auto& tg : r.target_groups) arns.push_back(ref("aws_lb_target_group", tg, "arn"));
      j["target_group_arns"] = std::move(arns);
      j["health_check_type"] = "ELB";
      j["health_check_grace_period"] = r.health_check_grace;
    }
    // Auto scaling groups do not take the provider's default tags.
    Json tag_blocks = Json::array();
    for (const auto& t : r.tags)
      tag_blocks.push_back({{"key", lit(t.key)}, {"value", lit(t.value)}, {"propagate_at_launch", true}});
    j["tag"] = std::move(tag_blocks);
    add("aws_autoscaling_group", r.id) = std::move(j);
  }
  void operator()(const aws::ScalingPolicy& r) {
    add("aws_autoscaling_policy", r.id) = {
        {"name", terraform_name(r.id)},
        {"autoscaling_group_name", ref("aws_autoscaling_group", r.group, "name")},
        {"policy_type", "TargetTrackingScaling"},
        {"target_tracking_configuration",
         Json::array({{{"predefined_metric_specification",
                        Json::array({{{"predefined_metric_type", "ASGAverageCPUUtilization"}}})},
                       {"target_value", r.target_cpu}}})}};
  }
  void operator()(const aws::DbSubnetGroup& r) {
    add("aws_db_subnet_group", r.id) = {{"description", lit(r.description)}, {"subnet_ids", subnets(r.subnets)},
                                        {"tags", tags(r.tags)}};
  }
  void operator()(const aws::DbInstance& r) {
    Json j = {{"engine", r.engine}};
    if (r.engine_version) j["engine_version"] = lit(*r.engine_version);
    j["instance_class"] = lit(r.instance_class);
    j["vpc_security_group_ids"] = groups({r.security_group});
    j["publicly_accessible"] = false;
    if (r.is_replica()) {
      j["replicate_source_db"] = ref("aws_db_instance", r.replica_of, "identifier");
      j["skip_final_snapshot"] = true;
    } else {
      j["allocated_storage"] = r.storage;
      j["storage_encrypted"] = true;
      j["multi_az"] = r.multi_az;
      j["db_subnet_group_name"] = ref("aws_db_subnet_group", r.subnet_group, "name");
      j["username"] = r.master_username;
      j["manage_master_user_password"] = true;  // the password lives in Secrets Manager only
      if (r.database) j["db_name"] = *r.database;
      j["backup_retention_period"] = r.backup_retention;
      // Kept as a snapshot when destroyed, like the CloudFormation stack.
      // Snapshot identifiers take letters, digits and hyphens only.
      j["skip_final_snapshot"] = false;
      j["final_snapshot_identifier"] = stack_.name + "-" + lower_words(r.id, '-') + "-final";
    }
    j["tags"] = tags(r.tags);
    add("aws_db_instance", r.id) = std::move(j);
  }

 private:
  Json& root_;
  const aws::Stack& stack_;
};

}  // namespace

std::string emit_terraform(const aws::Stack& stack) {
  Json root;
  root["terraform"] = {{"required_providers", {{"aws", {{"source", "hashicorp/aws"}, {"version", "~> 6.0"}}}}}};
  Json provider = {{"region", stack.region}};
  if (!stack.tags.empty()) {
    // The stack's tags reach every taggable resource; Name is set per resource.
    Json default_tags = Json::object();
    for (const auto& t : stack.tags) default_tags[t.key] = terraform_literal(t.value);
    provider["default_tags"] = Json::array({{{"tags", default_tags}}});
  }
  root["provider"] = {{"aws", Json::array({provider})}};
  for (const auto& p : stack.images)
    append(root["data"]["aws_ssm_parameter"], terraform_name(p.id)) = {{"name", p.ssm_path}};
  TfWriter w(root, stack);
  for (const auto& r : stack.resources) std::visit(w, r);
  for (const auto& o : stack.outputs) {
    const bool lb = o.kind == aws::Output::Kind::LoadBalancerDns;
    append(root["output"], terraform_name(o.id)) = {
        {"description", terraform_literal(o.description)},
        {"value", lb ? TfWriter::ref("aws_lb", o.resource, "dns_name") : TfWriter::ref("aws_db_instance", o.resource, "address")}};
  }
  return root.dump(2) + "\n";
}

}  // namespace archc
