#pragma once

#include <string>
#include <string_view>

#include "lower/aws_resources.hpp"

namespace archc {

// The stack as Terraform JSON configuration (Terraform 1.11 or later 1.x,
// hashicorp/aws 5.100 or later, up to 6.x).
std::string emit_terraform(const aws::Stack& stack);

// `LabPublicSubnetA` → `lab_public_subnet_a`. For a logical id of ASCII
// letters and digits starting with a capital (model/logical_id.hpp), a
// valid Terraform name, and one-to-one with the id. The second appends it
// to `out`.
std::string terraform_name(const std::string& logical_id);
void append_terraform_name(std::string& out, std::string_view logical_id);

// Appends the literal string `s` to `out` with Terraform's template syntax
// (`${`, `%{`) escaped.
void append_terraform_literal(std::string& out, std::string_view s);

// `LabRdsDb` → `lab-rds-db`: the logical id in identifiers that take
// hyphens but not underscores (final snapshot identifiers).
std::string kebab_case(const std::string& logical_id);

}  // namespace archc
