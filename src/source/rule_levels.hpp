// The level of each warning rule in one run: as rules.def declares it, or as
// the command line or a config file sets it (docs/cli.md, "Rule levels").
// Error rules have none to set: they stand for what AWS would reject or what
// makes output impossible.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "source/rule.hpp"

namespace archc {

enum class Level { Off, Warning, Error };

// `off`, `warning` or `error`, as the command line and config files spell it;
// nothing for any other word.
std::optional<Level> parse_level(std::string_view word);

class RuleLevels {
 public:
  // Sets the level of `rule`, a warning in rules.def (an error rule is a
  // bug here: callers refuse it with a message first).
  void set(Rule rule, Level level);
  // Every level `over` sets replaces this one's for that rule.
  void override_with(const RuleLevels& over);
  // The severity a diagnostic of `rule` has: nothing when the rule is off.
  std::optional<Severity> severity(Rule rule) const;

 private:
  std::array<std::optional<Level>, kRules.size()> levels_{};  // nothing: as rules.def says
};

}  // namespace archc
