// `archc lint`: the check plus every warning, in a format for people, tools
// or CI. Formats and suppression live in src/lint; this file only parses the
// command line.
#include <unistd.h>

#include <filesystem>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/standard_output.hpp"
#include "lint/formats.hpp"
#include "lint/lint.hpp"

namespace archc::cli {

namespace {

struct LintOptions {
  std::vector<std::string> files;
  std::string format = "text";
  bool werror = false;
};

int run_lint(const LintOptions& o) {
  int status = kExitOk;
  std::vector<std::unique_ptr<Compilation>> compilations;  // the diagnostics point into their sources
  std::vector<lint::LintedFile> linted;
  bool errors = false, warnings = false;
  for (const auto& file : o.files) {
    auto c = load(file);
    if (!c) {
      status = kExitUsage;
      continue;
    }
    linted.push_back(lint::lint_compilation(*c));
    errors = errors || linted.back().diags.has_errors();
    warnings = warnings || linted.back().warning_count() > 0;
    compilations.push_back(std::move(c));
  }
  StandardOutput out;
  if (o.format == "json") out.stream() << lint::format_json(linted);
  else if (o.format == "sarif") out.stream() << lint::format_sarif(linted, std::filesystem::current_path().string());
  else if (o.format == "github") out.stream() << lint::format_github(linted);
  else out.stream() << lint::format_text(linted, wants_color(STDOUT_FILENO));
  if (!out.finish()) return kExitUsage;
  if (status == kExitOk && (errors || (o.werror && warnings))) status = kExitDiagnostics;
  return status;
}

}  // namespace

Registered add_lint_command(CLI::App& app) {
  auto o = std::make_shared<LintOptions>();
  auto* cmd = app.add_subcommand("lint", "Check FILEs and report every error and warning, for people or CI");
  cmd->add_option("FILE", o->files, "The .arch files")->required();
  cmd->add_option("--format", o->format, "text (default), json, sarif or github")
      ->check(CLI::IsMember({"text", "json", "sarif", "github"}));
  cmd->add_flag("--werror", o->werror, "Exit with status 1 when there are warnings");
  cmd->footer(
      "Formats (all on standard output):\n"
      "  text    source lines with carets, as `archc check` prints them\n"
      "  json    the stable schema of docs/lint.md (\"schema\": \"archc-lint/1\")\n"
      "  sarif   SARIF 2.1.0 for GitHub code scanning (upload-sarif); paths relative to the working directory\n"
      "  github  ::error/::warning workflow commands that annotate a pull request\n"
      "\n"
      "Exit status: 0 clean or warnings only, 1 errors (or warnings with --werror),\n"
      "2 usage error or a file that cannot be read.\n"
      "\n"
      "Suppression: a comment `# archc:ignore RULE[, RULE...] [-- reason]` silences those\n"
      "warnings on the next line; inside a block, or on the line before a top-level block,\n"
      "it silences them in the whole block. Errors cannot be silenced. A suppression that\n"
      "silences nothing is itself reported (unused-suppression). Rules: docs/rules.md.\n"
      "\n"
      "Examples:\n"
      "  archc lint samples/*.arch\n"
      "  archc lint site.arch --format sarif > archc.sarif\n"
      "  archc lint site.arch --format github --werror");
  return {cmd, [o] { return run_lint(*o); }};
}

}  // namespace archc::cli
