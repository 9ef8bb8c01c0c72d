// Placeholder until `archc lint` lands: registers the command and says so.
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

namespace archc::cli {

Registered add_lint_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("lint", "(not yet available)");
  return {cmd, [] {
            std::cerr << "archc: error: 'lint' is not available yet\n";
            return kExitUsage;
          }};
}

}  // namespace archc::cli
