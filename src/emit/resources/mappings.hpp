// How each aws:: type is written in CloudFormation and in Terraform. Both
// mappings of a type are defined side by side in resources/<type>.cpp, so a
// change to one is made, and reviewed, next to the other; the two top-level
// emitters only visit the stack and call these.
#pragma once

#include <variant>

#include "lower/aws_resources.hpp"

namespace archc {

class CfnWriter;
class TfWriter;

// emit(r, CfnWriter&) writes `r` as the next entry of the template's open
// Resources map (`r.id: {Type, Properties}`); emit(r, TfWriter&) adds the
// block or blocks `r` becomes under `resource`, named after `r.id`. Fields
// that hold another resource's logical id become a reference to the
// attribute the field means (`Ref`/`Fn::GetAtt`, `${TYPE.NAME.ATTR}`).
void emit(const aws::Vpc& r, CfnWriter& w);
void emit(const aws::Vpc& r, TfWriter& w);
void emit(const aws::InternetGateway& r, CfnWriter& w);
void emit(const aws::InternetGateway& r, TfWriter& w);
void emit(const aws::GatewayAttachment& r, CfnWriter& w);
void emit(const aws::GatewayAttachment& r, TfWriter& w);
void emit(const aws::Subnet& r, CfnWriter& w);
void emit(const aws::Subnet& r, TfWriter& w);
void emit(const aws::RouteTable& r, CfnWriter& w);
void emit(const aws::RouteTable& r, TfWriter& w);
void emit(const aws::Route& r, CfnWriter& w);
void emit(const aws::Route& r, TfWriter& w);
void emit(const aws::RouteTableAssociation& r, CfnWriter& w);
void emit(const aws::RouteTableAssociation& r, TfWriter& w);
void emit(const aws::ElasticIp& r, CfnWriter& w);
void emit(const aws::ElasticIp& r, TfWriter& w);
void emit(const aws::NatGateway& r, CfnWriter& w);
void emit(const aws::NatGateway& r, TfWriter& w);
// Terraform: the group and its allow-all egress rule.
void emit(const aws::SecurityGroup& r, CfnWriter& w);
void emit(const aws::SecurityGroup& r, TfWriter& w);
void emit(const aws::IngressRule& r, CfnWriter& w);
void emit(const aws::IngressRule& r, TfWriter& w);
void emit(const aws::EgressRule& r, CfnWriter& w);
void emit(const aws::EgressRule& r, TfWriter& w);
void emit(const aws::LoadBalancer& r, CfnWriter& w);
void emit(const aws::LoadBalancer& r, TfWriter& w);
void emit(const aws::TargetGroup& r, CfnWriter& w);
void emit(const aws::TargetGroup& r, TfWriter& w);
void emit(const aws::Listener& r, CfnWriter& w);
void emit(const aws::Listener& r, TfWriter& w);
void emit(const aws::LaunchTemplate& r, CfnWriter& w);
void emit(const aws::LaunchTemplate& r, TfWriter& w);
void emit(const aws::Instance& r, CfnWriter& w);
void emit(const aws::Instance& r, TfWriter& w);
void emit(const aws::AutoScalingGroup& r, CfnWriter& w);
void emit(const aws::AutoScalingGroup& r, TfWriter& w);
void emit(const aws::ScalingPolicy& r, CfnWriter& w);
void emit(const aws::ScalingPolicy& r, TfWriter& w);
void emit(const aws::DbSubnetGroup& r, CfnWriter& w);
void emit(const aws::DbSubnetGroup& r, TfWriter& w);
void emit(const aws::DbInstance& r, CfnWriter& w);
void emit(const aws::DbInstance& r, TfWriter& w);
void emit(const aws::CacheSubnetGroup& r, CfnWriter& w);
void emit(const aws::CacheSubnetGroup& r, TfWriter& w);
void emit(const aws::CacheReplicationGroup& r, CfnWriter& w);
void emit(const aws::CacheReplicationGroup& r, TfWriter& w);
void emit(const aws::NetworkAcl& r, CfnWriter& w);
void emit(const aws::NetworkAcl& r, TfWriter& w);
void emit(const aws::NetworkAclEntry& r, CfnWriter& w);
void emit(const aws::NetworkAclEntry& r, TfWriter& w);
void emit(const aws::SubnetNetworkAclAssociation& r, CfnWriter& w);
void emit(const aws::SubnetNetworkAclAssociation& r, TfWriter& w);
void emit(const aws::VpcPeeringConnection& r, CfnWriter& w);
void emit(const aws::VpcPeeringConnection& r, TfWriter& w);
void emit(const aws::VpcEndpoint& r, CfnWriter& w);
void emit(const aws::VpcEndpoint& r, TfWriter& w);
void emit(const aws::FileSystem& r, CfnWriter& w);
void emit(const aws::FileSystem& r, TfWriter& w);
void emit(const aws::MountTarget& r, CfnWriter& w);
void emit(const aws::MountTarget& r, TfWriter& w);
void emit(const aws::IamRole& r, CfnWriter& w);
void emit(const aws::IamRole& r, TfWriter& w);
void emit(const aws::InstanceProfile& r, CfnWriter& w);
void emit(const aws::InstanceProfile& r, TfWriter& w);
void emit(const aws::Secret& r, CfnWriter& w);
void emit(const aws::Secret& r, TfWriter& w);
void emit(const aws::S3Bucket& r, CfnWriter& w);
void emit(const aws::S3Bucket& r, TfWriter& w);
void emit(const aws::S3BucketPolicy& r, CfnWriter& w);
void emit(const aws::S3BucketPolicy& r, TfWriter& w);

// An image parameter: the next entry of the template's open Parameters map;
// a `data.aws_ssm_parameter` block.
void emit(const aws::ImageParameter& p, CfnWriter& w);
void emit(const aws::ImageParameter& p, TfWriter& w);
// An output: the next entry of the template's open Outputs map; an `output`
// block.
void emit(const aws::Output& o, CfnWriter& w);
void emit(const aws::Output& o, TfWriter& w);

// No unit test checks that every resource type has both mappings: the build
// does. A type added to aws::Resource without a declaration above fails these
// asserts, and one declared but not defined fails to link (the emitters
// visit every alternative).
template <class Resource, class Writer>
concept Mapped = requires(const Resource& r, Writer& w) { emit(r, w); };
template <class Writer, class Variant>
inline constexpr bool maps_every_resource = false;
template <class Writer, class... Resources>
inline constexpr bool maps_every_resource<Writer, std::variant<Resources...>> = (Mapped<Resources, Writer> && ...);
static_assert(maps_every_resource<CfnWriter, aws::Resource>,
              "an aws::Resource type has no emit(const T&, CfnWriter&): add its mappings in resources/<type>.cpp");
static_assert(maps_every_resource<TfWriter, aws::Resource>,
              "an aws::Resource type has no emit(const T&, TfWriter&): add its mappings in resources/<type>.cpp");

}  // namespace archc
