#include "emit/cloudformation.hpp"

#include "emit/yaml_writer.hpp"

namespace archc {

namespace {

// Writes the template in the lowered order, so the same stack always gives
// the same bytes. No anchors or aliases are made.
class CfnWriter {
 public:
  explicit CfnWriter(YamlWriter& y) : y_(y) {}

  void str(const std::string& s) { y_.string(s); }
  void key(std::string_view k) { y_.key(k); }
  void kv(const char* k, const std::string& v) {
    key(k);
    str(v);
  }
  void kv(const char* k, int v) {
    key(k);
    y_.integer(v);
  }
  void kv(const char* k, bool v) {
    key(k);
    y_.boolean(v);
  }
  // CloudFormation types some numbers as strings (MinSize, ports in
  // redirects); they are written quoted.
  void kv_number_string(const char* k, int v) { kv(k, std::to_string(v)); }

  void ref(const char* k, const std::string& id) {
    key(k);
    ref_value(id);
  }
  void ref_value(const std::string& id) {
    y_.begin_map();
    kv("Ref", id);
    y_.end_map();
  }
  // Long form: moto splits the short form's attribute on every dot.
  void get_att_value(const std::string& id, const char* attr) {
    y_.begin_map();
    key("Fn::GetAtt");
    y_.flow_seq({id, attr});
    y_.end_map();
  }
  void get_att(const char* k, const std::string& id, const char* attr) {
    key(k);
    get_att_value(id, attr);
  }
  void refs(const char* k, const aws::Ids& ids) {
    key(k);
    y_.begin_seq();
    for (const auto& id : ids) ref_value(id);
    y_.end_seq();
  }
  void group_ids(const char* k, const aws::Ids& ids) {
    key(k);
    y_.begin_seq();
    for (const auto& id : ids) get_att_value(id, "GroupId");
    y_.end_seq();
  }
  void tags(const aws::Tags& t, bool propagate = false) {
    key("Tags");
    y_.begin_seq();
    for (const auto& tag : t) {
      y_.begin_map();
      kv("Key", tag.key);
      kv("Value", tag.value);
      if (propagate) kv("PropagateAtLaunch", true);
      y_.end_map();
    }
    y_.end_seq();
  }

  // Opens `Id: {Type: T, [extra], Properties: {`; close() ends both maps.
  void open(const std::string& id, const char* type, const std::string& depends_on = {}) {
    key(id);
    y_.begin_map();
    kv("Type", std::string(type));
    if (!depends_on.empty()) kv("DependsOn", depends_on);
    key("Properties");
    y_.begin_map();
  }
  void close() {
    y_.end_map();
    y_.end_map();
  }

