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
  Json j = {{"engine", r.engine}};
  j["engine_version"] = w.lit(r.engine_version);
  j["auto_minor_version_upgrade"] = false;
  j["instance_class"] = w.lit(r.instance_class);
  j["vpc_security_group_ids"] = w.groups({r.security_group});
  j["publicly_accessible"] = false;
  if (r.is_replica()) {
    j["replicate_source_db"] = w.ref("aws_db_instance", r.replica_of, "identifier");
    j["skip_final_snapshot"] = true;
  } else {
    j["allocated_storage"] = r.storage;
    j["storage_encrypted"] = true;
    j["multi_az"] = r.multi_az;
    j["db_subnet_group_name"] = w.ref("aws_db_subnet_group", r.subnet_group, "name");
    j["username"] = r.master_username;
    j["manage_master_user_password"] = true;  // the password lives in Secrets Manager only
    if (r.database) j["db_name"] = *r.database;
    j["backup_retention_period"] = r.backup_retention;
    // Kept as a snapshot when destroyed, like the CloudFormation stack.
    // Snapshot identifiers take letters, digits and hyphens only.
    j["skip_final_snapshot"] = false;
    j["final_snapshot_identifier"] = w.stack().name + "-" + kebab_case(r.id) + "-final";
  }
  j["tags"] = w.tags(r.tags);
  w.resource("aws_db_instance", r.id) = std::move(j);
}

}  // namespace archc
