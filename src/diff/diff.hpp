// What changes in the deployed architecture between two lowered stacks
// (`archc diff`, docs/diff.md): resources added, removed and modified
// (matched by logical id), which modifications replace the resource
// (replacement.hpp), ingress that opens up (security.hpp), and subnets whose
// addresses move. Computed from the lowerings, never from text, so a
// reformatted or reordered file gives no change.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "diff/replacement.hpp"
#include "diff/security.hpp"
#include "lower/aws_resources.hpp"

namespace archc::diff {

struct PropertyChange {
  std::string name;                 // CloudFormation property name
  std::string old_value, new_value;  // empty when the property is absent on that side
  bool old_present = true, new_present = true;
  // A list on both sides (subnets, security groups, tags, DependsOn): its
  // elements only in the new list, and only in the old one, each in its
  // list's order; text and Markdown show these rather than both lists.
  bool is_list = false;
  std::vector<std::string> added, removed;
  const ReplacementRule* replacement = nullptr;  // the rule by which the change replaces the resource, or null
  bool replaces() const { return replacement != nullptr; }
};

struct ResourceChange {
  enum class Kind { Added, Removed, Modified };
  Kind kind = Kind::Modified;
  std::string id;    // logical id
  std::string type;  // CloudFormation type; a resource whose type changed is removed and added
  std::vector<PropertyChange> properties;  // Modified: the properties that differ, in the type's order
  // Replaced because a property whose change replaces it refers to a
  // resource that is replaced (a NAT gateway's SubnetId, a security group's
  // VpcId): that property and that resource's logical id; empty otherwise.
  // The new physical id of what it refers to is a change of that property
  // when the stack deploys, though the template's value, a logical id, stays.
  std::string follows_property, follows;
  bool replaced() const;
};

// A tier's subnet in one zone whose CIDR changed (it is replaced).
struct SubnetMove {
  std::string id, zone, old_cidr, new_cidr;
  // Another subnet of its VPC in the old stack whose addresses the new CIDR
  // overlaps, or empty. CloudFormation creates a replacement before it
  // deletes what it replaces, so such a move fails while that subnet still
  // holds them (a CIDR conflict) unless the stack is deployed in steps.
  std::string onto;
};

struct Diff {
  std::vector<ResourceChange> resources;  // removed, modified, then added, each sorted by id
  std::vector<SecurityChange> security;   // sorted by group, then rule id
  std::vector<SubnetMove> subnets;        // sorted by id
  std::size_t count(ResourceChange::Kind kind) const;
  std::size_t replacements() const;
  bool empty() const { return resources.empty(); }
};

// Compares two lowered stacks. O(n log n) in their resources and rules.
Diff compare(const aws::Stack& old_stack, const aws::Stack& new_stack);

const char* kind_name(ResourceChange::Kind kind);  // added | removed | modified

}  // namespace archc::diff