  void operator()(const aws::Vpc& r) {
    open(r.id, "AWS::EC2::VPC");
    kv("CidrBlock", r.cidr);
    kv("EnableDnsSupport", true);
    kv("EnableDnsHostnames", true);
    tags(r.tags);
    close();
  }
  void operator()(const aws::InternetGateway& r) {
    open(r.id, "AWS::EC2::InternetGateway");
    tags(r.tags);
    close();
  }
  void operator()(const aws::GatewayAttachment& r) {
    open(r.id, "AWS::EC2::VPCGatewayAttachment");
    ref("VpcId", r.vpc);
    ref("InternetGatewayId", r.gateway);
    close();
  }
  void operator()(const aws::Subnet& r) {
    open(r.id, "AWS::EC2::Subnet");
    ref("VpcId", r.vpc);
    kv("CidrBlock", r.cidr);
    kv("AvailabilityZone", r.zone);
    kv("MapPublicIpOnLaunch", r.map_public_ip);
    tags(r.tags);
    close();
  }
  void operator()(const aws::RouteTable& r) {
    open(r.id, "AWS::EC2::RouteTable");
    ref("VpcId", r.vpc);
    tags(r.tags);
    close();
  }
  void operator()(const aws::Route& r) {
    open(r.id, "AWS::EC2::Route", r.depends_on);
    ref("RouteTableId", r.route_table);
    kv("DestinationCidrBlock", std::string("0.0.0.0/0"));
    if (!r.gateway.empty()) ref("GatewayId", r.gateway);
    else ref("NatGatewayId", r.nat);
    close();
  }
  void operator()(const aws::RouteTableAssociation& r) {
    open(r.id, "AWS::EC2::SubnetRouteTableAssociation");
    ref("SubnetId", r.subnet);
    ref("RouteTableId", r.route_table);
    close();
  }
  void operator()(const aws::ElasticIp& r) {
    open(r.id, "AWS::EC2::EIP", r.depends_on);
    kv("Domain", std::string("vpc"));
    tags(r.tags);
    close();
  }
  void operator()(const aws::NatGateway& r) {
    open(r.id, "AWS::EC2::NatGateway");
    get_att("AllocationId", r.eip, "AllocationId");
    ref("SubnetId", r.subnet);
    tags(r.tags);
    close();
  }
  void operator()(const aws::SecurityGroup& r) {
    open(r.id, "AWS::EC2::SecurityGroup");
    kv("GroupDescription", r.description);
    ref("VpcId", r.vpc);
    tags(r.tags);
    close();
  }
  void operator()(const aws::IngressRule& r) {
    open(r.id, "AWS::EC2::SecurityGroupIngress");
    get_att("GroupId", r.group, "GroupId");
    kv("IpProtocol", std::string("tcp"));
    kv("FromPort", r.from_port);
    kv("ToPort", r.to_port);
    if (!r.cidr.empty()) kv("CidrIp", r.cidr);
    else get_att("SourceSecurityGroupId", r.source_group, "GroupId");
    kv("Description", r.description);
    close();
  }
  void operator()(const aws::LoadBalancer& r) {
    open(r.id, "AWS::ElasticLoadBalancingV2::LoadBalancer");
    kv("Type", std::string("application"));
    kv("Scheme", std::string(r.internet_facing ? "internet-facing" : "internal"));
    refs("Subnets", r.subnets);
    group_ids("SecurityGroups", r.security_groups);
    tags(r.tags);
    close();
  }
  void operator()(const aws::TargetGroup& r) {
    open(r.id, "AWS::ElasticLoadBalancingV2::TargetGroup");
    ref("VpcId", r.vpc);
    kv("TargetType", std::string("instance"));
    kv("Protocol", std::string("HTTP"));
    kv("Port", r.port);
    kv("HealthCheckProtocol", std::string("HTTP"));
    kv("HealthCheckPath", r.health_check_path);
    tags(r.tags);
    close();
  }
  void operator()(const aws::Listener& r) {
    open(r.id, "AWS::ElasticLoadBalancingV2::Listener");
    ref("LoadBalancerArn", r.load_balancer);
    kv("Port", r.port);
    kv("Protocol", std::string(r.certificate ? "HTTPS" : "HTTP"));
    if (r.certificate) {
      key("Certificates");
      y_.begin_seq();
      y_.begin_map();
      kv("CertificateArn", *r.certificate);
      y_.end_map();
      y_.end_seq();
    }
    key("DefaultActions");
    y_.begin_seq();
    y_.begin_map();
    if (r.redirect_port) {
      kv("Type", std::string("redirect"));
      key("RedirectConfig");
      y_.begin_map();
      kv("Protocol", std::string("HTTPS"));
      kv_number_string("Port", *r.redirect_port);
      kv("StatusCode", std::string("HTTP_301"));
      y_.end_map();
    } else {
      kv("Type", std::string("forward"));
      ref("TargetGroupArn", r.target_group);
    }
    y_.end_map();
    y_.end_seq();
    close();
  }
  void operator()(const aws::LaunchTemplate& r) {
    open(r.id, "AWS::EC2::LaunchTemplate");
    key("LaunchTemplateData");
    y_.begin_map();
    if (!r.image_parameter.empty()) ref("ImageId", r.image_parameter);
    else kv("ImageId", r.image_id);
    kv("InstanceType", r.instance_type);
    group_ids("SecurityGroupIds", {r.security_group});
    key("MetadataOptions");
    y_.begin_map();
    kv("HttpTokens", std::string("required"));  // IMDSv2 only
    y_.end_map();
    if (r.user_data) {
      key("UserData");
      y_.begin_map();
      key("Fn::Base64");
      str(*r.user_data);
      y_.end_map();
    }
    y_.end_map();
    key("TagSpecifications");
    y_.begin_seq();
    y_.begin_map();
    kv("ResourceType", std::string("launch-template"));
    tags(r.tags);
    y_.end_map();
    y_.end_seq();
    close();
  }
  void operator()(const aws::AutoScalingGroup& r) {
    open(r.id, "AWS::AutoScaling::AutoScalingGroup");
    key("LaunchTemplate");
    y_.begin_map();
    ref("LaunchTemplateId", r.launch_template);
    get_att("Version", r.launch_template, "LatestVersionNumber");
    y_.end_map();
    kv_number_string("MinSize", r.min);
    kv_number_string("MaxSize", r.max);
    kv_number_string("DesiredCapacity", r.desired);
    refs("VPCZoneIdentifier", r.subnets);
    if (!r.target_groups.empty()) {
      refs("TargetGroupARNs", r.target_groups);
      kv("HealthCheckType", std::string("ELB"));
      kv("HealthCheckGracePeriod", r.health_check_grace);
    }
    tags(r.tags, true);
    close();
  }
  void operator()(const aws::ScalingPolicy& r) {
    open(r.id, "AWS::AutoScaling::ScalingPolicy");
    ref("AutoScalingGroupName", r.group);
    kv("PolicyType", std::string("TargetTrackingScaling"));
    key("TargetTrackingConfiguration");
    y_.begin_map();
    key("PredefinedMetricSpecification");
    y_.begin_map();
    kv("PredefinedMetricType", std::string("ASGAverageCPUUtilization"));
    y_.end_map();
    kv("TargetValue", r.target_cpu);
    y_.end_map();
    close();
  }
  void operator()(const aws::DbSubnetGroup& r) {
    open(r.id, "AWS::RDS::DBSubnetGroup");
    kv("DBSubnetGroupDescription", r.description);
    refs("SubnetIds", r.subnets);
    tags(r.tags);
    close();
  }
  void operator()(const aws::DbInstance& r) {
    key(r.id);
    y_.begin_map();
    kv("Type", std::string("AWS::RDS::DBInstance"));
    if (!r.is_replica()) {
      // A database is kept as a snapshot when the stack deletes or replaces it.
      kv("DeletionPolicy", std::string("Snapshot"));
      kv("UpdateReplacePolicy", std::string("Snapshot"));
    }
    key("Properties");
    y_.begin_map();
    kv("Engine", r.engine);
    if (r.engine_version) kv("EngineVersion", *r.engine_version);
    kv("DBInstanceClass", r.instance_class);
    group_ids("VPCSecurityGroups", {r.security_group});
    kv("PubliclyAccessible", false);
    if (r.is_replica()) {
      ref("SourceDBInstanceIdentifier", r.replica_of);
    } else {
      kv_number_string("AllocatedStorage", r.storage);
      kv("StorageEncrypted", true);
      kv("MultiAZ", r.multi_az);
      ref("DBSubnetGroupName", r.subnet_group);
      kv("MasterUsername", r.master_username);
      kv("ManageMasterUserPassword", true);  // the password lives in Secrets Manager only
      if (r.database) kv("DBName", *r.database);
      kv("BackupRetentionPeriod", r.backup_retention);
    }
    tags(r.tags);
    close();
  }

