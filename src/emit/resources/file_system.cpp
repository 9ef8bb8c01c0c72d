#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::FileSystem& r, CfnWriter& w) {
  w.open(r.id, "AWS::EFS::FileSystem");
  w.kv("Encrypted", r.encrypted);
  w.kv("PerformanceMode", "generalPurpose");
  w.kv("ThroughputMode", r.throughput_mode);
  if (r.transition_to_ia) {
    w.key("LifecyclePolicies");
    w.begin_seq();
    w.begin_map();
    w.kv("TransitionToIA", *r.transition_to_ia);
    w.end_map();
    w.end_seq();
  }
  w.tags(r.tags, false, "FileSystemTags");
  w.close();
}

void emit(const aws::FileSystem& r, TfWriter& w) {
  w.resource("aws_efs_file_system", r.id);
  w.kv("encrypted", r.encrypted);
  w.kv("performance_mode", "generalPurpose");
  w.kv("throughput_mode", r.throughput_mode);
  if (r.transition_to_ia) {
    w.begin_block("lifecycle_policy");
    w.kv("transition_to_ia", *r.transition_to_ia);
    w.end_block();
  }
  w.tags(r.tags);
  w.close();
}

}  // namespace archc
