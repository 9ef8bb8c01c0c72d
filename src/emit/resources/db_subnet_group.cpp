#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::DbSubnetGroup& r, CfnWriter& w) {
  w.open(r.id, "AWS::RDS::DBSubnetGroup");
  w.kv("DBSubnetGroupDescription", r.description);
  w.refs("SubnetIds", r.subnets);
  w.tags(r.tags);
  w.close();
}

void emit(const aws::DbSubnetGroup& r, TfWriter& w) {
  w.resource("aws_db_subnet_group", r.id);
  w.kv_literal("description", r.description);
  w.subnets("subnet_ids", r.subnets);
  w.tags(r.tags);
  w.close();
}

}  // namespace archc
