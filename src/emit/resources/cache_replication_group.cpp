#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::CacheReplicationGroup& r, CfnWriter& w) {
  w.open(r.id, "AWS::ElastiCache::ReplicationGroup");
  w.kv("ReplicationGroupId", r.group_id);
  w.kv("ReplicationGroupDescription", r.description);
  w.kv("Engine", "redis");
  if (r.engine_version) w.kv("EngineVersion", *r.engine_version);
  w.kv("CacheNodeType", r.node_type);
  w.kv("NumCacheClusters", r.nodes);
  // AWS refuses Multi-AZ without automatic failover; one flag sets both.
  w.kv("MultiAZEnabled", r.multi_az);
  w.kv("AutomaticFailoverEnabled", r.multi_az);
  w.ref("CacheSubnetGroupName", r.subnet_group);  // a subnet group's Ref is its name
  w.group_ids("SecurityGroupIds", {r.security_group});
  w.kv("Port", r.port);
  w.kv("AtRestEncryptionEnabled", true);
  w.kv("TransitEncryptionEnabled", r.transit_encryption);
  w.tags(r.tags);
  w.close();
}

void emit(const aws::CacheReplicationGroup& r, TfWriter& w) {
  w.resource("aws_elasticache_replication_group", r.id);
  w.kv("replication_group_id", r.group_id);
  w.kv_literal("description", r.description);
  w.kv("engine", "redis");
  if (r.engine_version) w.kv_literal("engine_version", *r.engine_version);
  w.kv_literal("node_type", r.node_type);
  w.kv("num_cache_clusters", r.nodes);
  w.kv("multi_az_enabled", r.multi_az);
  w.kv("automatic_failover_enabled", r.multi_az);
  w.ref("subnet_group_name", "aws_elasticache_subnet_group", r.subnet_group, "name");
  w.groups("security_group_ids", {r.security_group});
  w.kv("port", r.port);
  // The provider types this one as a string, "true" or "false" (5.100 and
  // 6.x alike), so that unset can default per engine.
  w.kv("at_rest_encryption_enabled", "true");
  w.kv("transit_encryption_enabled", r.transit_encryption);
  w.tags(r.tags);
  w.close();
}

}  // namespace archc
