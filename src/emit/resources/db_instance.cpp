#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::DbInstance& r, CfnWriter& w) {
  w.key(r.id);
  w.begin_map();
  w.kv("Type", "AWS::RDS::DBInstance");
  if (!r.is_replica()) {
    // A database is kept as a snapshot when the stack deletes or replaces it.
    w.kv("DeletionPolicy", "Snapshot");
    w.kv("UpdateReplacePolicy", "Snapshot");
  }
  w.key("Properties");
  w.begin_map();
  w.kv("Engine", r.engine);
  w.kv("EngineVersion", r.engine_version);
  w.kv("AutoMinorVersionUpgrade", false);
  w.kv("DBInstanceClass", r.instance_class);
  w.group_ids("VPCSecurityGroups", {r.security_group});
  w.kv("PubliclyAccessible", false);
  if (r.is_replica()) {
    w.ref("SourceDBInstanceIdentifier", r.replica_of);
  } else {
    w.kv_number_string("AllocatedStorage", r.storage);
    w.kv("StorageEncrypted", true);
    w.kv("MultiAZ", r.multi_az);
    w.ref("DBSubnetGroupName", r.subnet_group);
    w.kv("MasterUsername", r.master_username);
    w.kv("ManageMasterUserPassword", true);  // the password lives in Secrets Manager only
    if (r.database) w.kv("DBName", *r.database);
    w.kv("BackupRetentionPeriod", r.backup_retention);
  }
  w.tags(r.tags);
  w.close();
}

void emit(const aws::DbInstance& r, TfWriter& w) {
  w.resource("aws_db_instance", r.id);
  w.kv("engine", r.engine);
  w.kv_literal("engine_version", r.engine_version);
  w.kv("auto_minor_version_upgrade", false);
  w.kv_literal("instance_class", r.instance_class);
  w.groups("vpc_security_group_ids", {r.security_group});
  w.kv("publicly_accessible", false);
  if (r.is_replica()) {
    w.ref("replicate_source_db", "aws_db_instance", r.replica_of, "identifier");
    w.kv("skip_final_snapshot", true);
  } else {
    w.kv("allocated_storage", r.storage);
    w.kv("storage_encrypted", true);
    w.kv("multi_az", r.multi_az);
    w.ref("db_subnet_group_name", "aws_db_subnet_group", r.subnet_group, "name");
    w.kv("username", r.master_username);
    w.kv("manage_master_user_password", true);  // the password lives in Secrets Manager only
    if (r.database) w.kv("db_name", *r.database);
    w.kv("backup_retention_period", r.backup_retention);
    // Kept as a snapshot when destroyed, like the CloudFormation stack.
    // Snapshot identifiers take letters, digits and hyphens only.
    w.kv("skip_final_snapshot", false);
    w.kv("final_snapshot_identifier", w.stack().name + "-" + kebab_case(r.id) + "-final");
  }
  w.tags(r.tags);
  w.close();
}

}  // namespace archc