 private:
  YamlWriter& y_;
};

}  // namespace

std::string emit_cloudformation(const aws::Stack& stack) {
  YamlWriter y;
  CfnWriter w(y);
  y.begin_map();
  w.kv("AWSTemplateFormatVersion", std::string("2010-09-09"));
  w.kv("Description", "archc stack " + stack.name + " for " + stack.region);
  if (!stack.images.empty()) {
    w.key("Parameters");
    y.begin_map();
    for (const auto& p : stack.images) {
      w.key(p.id);
      y.begin_map();
      w.kv("Type", std::string("AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>"));
      w.kv("Default", p.ssm_path);
      y.end_map();
    }
    y.end_map();
  }
  w.key("Resources");
  y.begin_map();
  for (const auto& r : stack.resources) std::visit(w, r);
  y.end_map();
  if (!stack.outputs.empty()) {
    w.key("Outputs");
    y.begin_map();
    for (const auto& o : stack.outputs) {
      w.key(o.id);
      y.begin_map();
      w.kv("Description", o.description);
      w.key("Value");
      w.get_att_value(o.resource, o.kind == aws::Output::Kind::LoadBalancerDns ? "DNSName" : "Endpoint.Address");
      y.end_map();
    }
    y.end_map();
  }
  y.end_map();
  return y.finish();
}

}  // namespace archc
