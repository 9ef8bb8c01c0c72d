#include "source/rule.hpp"

#include <algorithm>

namespace archc {

std::optional<Rule> find_rule(std::string_view id) {
  const auto it = std::find_if(kRules.begin(), kRules.end(), [&](const RuleInfo& r) { return r.id == id; });
  if (it == kRules.end()) return std::nullopt;
  return it->rule;
}

}  // namespace archc
