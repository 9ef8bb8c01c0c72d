// The provider-neutral list of AWS resources a model lowers to. Both
// emitters are thin mappings of it: everything about the architecture is
// decided here, nothing in an emitter. Fields that name another resource
// hold its logical id; each emitter knows which attribute of that resource
// the field means (a VPC id, a security group id, a target group ARN ...).
//
// `depends_on` lists what a resource needs at deploy time that none of its
// fields refers to, so that neither CloudFormation nor Terraform would
// otherwise create it first (docs/language.md, "Deploy-time order").
// Every id in it belongs to a resource that comes earlier in the stack.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/model.hpp"

namespace archc::aws {

using Tags = std::vector<model::Tag>;  // Name first, then the stack's tags
using Ids = std::vector<std::string>;

struct Vpc {
  std::string id, cidr;
  Tags tags;
};
struct InternetGateway {
  std::string id;
  Tags tags;
};
struct GatewayAttachment {
  std::string id, vpc, gateway;
};
struct Subnet {
  std::string id, vpc, cidr, zone;  // zone: full name, e.g. ap-northeast-2a
  bool map_public_ip = false;
  Tags tags;
};
struct RouteTable {
  std::string id, vpc;
  Tags tags;
};
// A default route (0.0.0.0/0) to an internet gateway or a NAT gateway, or
// a route to a peer VPC's block through a peering connection.
struct Route {
  std::string id, route_table;
  std::string gateway;  // internet gateway id, or empty
  std::string nat;      // NAT gateway id, or empty
  Ids depends_on;       // the gateway attachment, for internet routes
  std::string peering;  // VpcPeeringConnection id, or empty
  std::string destination = "0.0.0.0/0";
};
// A VPC peering connection. The accepter is a VPC of the stack (`peer_vpc`,
// its logical id: same account and region, accepted by the stack itself) or
// one outside it (`peer_vpc_id`, a literal vpc-..., whose owner accepts it).
struct VpcPeeringConnection {
  std::string id, vpc;
  std::string peer_vpc;     // logical id, or
  std::string peer_vpc_id;  // a literal id
  std::string peer_region;  // empty: the stack's
  std::string peer_owner;   // empty: the stack's account
  // Terraform accepts it itself (`auto_accept`), which AWS allows only in
  // one account and region; CloudFormation accepts such a request itself.
  bool auto_accept = false;
  Tags tags;
};
// A VPC endpoint: a gateway endpoint for S3 or DynamoDB, routed from
// `route_tables`; or an interface endpoint, a network interface in each of
// `subnets` behind `security_groups` (AWS PrivateLink).
struct VpcEndpoint {
  enum class Type { Gateway, Interface };
  std::string id, vpc;
  std::string service_name;  // com.amazonaws.<region>.s3
  Type type = Type::Gateway;
  Ids route_tables;               // Gateway
  Ids subnets, security_groups;   // Interface: one subnet a zone
  // Interface: the service's own DNS name resolves, inside the VPC, to the
  // endpoint's addresses (needs the VPC's DNS support and hostnames, which
  // every archc VPC has).
  bool private_dns = false;
  Tags tags;  // Interface; a gateway endpoint is written without
};
struct RouteTableAssociation {
  std::string id, subnet, route_table;
};
struct ElasticIp {
  std::string id;
  std::string instance;  // the Instance id it is associated with, or empty (a NAT gateway's)
  Ids depends_on;  // the gateway attachment
  Tags tags;
};
struct NatGateway {
  std::string id, subnet, eip;
  Ids depends_on;  // its subnet's path to the internet gateway
  Tags tags;
};
struct SecurityGroup {
  std::string id, vpc, description;
  Tags tags;
  // Whether it sends only what its EgressRules allow, rather than AWS's
  // default of everything.
  bool restricted_egress = false;
};
// An ingress rule: from a CIDR or from another security group.
struct IngressRule {
  std::string id, group;
  model::Protocol protocol = model::Protocol::Tcp;
  int from_port = 0, to_port = 0;  // TCP and UDP only
  std::string cidr;          // or
  std::string source_group;  // security group id
  std::string description;
  Ids depends_on;  // a group of a peered VPC: the peering connection, active before a rule names it
};
// An egress rule of a group whose egress the chains restrict: to a CIDR or
// to another security group.
struct EgressRule {
  std::string id, group;
  model::Protocol protocol = model::Protocol::Tcp;
  int from_port = 0, to_port = 0;  // TCP and UDP only
  std::string cidr;               // or
  std::string destination_group;  // security group id
  std::string description;
  Ids depends_on;  // a group of a peered VPC: the peering connection, active before a rule names it
};
// A network ACL of a VPC: it starts with AWS's deny-all entries (rule `*`)
// only, unlike the VPC's default ACL.
struct NetworkAcl {
  std::string id, vpc;
  Tags tags;
};
// One numbered entry of a network ACL, in one direction.
struct NetworkAclEntry {
  std::string id, acl;
  int number = 0;  // 1-32766, unique per direction
  bool egress = false;
  bool allow = true;
  model::Protocol protocol = model::Protocol::Tcp;
  int from_port = 0, to_port = 0;  // TCP and UDP only
  std::string cidr;
};
// A subnet's network ACL, in place of the VPC's default one.
struct SubnetNetworkAclAssociation {
  std::string id, subnet, acl;
};
struct LoadBalancer {
  std::string id;
  bool internet_facing = false;
  Ids subnets, security_groups;
  Ids depends_on;  // internet-facing: its subnets' path to the internet gateway
  Tags tags;
};
struct TargetGroup {
  std::string id, vpc;
  int port = 80;
  model::HealthCheck health_check;  // over HTTP, on the traffic port
  Tags tags;
};
struct Listener {
  std::string id, load_balancer;
  int port = 80;
  std::optional<std::string> certificate;  // HTTPS when set
  std::optional<int> redirect_port;        // HTTP 301 to HTTPS on this port
  std::string target_group;                // forward target, when not redirecting
};
// An AMI id read from a public SSM parameter at deploy time.
struct ImageParameter {
  std::string id, ssm_path;
};
struct LaunchTemplate {
  std::string id;
  std::string image_parameter;  // ImageParameter id, or
  std::string image_id;         // a literal ami-...
  std::string instance_type, security_group;
  std::optional<std::string> user_data;
  std::optional<std::string> instance_profile;  // an InstanceProfile's id
  Tags tags;
};
// A single EC2 instance in one subnet.
struct Instance {
  std::string id;
  std::string image_parameter;  // ImageParameter id, or
  std::string image_id;         // a literal ami-...
  std::string instance_type, subnet, security_group;
  std::optional<std::string> key_name;     // an existing EC2 key pair
  std::optional<int> root_volume;          // GiB, gp3, encrypted; absent: the image's
  std::string root_device;                 // the image's root device name, when root_volume is set
  std::optional<std::string> user_data;
  bool source_dest_check = true;
  std::optional<std::string> instance_profile;  // an InstanceProfile's id
  Ids depends_on;  // its tier's path to the internet: it runs its user data at boot
  Tags tags;
};
struct AutoScalingGroup {
  std::string id, launch_template;
  Ids subnets, target_groups;
  int min = 1, max = 1, desired = 1;
  int health_check_grace = 300;  // ELB health checks when there are target groups
  Ids depends_on;                // its tier's path to the internet: instances run user data at boot
  Tags tags;                     // propagated to instances
};
struct ScalingPolicy {
  std::string id, group;
  double target_cpu = 70;  // percent
};
struct DbSubnetGroup {
  std::string id, description;
  Ids subnets;
  Tags tags;
};
struct DbInstance {
  std::string id, engine;
  // A release, never left to AWS's default; written with automatic minor
  // upgrades off, so what is deployed is what was built.
  std::string engine_version;
  std::string instance_class;
  std::string security_group;
  Tags tags;
  // A primary:
  int storage = 20;
  bool multi_az = false;
  std::string subnet_group, master_username;
  std::optional<std::string> database;
  int backup_retention = 7;
  // A read replica: the primary's id (everything above "A primary" applies).
  std::string replica_of;
  bool is_replica() const { return !replica_of.empty(); }
};
// An ElastiCache subnet group. Unlike a DB subnet group it has no generated
// name to fall back on in Terraform (`name` is required there), so lowering
// names it: lowercase letters, digits and hyphens.
struct CacheSubnetGroup {
  std::string id, name, description;
  Ids subnets;
  Tags tags;
};
// A Redis OSS replication group, cluster mode disabled: one primary and
// nodes - 1 replicas. At-rest encryption is always on.
struct CacheReplicationGroup {
  std::string id;
  std::string group_id;  // ReplicationGroupId: at most 40 lowercase letters, digits, hyphens
  std::string description;
  std::optional<std::string> engine_version;
  std::string node_type;  // cache.t3.micro ...
  int nodes = 1;          // 1-6 (NumCacheClusters)
  // Multi-AZ and automatic failover together: AWS refuses Multi-AZ without
  // failover, and failover needs nodes >= 2.
  bool multi_az = false;
  std::string subnet_group, security_group;
  int port = 6379;
  bool transit_encryption = true;
  Tags tags;
};
// An EFS file system (general purpose performance mode). Its Name tag is
// how the console names it.
struct FileSystem {
  std::string id;
  bool encrypted = true;  // with the AWS managed key
  // TransitionToIA of its one lifecycle policy (`AFTER_30_DAYS`), or none.
  std::optional<std::string> transition_to_ia;
  std::string throughput_mode = "bursting";  // bursting | elastic
  Tags tags;
};
// A file system's mount target in one subnet: a network interface in the
// subnet's zone with the file system's security group (AWS takes no tags on
// a mount target).
struct MountTarget {
  std::string id, file_system, subnet, security_group;
};

// The ARN of a secret: of a generated one (`resource`, a Secret's id), or
// of the master user secret RDS manages for a DB instance (`resource`, the
// DbInstance's id; its MasterUserSecret).
struct SecretArn {
  std::string resource;
  bool db_master_user = false;
};
// An IAM role that EC2 instances assume (its trust policy names the service
// principal ec2.amazonaws.com). Its permissions: AWS managed policies, by
// name, and one inline policy that lets it read `readable_secrets`, each by
// its ARN (none: no inline policy).
struct IamRole {
  std::string id;
  std::vector<std::string> managed_policies;  // AmazonSSMManagedInstanceCore ...
  std::vector<SecretArn> readable_secrets;
  Tags tags;
};
// What an EC2 instance carries to take on `role` (an IamRole's id).
struct InstanceProfile {
  std::string id, role;
};
// A Secrets Manager secret whose value Secrets Manager generates
// (GetRandomPassword): `length` characters, no punctuation when
// `exclude_punctuation`. The value is never part of the stack.
struct Secret {
  std::string id, description;
  int length = 32;
  bool exclude_punctuation = false;
  Tags tags;
};

// An S3 bucket: encrypted with S3-managed keys (SSE-S3), ACLs disabled (the
// bucket owner owns every object), the four public access blocks on but
// for public policies when `block_public_policy` is false; versioned; a
// static website when `index_document` is set.
struct S3Bucket {
  std::string id;
  std::optional<std::string> bucket_name;  // absent: AWS names it
  bool versioning = false;
  std::optional<std::string> index_document, error_document;
  bool block_public_policy = true;
  Tags tags;
};
// The policy of `bucket` (an S3Bucket's id) that lets anyone read its
// objects (s3:GetObject on `<bucket ARN>/*`).
struct S3BucketPolicy {
  std::string id, bucket;
};

using Resource = std::variant<Vpc, InternetGateway, GatewayAttachment, Subnet, RouteTable, Route, RouteTableAssociation,
                              ElasticIp, NatGateway, SecurityGroup, IngressRule, EgressRule, LoadBalancer, TargetGroup, Listener,
                              LaunchTemplate, Instance, AutoScalingGroup, ScalingPolicy, DbSubnetGroup, DbInstance,
                              CacheSubnetGroup, CacheReplicationGroup, VpcPeeringConnection, VpcEndpoint,
                              NetworkAcl, NetworkAclEntry, SubnetNetworkAclAssociation, FileSystem, MountTarget,
                              IamRole, InstanceProfile, Secret, S3Bucket, S3BucketPolicy>;

struct Output {
  // A load balancer's DNS name, a DB instance's endpoint address, a
  // replication group's primary endpoint address, a file system's id, a
  // secret's ARN, the ARN of a DB instance's master user secret, a role's
  // ARN, a bucket's name, a bucket's website URL (`http://` and its website
  // endpoint).
  enum class Kind {
    LoadBalancerDns,
    DbAddress,
    CacheAddress,
    FileSystemId,
    SecretArn,
    DbMasterSecretArn,
    RoleArn,
    BucketName,
    BucketWebsiteUrl
  } kind;
  std::string id, resource, description;
};

struct Stack {
  std::string name, region;
  Tags tags;  // the stack's own tags, also part of every resource's Tags
  std::vector<ImageParameter> images;
  std::vector<Resource> resources;  // in emission order
  std::vector<Output> outputs;
};

const std::string& id_of(const Resource& r);

}  // namespace archc::aws
