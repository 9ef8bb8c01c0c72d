#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/input_files.hpp"

namespace archc::cli {

namespace {

struct CheckOptions {
  std::vector<std::string> files;
  Target target = Target::kCloudFormation;
};

}  // namespace

Registered add_check_command(CLI::App& app, const GlobalOptions& global) {
  auto o = std::make_shared<CheckOptions>();
  auto* cmd = app.add_subcommand("check", "Parse and check FILEs; print their diagnostics, write nothing");
  cmd->add_option("FILE", o->files, "The .arch files (-: standard input; a directory: every *.arch under it)")->required();
  add_target_option(*cmd, o->target,
                    "cloudformation (default) or terraform: the target whose own limits are checked too "
                    "(CloudFormation's 500 resources and 1 MiB template; Terraform has none)");
  cmd->footer("Examples:\n  archc check samples/*.arch\n  archc check site.arch --target terraform");
  return {cmd, [o, &global] {
            const InputFiles inputs = expand_inputs(o->files);
            if (!reads_stdin_once(inputs.files)) return kExitUsage;
            int status = inputs.failed() ? kExitUsage : kExitOk;
            for (const auto& file : inputs.files) {
              auto c = load(file, global);
              if (!c) {
                status = kExitUsage;
                continue;
              }
              check_target_limits(*c, o->target);
              if (report(*c, global.color) > 0 && status == kExitOk) status = kExitDiagnostics;
            }
            return status;
          }};
}

}  // namespace archc::cli
