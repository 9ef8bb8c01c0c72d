// `archc lint`: the check plus every warning, in a format for people, tools
// or CI. Formats and suppression live in src/lint; this file only parses the
// command line.
#include <algorithm>
#include <iostream>
#include <optional>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/input_files.hpp"
#include "cli/lint_outputs.hpp"
#include "cli/standard_output.hpp"
#include "lint/lint.hpp"
#include "source/line_echo.hpp"

namespace archc::cli {

namespace {

struct LintOptions {
  std::vector<std::string> files;
  std::vector<std::string> formats;  // FORMAT or FORMAT:PATH (lint_outputs.hpp)
  std::optional<std::string> output_file;
  bool werror = false;
  Target target = Target::kCloudFormation;
  std::optional<std::string> base_dir;
};

int run_lint(const LintOptions& o, const GlobalOptions& global) {
  const InputFiles inputs = expand_inputs(o.files);
  if (!reads_stdin_once(inputs.files)) return kExitUsage;
  std::string error;
  const auto outputs = parse_lint_outputs(o.formats, o.output_file, error);
  if (!outputs) {
    std::cerr << "archc: error: " << error << '\n';
    return kExitUsage;
  }
  if (const auto why = output_over_input(*outputs, inputs.files)) {
    std::cerr << "archc: error: " << *why << '\n';
    return kExitUsage;
  }
  // The format that needs repository-relative paths, if any, and so refuses a file outside the root.
  const auto relative = std::find_if(outputs->begin(), outputs->end(),
                                     [](const LintOutput& out) { return repository_relative(out.format); });
  const auto paths = lint::RepositoryPaths::find(o.base_dir);
  StandardOutput out;
  LintReports reports(*outputs, paths, out, global.color);
  lint::Format* const format = &reports.format();
  int status = inputs.failed() ? kExitUsage : kExitOk;
  for (const auto& f : inputs.failures) format->failed(f.directory, f.reason);
  bool errors = false, warnings = false;
  // One file at a time: its compilation is freed before the next is read.
  for (const auto& file : inputs.files) {
    const std::string& path = file == "-" ? global.stdin_filename : file;
    if (relative != outputs->end() && !paths.relative(path)) {
      const std::string why = fmt::format(
          "{} lies outside {}, the repository root that {} paths are relative to (--base-dir sets it)",
          printable(path), printable(paths.base()), report_name(relative->format));
      std::cerr << "archc: error: " << why << '\n';
      format->failed(path, why);
      status = kExitUsage;
      continue;
    }
    const auto c = load(file, global, &error);
    if (!c) {
      format->failed(path, error);
      status = kExitUsage;
      continue;
    }
    check_target_limits(*c, o.target);
    const lint::LintedFile linted = lint::lint_compilation(*c);
    errors = errors || linted.diags.has_errors();
    warnings = warnings || linted.diags.warning_count() > 0;
    format->file(linted);
    if (!out.stream()) break;  // nothing more can be written
  }
  format->finish();
  // A report cut short by standard output is not written to a file either.
  if (!out.finish() || !reports.write_files()) return kExitUsage;
  if (status == kExitOk && (errors || (o.werror && warnings))) status = kExitDiagnostics;
  return status;
}

}  // namespace

Registered add_lint_command(CLI::App& app, const GlobalOptions& global) {
  auto o = std::make_shared<LintOptions>();
  auto* cmd = app.add_subcommand("lint", "Check FILEs and report every error and warning, for people or CI");
  cmd->add_option("FILE", o->files, "The .arch files (-: standard input; a directory: every *.arch under it)")->required();
  cmd->add_option("--format", o->formats,
                  "FORMAT or FORMAT:PATH, once or more: text (default), json, sarif, github, junit or gitlab; "
                  "PATH is the file it is written to (default: standard output)")
      ->allow_extra_args(false);  // one value each time: `--format sarif site.arch` leaves the FILE
  cmd->add_option("--output-file", o->output_file, "The file the one --format (or text) is written to");
  cmd->add_flag("--werror", o->werror, "Exit with status 1 when there are warnings");
  cmd->add_option("--base-dir", o->base_dir,
                  "sarif, github, junit and gitlab: the repository root that paths are relative to (default: the "
                  "root of the git work tree holding the working directory, else the working directory)")
      ->check(CLI::ExistingDirectory);
  add_target_option(*cmd, o->target,
                    "cloudformation (default) or terraform: the target whose own limits are checked too "
                    "(CloudFormation's 500 resources and 1 MiB template; Terraform has none)");
  cmd->footer(
      "Formats:\n"
      "  text    source lines with carets, as `archc check` prints them\n"
      "  json    the stable schema of docs/lint.md (\"schema\": \"archc-lint/1\")\n"
      "  sarif   SARIF 2.1.0 for GitHub code scanning (upload-sarif)\n"
      "  github  ::error/::warning workflow commands that annotate a pull request\n"
      "  junit   JUnit XML for GitLab (reports:junit) and Jenkins: a failed test case per diagnostic\n"
      "  gitlab  GitLab Code Quality JSON (reports:codequality)\n"
      "sarif, github, junit and gitlab name each file relative to the repository root (--base-dir);\n"
      "a file outside it is an error. A file that cannot be read marks the SARIF run failed\n"
      "(executionSuccessful false), and is an ::error annotation, a junit <error>, a gitlab\n"
      "blocker issue and a json `failures` entry.\n"
      "\n"
      "Several formats in one run: --format FORMAT:PATH writes FORMAT to the file PATH, and\n"
      "--format FORMAT to standard output (at most one format may). --output-file FILE is the\n"
      "file of the only --format (or of text), and cannot go with several. No file may be named\n"
      "twice, nor be an input. Each file is written whole when the run is over, or not at all;\n"
      "text in a file has no colour.\n"
      "\n"
      "Exit status: 0 clean or warnings only, 1 errors (or warnings with --werror),\n"
      "2 usage error, a file that cannot be read, or an output that cannot be written.\n"
      "\n"
      "Every format lists the first 100 errors and 100 warnings of a file (--error-limit N,\n"
      "0 for all) and says how many more there are.\n"
      "\n"
      "Suppression: a comment `# archc:ignore RULE[, RULE...] [-- reason]` silences those\n"
      "warnings on the next line; inside a block, or on the line before a top-level block,\n"
      "it silences them in the whole block. Errors cannot be silenced. A suppression that\n"
      "silences nothing is itself reported (unused-suppression). Rules: docs/rules.md.\n"
      "\n"
      "Target: a file without errors is also lowered for --target (CloudFormation unless it says\n"
      "terraform), and a CloudFormation stack held to the limits of that service: at most 500\n"
      "resources, a template of at most 1 MiB (limit-exceeded errors at the stack block).\n"
      "\n"
      "Examples:\n"
      "  archc lint samples/*.arch\n"
      "  archc lint site.arch --format sarif > archc.sarif\n"
      "  archc lint site.arch --format github --werror\n"
      "  archc lint site.arch --format sarif:archc.sarif --format junit:archc.xml --format text\n"
      "  archc lint site.arch --target terraform");
  return {cmd, [o, &global] { return run_lint(*o, global); }};
}

}  // namespace archc::cli
