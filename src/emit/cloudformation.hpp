#pragma once

#include <string>

#include "lower/aws_resources.hpp"
#include "source/diagnostic.hpp"

namespace archc {

// The stack as a CloudFormation template in YAML.
std::string emit_cloudformation(const aws::Stack& stack);

// Reports, at `where` (the stack block, or no place), a stack CloudFormation
// refuses: more resources than one stack may declare (500,
// stdlib/limits.json resources_per_stack). Terraform has no such limit.
void check_cloudformation_limits(const aws::Stack& stack, SourceRange where, Diagnostics& diags);

}  // namespace archc
