// Placeholder until `archc plan` lands: registers the command and says so.
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

namespace archc::cli {

Registered add_plan_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("plan", "(not yet available)");
  return {cmd, [] {
            std::cerr << "archc: error: 'plan' is not available yet\n";
            return kExitUsage;
          }};
}

}  // namespace archc::cli
