#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::MountTarget& r, CfnWriter& w) {
  w.open(r.id, "AWS::EFS::MountTarget");
  w.ref("FileSystemId", r.file_system);
  w.ref("SubnetId", r.subnet);
  w.group_ids("SecurityGroups", {r.security_group});
  w.close();
}

void emit(const aws::MountTarget& r, TfWriter& w) {
  w.resource("aws_efs_mount_target", r.id);
  w.ref("file_system_id", "aws_efs_file_system", r.file_system, "id");
  w.ref("subnet_id", "aws_subnet", r.subnet, "id");
  w.groups("security_groups", {r.security_group});
  w.close();
}

}  // namespace archc
