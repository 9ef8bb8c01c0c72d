#include "diff/properties.hpp"

#include <fmt/format.h>

namespace archc::diff {

namespace {

std::string list(const aws::Ids& ids) { return fmt::format("[{}]", fmt::join(ids, ", ")); }

std::vector<std::string> tags(const aws::Tags& tags) {
  std::vector<std::string> pairs;
  for (const auto& t : tags) pairs.push_back(t.key + "=" + t.value);
  return pairs;
}

std::string flag(bool b) { return b ? "true" : "false"; }

// Adds properties in order; optional ones only when present.
struct Builder {
  ResourceView v;
  Builder& add(std::string name, std::string value) {
    v.properties.push_back({std::move(name), std::move(value), false, {}});
    return *this;
  }
  Builder& add(std::string name, std::vector<std::string> items) {
    v.properties.push_back({std::move(name), list(items), true, std::move(items)});
    return *this;
  }
  Builder& add(std::string name, const char* value) { return add(std::move(name), std::string(value)); }
  Builder& add(std::string name, int value) { return add(std::move(name), std::to_string(value)); }
  Builder& add(std::string name, bool value) = delete;  // flag() says which text a bool is
  Builder& add_if(std::string name, const std::optional<std::string>& value) {
    return value ? add(std::move(name), *value) : *this;
  }
  Builder& add_if(std::string name, const std::optional<int>& value) {
    return value ? add(std::move(name), *value) : *this;
  }
};

Builder of(std::string_view type) { return Builder{{type, {}}}; }

ResourceView view_of(const aws::Vpc& r) {
  return of("AWS::EC2::VPC").add("CidrBlock", r.cidr).add("Tags", tags(r.tags)).v;
}
ResourceView view_of(const aws::InternetGateway& r) {
  return of("AWS::EC2::InternetGateway").add("Tags", tags(r.tags)).v;
}
ResourceView view_of(const aws::GatewayAttachment& r) {
  return of("AWS::EC2::VPCGatewayAttachment").add("VpcId", r.vpc).add("InternetGatewayId", r.gateway).v;
}
ResourceView view_of(const aws::Subnet& r) {
  return of("AWS::EC2::Subnet")
      .add("VpcId", r.vpc)
      .add("CidrBlock", r.cidr)
      .add("AvailabilityZone", r.zone)
      .add("MapPublicIpOnLaunch", flag(r.map_public_ip))
      .add("Tags", tags(r.tags))
      .v;
}
ResourceView view_of(const aws::RouteTable& r) {
  return of("AWS::EC2::RouteTable").add("VpcId", r.vpc).add("Tags", tags(r.tags)).v;
}
ResourceView view_of(const aws::Route& r) {
  auto b = of("AWS::EC2::Route").add("RouteTableId", r.route_table).add("DestinationCidrBlock", r.destination);
  if (!r.gateway.empty()) b.add("GatewayId", r.gateway);
  if (!r.nat.empty()) b.add("NatGatewayId", r.nat);
  if (!r.peering.empty()) b.add("VpcPeeringConnectionId", r.peering);
  return b.add("DependsOn", aws::Ids(r.depends_on)).v;
}
ResourceView view_of(const aws::VpcPeeringConnection& r) {
  auto b = of("AWS::EC2::VPCPeeringConnection").add("VpcId", r.vpc).add("PeerVpcId", r.peer_vpc.empty() ? r.peer_vpc_id : r.peer_vpc);
  if (!r.peer_region.empty()) b.add("PeerRegion", r.peer_region);
  if (!r.peer_owner.empty()) b.add("PeerOwnerId", r.peer_owner);
  return b.add("Tags", tags(r.tags)).v;
}
ResourceView view_of(const aws::VpcEndpoint& r) {
  auto b = of("AWS::EC2::VPCEndpoint").add("VpcId", r.vpc).add("ServiceName", r.service_name);
  if (r.type == aws::VpcEndpoint::Type::Gateway)
    return b.add("VpcEndpointType", "Gateway").add("RouteTableIds", aws::Ids(r.route_tables)).v;
  return b.add("VpcEndpointType", "Interface")
      .add("SubnetIds", aws::Ids(r.subnets))
      .add("SecurityGroupIds", aws::Ids(r.security_groups))
      .add("PrivateDnsEnabled", flag(r.private_dns))
      .add("Tags", tags(r.tags))
      .v;
}
ResourceView view_of(const aws::RouteTableAssociation& r) {
  return of("AWS::EC2::SubnetRouteTableAssociation").add("SubnetId", r.subnet).add("RouteTableId", r.route_table).v;
}
ResourceView view_of(const aws::ElasticIp& r) {
  auto b = of("AWS::EC2::EIP");
  if (!r.instance.empty()) b.add("InstanceId", r.instance);
  return b.add("DependsOn", aws::Ids(r.depends_on)).add("Tags", tags(r.tags)).v;
}
ResourceView view_of(const aws::NatGateway& r) {
  return of("AWS::EC2::NatGateway")
      .add("AllocationId", r.eip)
      .add("SubnetId", r.subnet)
      .add("DependsOn", aws::Ids(r.depends_on))
      .add("Tags", tags(r.tags))
      .v;
}
ResourceView view_of(const aws::SecurityGroup& r) {
  auto b = of("AWS::EC2::SecurityGroup").add("GroupDescription", r.description).add("VpcId", r.vpc);
  if (r.restricted_egress) b.add("SecurityGroupEgress", "127.0.0.1/32 (none but its egress rules)");
  return b.add("Tags", tags(r.tags)).v;
}
// The protocol and ports of a security group rule, as both emitters write them.
template <typename Rule>
Builder rule_of(const char* type, const Rule& r) {
  auto b = of(type).add("GroupId", r.group).add("IpProtocol", std::string(model::ip_protocol(r.protocol)));
  if (const auto ports = model::port_fields(r.protocol, r.from_port, r.to_port))
    b.add("FromPort", ports->first).add("ToPort", ports->second);
  return b;
}
ResourceView view_of(const aws::IngressRule& r) {
  auto b = rule_of("AWS::EC2::SecurityGroupIngress", r);
  if (!r.cidr.empty()) b.add("CidrIp", r.cidr);
  else b.add("SourceSecurityGroupId", r.source_group);
  return b.add("Description", r.description).v;
}
ResourceView view_of(const aws::EgressRule& r) {
  auto b = rule_of("AWS::EC2::SecurityGroupEgress", r);
  if (!r.cidr.empty()) b.add("CidrIp", r.cidr);
  else b.add("DestinationSecurityGroupId", r.destination_group);
  return b.add("Description", r.description).v;
}
ResourceView view_of(const aws::NetworkAcl& r) {
  return of("AWS::EC2::NetworkAcl").add("VpcId", r.vpc).add("Tags", tags(r.tags)).v;
}
ResourceView view_of(const aws::NetworkAclEntry& r) {
  auto b = of("AWS::EC2::NetworkAclEntry")
               .add("NetworkAclId", r.acl)
               .add("RuleNumber", r.number)
               .add("Protocol", std::string(model::protocol_number(r.protocol)))
               .add("RuleAction", r.allow ? "allow" : "deny")
               .add("Egress", flag(r.egress))
               .add("CidrBlock", r.cidr);
  if (model::has_ports(r.protocol)) b.add("PortRange", fmt::format("{}-{}", r.from_port, r.to_port));
  return b.v;
}
ResourceView view_of(const aws::SubnetNetworkAclAssociation& r) {
  return of("AWS::EC2::SubnetNetworkAclAssociation").add("SubnetId", r.subnet).add("NetworkAclId", r.acl).v;
}
ResourceView view_of(const aws::LoadBalancer& r) {
  return of("AWS::ElasticLoadBalancingV2::LoadBalancer")
      .add("Type", "application")
      .add("Scheme", r.internet_facing ? "internet-facing" : "internal")
      .add("Subnets", aws::Ids(r.subnets))
      .add("SecurityGroups", aws::Ids(r.security_groups))
      .add("DependsOn", aws::Ids(r.depends_on))
      .add("Tags", tags(r.tags))
      .v;
}
ResourceView view_of(const aws::TargetGroup& r) {
  const model::HealthCheck& hc = r.health_check;
  return of("AWS::ElasticLoadBalancingV2::TargetGroup")
      .add("TargetType", "instance")
      .add("Protocol", "HTTP")
      .add("VpcId", r.vpc)
      .add("Port", r.port)
      .add("HealthCheckPath", hc.path)
      .add("HealthCheckIntervalSeconds", hc.interval)
      .add("HealthCheckTimeoutSeconds", hc.timeout)
      .add("HealthyThresholdCount", hc.healthy_threshold)
      .add("UnhealthyThresholdCount", hc.unhealthy_threshold)
      .add("Matcher", hc.success_codes)
      .add("Tags", tags(r.tags))
      .v;
}
ResourceView view_of(const aws::Listener& r) {
  return of("AWS::ElasticLoadBalancingV2::Listener")
      .add("LoadBalancerArn", r.load_balancer)
      .add("Port", r.port)
      .add("Protocol", r.certificate ? "HTTPS" : "HTTP")
      .add_if("CertificateArn", r.certificate)
      .add_if("RedirectPort", r.redirect_port)
      .add("TargetGroupArn", r.target_group)
      .v;
}
ResourceView view_of(const aws::LaunchTemplate& r) {
  return of("AWS::EC2::LaunchTemplate")
      .add("ImageId", r.image_parameter.empty() ? r.image_id : r.image_parameter)
      .add("InstanceType", r.instance_type)
      .add("SecurityGroupIds", aws::Ids({r.security_group}))
      .add_if("UserData", r.user_data)
      .add_if("IamInstanceProfile", r.instance_profile)
      .add("Tags", tags(r.tags))
      .v;
}
ResourceView view_of(const aws::Instance& r) {
  return of("AWS::EC2::Instance")
      .add("ImageId", r.image_parameter.empty() ? r.image_id : r.image_parameter)
      .add("InstanceType", r.instance_type)
      .add("SubnetId", r.subnet)
      .add("SecurityGroupIds", aws::Ids({r.security_group}))
      .add_if("KeyName", r.key_name)
      .add("SourceDestCheck", flag(r.source_dest_check))
      .add_if("BlockDeviceMappings", r.root_volume)
      .add_if("UserData", r.user_data)
      .add_if("IamInstanceProfile", r.instance_profile)
      .add("DependsOn", aws::Ids(r.depends_on))
      .add("Tags", tags(r.tags))
      .v;
}
ResourceView view_of(const aws::AutoScalingGroup& r) {
  return of("AWS::AutoScaling::AutoScalingGroup")
      .add("LaunchTemplate", r.launch_template)
      .add("MinSize", r.min)
      .add("MaxSize", r.max)
      .add("DesiredCapacity", r.desired)
      .add("VPCZoneIdentifier", aws::Ids(r.subnets))
      .add("TargetGroupARNs", aws::Ids(r.target_groups))
      .add("HealthCheckGracePeriod", r.health_check_grace)
      .add("DependsOn", aws::Ids(r.depends_on))
      .add("Tags", tags(r.tags))
      .v;
}
ResourceView view_of(const aws::ScalingPolicy& r) {
  return of("AWS::AutoScaling::ScalingPolicy")
      .add("AutoScalingGroupName", r.group)
      .add("TargetValue", fmt::format("{}", r.target_cpu))
      .v;
}
ResourceView view_of(const aws::DbSubnetGroup& r) {
  return of("AWS::RDS::DBSubnetGroup")
      .add("DBSubnetGroupDescription", r.description)
      .add("SubnetIds", aws::Ids(r.subnets))
      .add("Tags", tags(r.tags))
      .v;
}
ResourceView view_of(const aws::DbInstance& r) {
  auto b = of("AWS::RDS::DBInstance")
               .add("Engine", r.engine)
               .add("EngineVersion", r.engine_version)
               .add("DBInstanceClass", r.instance_class)
               .add("VPCSecurityGroups", aws::Ids({r.security_group}));
  if (r.is_replica()) {
    b.add("SourceDBInstanceIdentifier", r.replica_of);
  } else {
    b.add("AllocatedStorage", r.storage)
        .add("MultiAZ", flag(r.multi_az))
        .add("DBSubnetGroupName", r.subnet_group)
        .add("StorageEncrypted", "true")
        .add("MasterUsername", r.master_username)
        .add_if("DBName", r.database)
        .add("BackupRetentionPeriod", r.backup_retention);
  }
  return b.add("Tags", tags(r.tags)).v;
}
ResourceView view_of(const aws::CacheSubnetGroup& r) {
  return of("AWS::ElastiCache::SubnetGroup")
      .add("CacheSubnetGroupName", r.name)
      .add("Description", r.description)
      .add("SubnetIds", aws::Ids(r.subnets))
      .add("Tags", tags(r.tags))
      .v;
}
ResourceView view_of(const aws::CacheReplicationGroup& r) {
  return of("AWS::ElastiCache::ReplicationGroup")
      .add("ReplicationGroupId", r.group_id)
      .add("ReplicationGroupDescription", r.description)
      .add_if("EngineVersion", r.engine_version)
      .add("CacheNodeType", r.node_type)
      .add("NumCacheClusters", r.nodes)
      .add("MultiAZEnabled", flag(r.multi_az))
      .add("CacheSubnetGroupName", r.subnet_group)
      .add("SecurityGroupIds", aws::Ids({r.security_group}))
      .add("Port", r.port)
      .add("AtRestEncryptionEnabled", "true")
      .add("TransitEncryptionEnabled", flag(r.transit_encryption))
      .add("Tags", tags(r.tags))
      .v;
}
ResourceView view_of(const aws::FileSystem& r) {
  return of("AWS::EFS::FileSystem")
      .add("Encrypted", flag(r.encrypted))
      .add("PerformanceMode", "generalPurpose")
      .add("ThroughputMode", r.throughput_mode)
      .add_if("LifecyclePolicies", r.transition_to_ia)
      .add("FileSystemTags", tags(r.tags))
      .v;
}
ResourceView view_of(const aws::MountTarget& r) {
  return of("AWS::EFS::MountTarget")
      .add("FileSystemId", r.file_system)
      .add("SubnetId", r.subnet)
      .add("SecurityGroups", aws::Ids({r.security_group}))
      .v;
}

// A secret's ARN as the policy names it: the DB instance's master user
// secret, or the secret.
std::string arn_of(const aws::SecretArn& s) {
  return s.db_master_user ? s.resource + ".MasterUserSecret.SecretArn" : s.resource;
}
ResourceView view_of(const aws::IamRole& r) {
  std::vector<std::string> secrets;
  for (const auto& s : r.readable_secrets) secrets.push_back(arn_of(s));
  return of("AWS::IAM::Role")
      .add("ManagedPolicyArns", r.managed_policies)
      .add("Policies", secrets)
      .add("Tags", tags(r.tags))
      .v;
}
ResourceView view_of(const aws::InstanceProfile& r) {
  return of("AWS::IAM::InstanceProfile").add("Roles", aws::Ids({r.role})).v;
}
ResourceView view_of(const aws::Secret& r) {
  return of("AWS::SecretsManager::Secret")
      .add("Description", r.description)
      .add("GenerateSecretString", fmt::format("{} characters{}", r.length, r.exclude_punctuation ? ", no punctuation" : ""))
      .add("Tags", tags(r.tags))
      .v;
}

ResourceView view_of(const aws::S3Bucket& r) {
  return of("AWS::S3::Bucket")
      .add_if("BucketName", r.bucket_name)
      .add("VersioningConfiguration", r.versioning ? "Enabled" : "none")
      .add_if("WebsiteConfiguration.IndexDocument", r.index_document)
      .add_if("WebsiteConfiguration.ErrorDocument", r.error_document)
      .add("PublicAccessBlockConfiguration.BlockPublicPolicy", flag(r.block_public_policy))
      .add("Tags", tags(r.tags))
      .v;
}
ResourceView view_of(const aws::S3BucketPolicy& r) {
  return of("AWS::S3::BucketPolicy").add("Bucket", r.bucket).add("PolicyDocument", "PublicRead").v;
}

}  // namespace

ResourceView view(const aws::Resource& r) {
  return std::visit([](const auto& x) { return view_of(x); }, r);
}

}  // namespace archc::diff
