// The frame of an IAM policy document (a role's trust and inline policies,
// a bucket's policy) in CloudFormation: one statement that allows.
#pragma once

#include "emit/cfn_writer.hpp"

namespace archc {

// The version of the IAM policy language every document is written in (IAM
// User Guide, "IAM JSON policy elements: Version").
inline constexpr const char* kPolicyVersion = "2012-10-17";

// Opens a policy document's map, its `Statement` list and the one
// statement's map, written up to `Effect: Allow`: the caller writes the
// statement's Principal, Action and Resource, then closes all three with
// end_allow_statement.
inline void begin_allow_statement(CfnWriter& w) {
  w.begin_map();
  w.kv("Version", kPolicyVersion);
  w.key("Statement");
  w.begin_seq();
  w.begin_map();
  w.kv("Effect", "Allow");
}

inline void end_allow_statement(CfnWriter& w) {
  w.end_map();
  w.end_seq();
  w.end_map();
}

}  // namespace archc
