#include "diff/replacement.hpp"

#include <algorithm>
#include <tuple>

namespace archc::diff {

namespace {

// Sorted by type, then property (a unit test holds it to that). The
// properties whose entry in the CloudFormation resource reference reads
// "Update requires: Replacement"; tests/diff/replacement_schema_test.py
// holds them to the resource provider schemas cfn-lint ships
// (createOnlyProperties), both ways over what the samples write. Of the
// conditionally create-only properties, only Engine and
// SourceDBInstanceIdentifier of a DB instance are here: every change archc
// can make to them replaces it. The Terraform column is the AWS provider's
// (5.x) attribute documented as "forces new resource", which no test here
// can read.
constexpr ReplacementRule kRules[] = {
    {"AWS::AutoScaling::ScalingPolicy", "AutoScalingGroupName", "aws_autoscaling_policy.autoscaling_group_name"},
    {"AWS::EC2::Instance", "ImageId", "aws_instance.ami"},
    {"AWS::EC2::Instance", "KeyName", "aws_instance.key_name"},
    {"AWS::EC2::Instance", "SubnetId", "aws_instance.subnet_id"},
    {"AWS::EC2::NatGateway", "AllocationId", "aws_nat_gateway.allocation_id"},
    {"AWS::EC2::NatGateway", "SubnetId", "aws_nat_gateway.subnet_id"},
    {"AWS::EC2::NetworkAcl", "VpcId", "aws_network_acl.vpc_id"},
    // The provider's aws_network_acl_rule has no update: every attribute
    // forces a new rule, where CloudFormation changes the entry in place
    // (ReplaceNetworkAclEntry).
    {"AWS::EC2::NetworkAclEntry", "CidrBlock", "aws_network_acl_rule.cidr_block", false},
    {"AWS::EC2::NetworkAclEntry", "Egress", "aws_network_acl_rule.egress"},
    {"AWS::EC2::NetworkAclEntry", "NetworkAclId", "aws_network_acl_rule.network_acl_id"},
    {"AWS::EC2::NetworkAclEntry", "PortRange", "aws_network_acl_rule.from_port", false},
    {"AWS::EC2::NetworkAclEntry", "Protocol", "aws_network_acl_rule.protocol", false},
    {"AWS::EC2::NetworkAclEntry", "RuleAction", "aws_network_acl_rule.rule_action", false},
    {"AWS::EC2::NetworkAclEntry", "RuleNumber", "aws_network_acl_rule.rule_number"},
    {"AWS::EC2::Route", "DestinationCidrBlock", "aws_route.destination_cidr_block"},
    {"AWS::EC2::Route", "RouteTableId", "aws_route.route_table_id"},
    {"AWS::EC2::RouteTable", "VpcId", "aws_route_table.vpc_id"},
    // Every property of an ingress or egress rule but its description:
    // CloudFormation replaces the rule as a whole. The provider's
    // aws_vpc_security_group_ingress_rule and _egress_rule change ports and
    // peer in place (ModifySecurityGroupRules), only the group forces a new rule.
    {"AWS::EC2::SecurityGroup", "GroupDescription", "aws_security_group.description"},
    {"AWS::EC2::SecurityGroup", "VpcId", "aws_security_group.vpc_id"},
    {"AWS::EC2::SecurityGroupEgress", "CidrIp", ""},
    {"AWS::EC2::SecurityGroupEgress", "DestinationSecurityGroupId", ""},
    {"AWS::EC2::SecurityGroupEgress", "FromPort", ""},
    {"AWS::EC2::SecurityGroupEgress", "GroupId", "aws_vpc_security_group_egress_rule.security_group_id"},
    {"AWS::EC2::SecurityGroupEgress", "IpProtocol", ""},
    {"AWS::EC2::SecurityGroupEgress", "ToPort", ""},
    {"AWS::EC2::SecurityGroupIngress", "CidrIp", ""},
    {"AWS::EC2::SecurityGroupIngress", "FromPort", ""},
    {"AWS::EC2::SecurityGroupIngress", "GroupId", "aws_vpc_security_group_ingress_rule.security_group_id"},
    {"AWS::EC2::SecurityGroupIngress", "IpProtocol", ""},
    {"AWS::EC2::SecurityGroupIngress", "SourceSecurityGroupId", ""},
    {"AWS::EC2::SecurityGroupIngress", "ToPort", ""},
    {"AWS::EC2::Subnet", "AvailabilityZone", "aws_subnet.availability_zone"},
    {"AWS::EC2::Subnet", "CidrBlock", "aws_subnet.cidr_block"},
    {"AWS::EC2::Subnet", "VpcId", "aws_subnet.vpc_id"},
    {"AWS::EC2::SubnetNetworkAclAssociation", "NetworkAclId", "aws_network_acl_association.network_acl_id"},
    {"AWS::EC2::SubnetNetworkAclAssociation", "SubnetId", "aws_network_acl_association.subnet_id"},
    {"AWS::EC2::SubnetRouteTableAssociation", "RouteTableId", ""},
    {"AWS::EC2::SubnetRouteTableAssociation", "SubnetId", "aws_route_table_association.subnet_id"},
    {"AWS::EC2::VPC", "CidrBlock", "aws_vpc.cidr_block"},
    {"AWS::EC2::VPCEndpoint", "ServiceName", "aws_vpc_endpoint.service_name"},
    {"AWS::EC2::VPCEndpoint", "VpcEndpointType", "aws_vpc_endpoint.vpc_endpoint_type"},
    {"AWS::EC2::VPCEndpoint", "VpcId", "aws_vpc_endpoint.vpc_id"},
    {"AWS::EC2::VPCGatewayAttachment", "VpcId", "aws_internet_gateway_attachment.vpc_id"},
    {"AWS::EC2::VPCPeeringConnection", "PeerOwnerId", "aws_vpc_peering_connection.peer_owner_id"},
    {"AWS::EC2::VPCPeeringConnection", "PeerRegion", "aws_vpc_peering_connection.peer_region"},
    {"AWS::EC2::VPCPeeringConnection", "PeerVpcId", "aws_vpc_peering_connection.peer_vpc_id"},
    {"AWS::EC2::VPCPeeringConnection", "VpcId", "aws_vpc_peering_connection.vpc_id"},
    {"AWS::EFS::FileSystem", "Encrypted", "aws_efs_file_system.encrypted"},
    {"AWS::EFS::FileSystem", "PerformanceMode", "aws_efs_file_system.performance_mode"},
    {"AWS::EFS::MountTarget", "FileSystemId", "aws_efs_mount_target.file_system_id"},
    {"AWS::EFS::MountTarget", "SubnetId", "aws_efs_mount_target.subnet_id"},
    {"AWS::ElastiCache::ReplicationGroup", "AtRestEncryptionEnabled",
     "aws_elasticache_replication_group.at_rest_encryption_enabled"},
    {"AWS::ElastiCache::ReplicationGroup", "CacheSubnetGroupName", "aws_elasticache_replication_group.subnet_group_name"},
    {"AWS::ElastiCache::ReplicationGroup", "Port", "aws_elasticache_replication_group.port"},
    {"AWS::ElastiCache::ReplicationGroup", "ReplicationGroupId",
     "aws_elasticache_replication_group.replication_group_id"},
    {"AWS::ElastiCache::SubnetGroup", "CacheSubnetGroupName", "aws_elasticache_subnet_group.name"},
    {"AWS::ElasticLoadBalancingV2::Listener", "LoadBalancerArn", "aws_lb_listener.load_balancer_arn"},
    {"AWS::ElasticLoadBalancingV2::LoadBalancer", "Scheme", "aws_lb.internal"},
    {"AWS::ElasticLoadBalancingV2::LoadBalancer", "Type", "aws_lb.load_balancer_type"},
    {"AWS::ElasticLoadBalancingV2::TargetGroup", "Port", "aws_lb_target_group.port"},
    {"AWS::ElasticLoadBalancingV2::TargetGroup", "Protocol", "aws_lb_target_group.protocol"},
    {"AWS::ElasticLoadBalancingV2::TargetGroup", "TargetType", "aws_lb_target_group.target_type"},
    {"AWS::ElasticLoadBalancingV2::TargetGroup", "VpcId", "aws_lb_target_group.vpc_id"},
    // DBSubnetGroupName replaces in CloudFormation; the provider moves the
    // instance to the new group in place.
    {"AWS::RDS::DBInstance", "DBName", "aws_db_instance.db_name"},
    {"AWS::RDS::DBInstance", "DBSubnetGroupName", ""},
    {"AWS::RDS::DBInstance", "Engine", "aws_db_instance.engine"},
    {"AWS::RDS::DBInstance", "MasterUsername", "aws_db_instance.username"},
    {"AWS::RDS::DBInstance", "SourceDBInstanceIdentifier", "aws_db_instance.replicate_source_db"},
    {"AWS::RDS::DBInstance", "StorageEncrypted", "aws_db_instance.storage_encrypted"},
    {"AWS::S3::Bucket", "BucketName", "aws_s3_bucket.bucket"},
    {"AWS::S3::BucketPolicy", "Bucket", "aws_s3_bucket_policy.bucket"},
};

auto key(const ReplacementRule& r) { return std::tie(r.type, r.property); }

}  // namespace

std::span<const ReplacementRule> replacement_rules() { return kRules; }

std::string replaced_by(const ReplacementRule& r) {
  std::string out = r.cloudformation ? "CloudFormation" : "";
  if (!r.terraform.empty()) out += (out.empty() ? "Terraform " : ", Terraform ") + std::string(r.terraform);
  return out;
}

const ReplacementRule* replacement_rule(std::string_view type, std::string_view property) {
  const ReplacementRule probe{type, property, {}};
  const auto* it = std::lower_bound(std::begin(kRules), std::end(kRules), probe,
                                    [](const auto& a, const auto& b) { return key(a) < key(b); });
  return it != std::end(kRules) && key(*it) == key(probe) ? it : nullptr;
}

}  // namespace archc::diff
