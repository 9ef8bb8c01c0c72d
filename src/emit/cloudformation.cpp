#include "emit/cloudformation.hpp"

#include <yaml-cpp/yaml.h>

#include "emit/yaml_scalar.hpp"

namespace archc {

namespace {

// Writes the template with yaml-cpp's emitter, in the lowered order, so the
// same stack always gives the same bytes. No anchors or aliases are made.
class CfnWriter {
 public:
  explicit CfnWriter(YAML::Emitter& y) : y_(y) {}

  void str(const std::string& s) { emit_string(y_, s); }
  void key(const char* k) { y_ << YAML::Key << k << YAML::Value; }
  void kv(const char* k, const std::string& v) {
    key(k);
    str(v);
  }
  void kv(const char* k, int v) { y_ << YAML::Key << k << YAML::Value << v; }
  void kv(const char* k, bool v) { y_ << YAML::Key << k << YAML::Value << (v ? "true" : "false"); }
  // CloudFormation types some numbers as strings (MinSize, ports in
  // redirects); they are written quoted.
  void kv_number_string(const char* k, int v) { kv(k, std::to_string(v)); }

  void ref(const char* k, const std::string& id) {
    key(k);
    ref_value(id);
  }
  void ref_value(const std::string& id) { y_ << YAML::BeginMap << YAML::Key << "Ref" << YAML::Value << id << YAML::EndMap; }
  // Long form: moto splits the short form's attribute on every dot.
  void get_att_value(const std::string& id, const char* attr) {
    y_ << YAML::BeginMap << YAML::Key << "Fn::GetAtt" << YAML::Value << YAML::Flow << YAML::BeginSeq << id << attr
       << YAML::EndSeq << YAML::EndMap;
  }
  void get_att(const char* k, const std::string& id, const char* attr) {
    key(k);
    get_att_value(id, attr);
  }
  void refs(const char* k, const aws::Ids& ids) {
    key(k);
    y_ << YAML::BeginSeq;
    for (const auto& id : ids) ref_value(id);
    y_ << YAML::EndSeq;
  }
  void group_ids(const char* k, const aws::Ids& ids) {
    key(k);
    y_ << YAML::BeginSeq;
    for (const auto& id : ids) get_att_value(id, "GroupId");
    y_ << YAML::EndSeq;
  }
  void tags(const aws::Tags& t, bool propagate = false) {
    key("Tags");
    y_ << YAML::BeginSeq;
    for (const auto& tag : t) {
      y_ << YAML::BeginMap;
      kv("Key", tag.key);
      kv("Value", tag.value);
      if (propagate) kv("PropagateAtLaunch", true);
      y_ << YAML::EndMap;
    }
    y_ << YAML::EndSeq;
  }

