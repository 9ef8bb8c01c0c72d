// Every rule id archc reports, with the texts SARIF and `lint` show for it.
// docs/rules.md is the long form; a unit test keeps the two and the code in
// step.
#pragma once

#include <string_view>
#include <vector>

#include "source/diagnostic.hpp"

namespace archc::lint {

struct RuleInfo {
  std::string_view id;
  Severity severity;
  std::string_view summary;  // what it catches, one line
  std::string_view why;      // the AWS behaviour or Well-Architected lesson
  std::string_view fix;      // how to fix it
};

// In the order of docs/rules.md.
const std::vector<RuleInfo>& rule_catalog();
// nullptr for an id archc does not report.
const RuleInfo* find_rule(std::string_view id);

}  // namespace archc::lint
