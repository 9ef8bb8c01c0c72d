#pragma once

#include <string>

#include "lower/aws_resources.hpp"

namespace archc {

// The stack as Terraform JSON configuration (Terraform 1.11 or later 1.x,
// hashicorp/aws 5.100 or later, up to 6.x).
std::string emit_terraform(const aws::Stack& stack);

// `LabPublicSubnetA` → `lab_public_subnet_a`. For a logical id of ASCII
// letters and digits starting with a capital (model/logical_id.hpp), a
// valid Terraform name, and one-to-one with the id.
std::string terraform_name(const std::string& logical_id);

// Escapes Terraform's template syntax (`${`, `%{`) in a literal string.
std::string terraform_literal(const std::string& s);

// `LabRdsDb` → `lab-rds-db`: the logical id in identifiers that take
// hyphens but not underscores (final snapshot identifiers).
std::string kebab_case(const std::string& logical_id);

}  // namespace archc
