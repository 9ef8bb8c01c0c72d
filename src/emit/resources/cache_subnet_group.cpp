#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::CacheSubnetGroup& r, CfnWriter& w) {
  w.open(r.id, "AWS::ElastiCache::SubnetGroup");
  w.kv("CacheSubnetGroupName", r.name);
  w.kv("Description", r.description);
  w.refs("SubnetIds", r.subnets);
  w.tags(r.tags);
  w.close();
}

void emit(const aws::CacheSubnetGroup& r, TfWriter& w) {
  w.resource("aws_elasticache_subnet_group", r.id);
  w.kv("name", r.name);
  w.kv_literal("description", r.description);
  w.subnets("subnet_ids", r.subnets);
  w.tags(r.tags);
  w.close();
}

}  // namespace archc
