#pragma once

#include <string>

#include "lower/aws_resources.hpp"

namespace archc {

// The stack as a CloudFormation template in YAML.
std::string emit_cloudformation(const aws::Stack& stack);

}  // namespace archc