  // Opens `Id: {Type: T, [extra], Properties: {`; close() ends both maps.
  void open(const std::string& id, const char* type, const std::string& depends_on = {}) {
    y_ << YAML::Key << id << YAML::Value << YAML::BeginMap;
    kv("Type", std::string(type));
    if (!depends_on.empty()) kv("DependsOn", depends_on);
    key("Properties");
    y_ << YAML::BeginMap;
  }
  void close() { y_ << YAML::EndMap << YAML::EndMap; }

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
      y_ << YAML::BeginSeq << YAML::BeginMap;
      kv("CertificateArn", *r.certificate);
      y_ << YAML::EndMap << YAML::EndSeq;
    }
    key("DefaultActions");
    y_ << YAML::BeginSeq << YAML::BeginMap;
    if (r.redirect_port) {
      kv("Type", std::string("redirect"));
      key("RedirectConfig");
      y_ << YAML::BeginMap;
      kv("Protocol", std::string("HTTPS"));
      kv_number_string("Port", *r.redirect_port);
      kv("StatusCode", std::string("HTTP_301"));
      y_ << YAML::EndMap;
    } else {
      kv("Type", std::string("forward"));
      ref("TargetGroupArn", r.target_group);
    }
    y_ << YAML::EndMap << YAML::EndSeq;
    close();
  }
  void operator()(const aws::LaunchTemplate& r) {
    open(r.id, "AWS::EC2::LaunchTemplate");
    key("LaunchTemplateData");
    y_ << YAML::BeginMap;
    if (!r.image_parameter.empty()) ref("ImageId", r.image_parameter);
    else kv("ImageId", r.image_id);
    kv("InstanceType", r.instance_type);
    group_ids("SecurityGroupIds", {r.security_group});
    key("MetadataOptions");
    y_ << YAML::BeginMap;
    kv("HttpTokens", std::string("required"));  // IMDSv2 only
    y_ << YAML::EndMap;
    if (r.user_data) {
      key("UserData");
      y_ << YAML::BeginMap << YAML::Key << "Fn::Base64" << YAML::Value;
      str(*r.user_data);
      y_ << YAML::EndMap;
    }
    y_ << YAML::EndMap;
    key("TagSpecifications");
    y_ << YAML::BeginSeq << YAML::BeginMap;
    kv("ResourceType", std::string("launch-template"));
    tags(r.tags);
    y_ << YAML::EndMap << YAML::EndSeq;
    close();
  }
  void operator()(const aws::AutoScalingGroup& r) {
    open(r.id, "AWS::AutoScaling::AutoScalingGroup");
    key("LaunchTemplate");
    y_ << YAML::BeginMap;
    ref("LaunchTemplateId", r.launch_template);
    get_att("Version", r.launch_template, "LatestVersionNumber");
    y_ << YAML::EndMap;
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
    y_ << YAML::BeginMap;
    key("PredefinedMetricSpecification");
    y_ << YAML::BeginMap;
    kv("PredefinedMetricType", std::string("ASGAverageCPUUtilization"));
    y_ << YAML::EndMap;
    kv("TargetValue", r.target_cpu);
    y_ << YAML::EndMap;
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
    y_ << YAML::Key << r.id << YAML::Value << YAML::BeginMap;
    kv("Type", std::string("AWS::RDS::DBInstance"));
    if (!r.is_replica()) {
      // A database is kept as a snapshot when the stack deletes or replaces it.
      kv("DeletionPolicy", std::string("Snapshot"));
      kv("UpdateReplacePolicy", std::string("Snapshot"));
    }
    key("Properties");
    y_ << YAML::BeginMap;
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
  YAML::Emitter& y_;
};

}  // namespace

std::string emit_cloudformation(const aws::Stack& stack) {
  YAML::Emitter y;
  y.SetIndent(2);
  CfnWriter w(y);
  y << YAML::BeginMap;
  w.kv("AWSTemplateFormatVersion", std::string("2010-09-09"));
  w.kv("Description", "archc stack " + stack.name + " for " + stack.region);
  if (!stack.images.empty()) {
    w.key("Parameters");
    y << YAML::BeginMap;
    for (const auto& p : stack.images) {
      y << YAML::Key << p.id << YAML::Value << YAML::BeginMap;
      w.kv("Type", std::string("AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>"));
      w.kv("Default", p.ssm_path);
      y << YAML::EndMap;
    }
    y << YAML::EndMap;
  }
  w.key("Resources");
  y << YAML::BeginMap;
  for (const auto& r : stack.resources) std::visit(w, r);
  y << YAML::EndMap;
  if (!stack.outputs.empty()) {
    w.key("Outputs");
    y << YAML::BeginMap;
    for (const auto& o : stack.outputs) {
      y << YAML::Key << o.id << YAML::Value << YAML::BeginMap;
      w.kv("Description", o.description);
      w.key("Value");
      w.get_att_value(o.resource, o.kind == aws::Output::Kind::LoadBalancerDns ? "DNSName" : "Endpoint.Address");
      y << YAML::EndMap;
    }
    y << YAML::EndMap;
  }
  y << YAML::EndMap;
  std::string out = y.c_str();
  out += '\n';
  return out;
}

}  // namespace archc
