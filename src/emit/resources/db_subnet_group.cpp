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
  w.resource("aws_db_subnet_group", r.id) = {
      {"description", w.lit(r.description)}, {"subnet_ids", w.subnets(r.subnets)}, {"tags", w.tags(r.tags)}};
}

}  // namespace archc
