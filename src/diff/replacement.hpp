// Which property changes replace a resource: the deployed one is deleted
// and a new one created (new id, new addresses, a database's data only in
// its snapshot), rather than updated in place.
//
// Declared per resource type and CloudFormation property, after the AWS
// CloudFormation resource reference
// (docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/,
// the property's "Update requires: Replacement"), each naming the Terraform
// AWS provider's attribute that is ForceNew ("forces new resource" in the
// provider's docs) for the same property, when there is one. A property
// missing here is updated in place (tags, sizes, a listener's port ...). A
// few properties CloudFormation updates in place are replaced by the
// provider, which has no update for their resource (a network ACL entry's
// action, block, protocol and ports): those rules say so;
// replacement.cpp says how far the entries were verified.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace archc::diff {

struct ReplacementRule {
  std::string_view type;       // CloudFormation resource type
  std::string_view property;   // CloudFormation property (properties.hpp names)
  std::string_view terraform;  // the Terraform resource.attribute that is ForceNew, or empty when only
                               // CloudFormation replaces
  bool cloudformation = true;  // false: only the provider replaces; CloudFormation updates in place
};

// Which backends replace: "CloudFormation, Terraform aws_subnet.cidr_block",
// "CloudFormation", or "Terraform aws_network_acl_rule.protocol".
std::string replaced_by(const ReplacementRule& r);

// Every rule, sorted by type and then property.
std::span<const ReplacementRule> replacement_rules();

// The rule that says a change of `property` replaces a resource of `type`,
// or null when the change is made in place. O(log n) in the table.
const ReplacementRule* replacement_rule(std::string_view type, std::string_view property);

}  // namespace archc::diff
