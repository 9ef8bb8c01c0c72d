#include "source/rule_levels.hpp"

#include <cassert>

namespace archc {

std::optional<Level> parse_level(std::string_view word) {
  if (word == "off") return Level::Off;
  if (word == "warning") return Level::Warning;
  if (word == "error") return Level::Error;
  return std::nullopt;
}

void RuleLevels::set(Rule rule, Level level) {
  assert(rule_info(rule).severity == Severity::Warning);
  levels_[static_cast<std::size_t>(rule)] = level;
}

void RuleLevels::override_with(const RuleLevels& over) {
  for (std::size_t i = 0; i < levels_.size(); ++i)
    if (over.levels_[i]) levels_[i] = over.levels_[i];
}

std::optional<Severity> RuleLevels::severity(Rule rule) const {
  const std::optional<Level> level = levels_[static_cast<std::size_t>(rule)];
  if (!level) return rule_info(rule).severity;
  if (*level == Level::Off) return std::nullopt;
  return *level == Level::Error ? Severity::Error : Severity::Warning;
}

}  // namespace archc
