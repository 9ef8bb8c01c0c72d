#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

// CloudFormation accepts a request within one account and region itself;
// one to another account stays pending until its owner accepts it.
void emit(const aws::VpcPeeringConnection& r, CfnWriter& w) {
  w.open(r.id, "AWS::EC2::VPCPeeringConnection");
  w.ref("VpcId", r.vpc);
  if (!r.peer_vpc.empty()) w.ref("PeerVpcId", r.peer_vpc);
  else w.kv("PeerVpcId", r.peer_vpc_id);
  if (!r.peer_region.empty()) w.kv("PeerRegion", r.peer_region);
  if (!r.peer_owner.empty()) w.kv("PeerOwnerId", r.peer_owner);
  w.tags(r.tags);
  w.close();
}

void emit(const aws::VpcPeeringConnection& r, TfWriter& w) {
  w.resource("aws_vpc_peering_connection", r.id);
  w.ref("vpc_id", "aws_vpc", r.vpc, "id");
  if (!r.peer_vpc.empty()) w.ref("peer_vpc_id", "aws_vpc", r.peer_vpc, "id");
  else w.kv("peer_vpc_id", r.peer_vpc_id);
  if (!r.peer_region.empty()) w.kv("peer_region", r.peer_region);
  if (!r.peer_owner.empty()) w.kv("peer_owner_id", r.peer_owner);
  // The provider leaves a request pending unless told to accept it, which
  // AWS allows only within one account and region (the provider refuses
  // auto_accept with peer_region).
  if (r.auto_accept) w.kv("auto_accept", true);
  w.tags(r.tags);
  w.close();
}

}  // namespace archc
