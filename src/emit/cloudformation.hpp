#pragma once

#include <string>
#include <string_view>

#include "lower/aws_resources.hpp"
#include "source/diagnostic.hpp"

namespace archc {

// The stack as a CloudFormation template in YAML.
std::string emit_cloudformation(const aws::Stack& stack);

// Reports, at `where` (the stack block, or the file's start without one),
// a stack CloudFormation refuses, given `stack` and its template
// (emit_cloudformation): more resources than one stack may declare (500,
// stdlib/limits.json resources_per_stack), or a template larger than
// CloudFormation reads even from S3 (1,048,576 bytes, template_body_bytes),
// each a limit-exceeded error. limits.json cites the source of both, AWS's
// CloudFormation quotas page. Terraform has no such limits.
void check_cloudformation_limits(const aws::Stack& stack, std::string_view template_text, SourceRange where,
                                 Diagnostics& diags);

}  // namespace archc
