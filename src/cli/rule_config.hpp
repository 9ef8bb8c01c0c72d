// The level of each rule for an input file: `--rule ID=LEVEL` on the command
// line over the nearest `.archc.yaml` over rules.def (docs/cli.md, "Rule
// levels"; docs/lint.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "source/rule_levels.hpp"

namespace archc::cli {

// The name of the config file looked for beside and above each input.
inline constexpr std::string_view kConfigName = ".archc.yaml";

// Sets `levels` from one --rule value, `ID=LEVEL` or several joined by
// commas; returns why it cannot (empty: done): an id that is no rule (with
// the nearest one when it is close), an error rule (errors are what AWS would
// reject or what makes output impossible: never turned off or down), or a
// level that is not off, warning or error.
std::string add_rule_setting(std::string_view setting, RuleLevels& levels);

// The levels for the input named `path` (`-`'s name for standard input):
// those of the nearest `.archc.yaml` in its directory or above, where the
// walk stops at a directory holding `.git` (the repository root, whose own
// config still counts) or at the file system root, with `command_line`'s
// over them. A config file is read once per run however many inputs it
// serves. Nothing when the config file cannot be read or has errors: those
// are printed to stderr as diagnostics of rule config-file (coloured when
// `color`) and `why` says which file it was.
std::optional<RuleLevels> levels_for(const std::string& path, const RuleLevels& command_line, bool color,
                                     std::string& why);

}  // namespace archc::cli
