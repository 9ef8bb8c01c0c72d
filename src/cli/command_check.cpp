#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

namespace archc::cli {

Registered add_check_command(CLI::App& app, const GlobalOptions& global) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto* cmd = app.add_subcommand("check", "Parse and check FILEs; print their diagnostics, write nothing");
  cmd->add_option("FILE", *files, "The .arch files (-: standard input)")->required();
  cmd->footer("Example:\n  archc check samples/*.arch");
  return {cmd, [files, &global] {
            if (!reads_stdin_once(*files)) return kExitUsage;
            int status = kExitOk;
            for (const auto& file : *files) {
              auto c = load(file, global);
              if (!c) status = kExitUsage;
              else if (report(*c, global.color) > 0 && status == kExitOk) status = kExitDiagnostics;
            }
            return status;
          }};
}

}  // namespace archc::cli
