// Inbound traffic a change lets through a network ACL that the old ACL
// stopped (docs/diff.md, "Security changes": `nacl-opened`).
#pragma once

#include <vector>

#include "diff/security.hpp"
#include "lower/aws_resources.hpp"

namespace archc::diff {

// One change for each inbound allow entry of an ACL (by logical id, in
// both stacks) that admits a packet the old ACL denied: `rule` the entry,
// `group` the ACL, `source` its block, its protocol and ports, and in
// `was` one such packet and what denied it (`203.0.113.0 tcp:22 denied by
// entry 90`, or `... matched no entry`). In ACL and entry-number order.
std::vector<SecurityChange> nacl_openings(const aws::Stack& old_stack, const aws::Stack& new_stack);

}  // namespace archc::diff
