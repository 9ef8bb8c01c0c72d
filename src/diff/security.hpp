// Ingress that a change opens up: access the new stack's ingress rules
// grant that no rule of the old stack granted. A new rule is such a change
// unless one old rule of the same security group covers it: the same
// source security group, or a source CIDR that contains the new one, with
// a port range that contains the new one. So a narrower CIDR, a narrower
// port range or a rule that is only renamed is no change; a rule
// removed never is.
#pragma once

#include <string>
#include <vector>

#include "lower/aws_resources.hpp"

namespace archc::diff {

struct SecurityChange {
  enum class Kind {
    Internet,     // a new source of 0.0.0.0/0 on ports the internet could not reach before
    WiderSource,  // an old rule's CIDR, on these ports, grown to a shorter prefix
    WiderPorts,   // an old rule's source, now on more ports
    NewSource,    // a source that had no rule to this group
    NaclOpened,   // an inbound network ACL entry admits packets the old ACL denied (diff/nacl_opening.hpp)
  };
  Kind kind = Kind::NewSource;
  std::string rule;         // the new ingress rule's (or network ACL entry's) logical id
  std::string group;        // the security group (or network ACL) it opens
  std::string source;       // its CIDR, or the source security group's logical id
  model::Protocol protocol = model::Protocol::Tcp;
  int from_port = 0, to_port = 0;  // TCP and UDP
  std::string was;          // WiderSource: the old CIDR; WiderPorts: the old range of that source that starts last at or
                            // before the new one (else its first), `80` or `8000-8080`
  std::string description;  // the rule's description: `from internet to alb.web`
  bool database = false;    // the group is a database's or a cache's (rds, cache)
  bool public_subnet = false;  // a source CIDR other than 0.0.0.0/0 that reaches into a public subnet (one that
                               // maps public IPs) of the new stack
};

// Every ingress the rules of `new_stack` grant beyond those of `old_stack`,
// and what its network ACLs newly admit (nacl_openings), sorted by group,
// then rule id. O(n log n) in the rules: each new rule
// looks up old rules by group and source (a CIDR's 33 possible supernets),
// and a port range in the sorted ranges of that source.
std::vector<SecurityChange> security_changes(const aws::Stack& old_stack, const aws::Stack& new_stack);

const char* kind_name(SecurityChange::Kind kind);  // internet | wider-source | wider-ports | new-source | nacl-opened
// `80`, `8000-8080`, `udp:1194`, `icmp` or `all`.
std::string port_text(model::Protocol protocol, int from, int to);

}  // namespace archc::diff
