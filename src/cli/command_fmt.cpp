#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/input_files.hpp"
#include "cli/terminal_width.hpp"
#include "cli/standard_output.hpp"
#include "driver/output_file.hpp"
#include "format/format.hpp"
#include "source/line_echo.hpp"

namespace archc::cli {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

struct FmtOptions {
  std::vector<std::string> files;
  bool check = false, diff = false;
};

// Formats one file (`-`: standard input) as the options say, printing to
// `out`; returns its exit status.
int format_one(const std::string& file, const FmtOptions& o, const GlobalOptions& global, std::ostream& out) {
  const bool from_stdin = file == "-";
  const std::string& path = from_stdin ? global.stdin_filename : file;
  std::string error;
  auto text = from_stdin ? read_descriptor(STDIN_FILENO, path, error) : read_file(path, error);
  if (!text) {
    std::cerr << "archc: error: " << error << '\n';
    return kExitUsage;
  }
  const SourceFile source(path, *text);
  Diagnostics diags(global.error_limit, global.error_limit);
  std::optional<std::string> formatted = format::format_file(source, diags);
  if (!formatted) {
    const bool color = wants_color(STDERR_FILENO, global.color);
    const std::size_t columns = terminal_columns(STDERR_FILENO);
    for (const auto& d : diags.all()) std::cerr << render_text(d, color, columns) << '\n';
    if (const std::string omitted = render_omitted(path, diags); !omitted.empty()) std::cerr << omitted << '\n';
    std::cerr << render_summary(path, diags.error_count(), diags.warning_count()) << '\n';
    return kExitDiagnostics;
  }
  if (text->starts_with(kBom)) formatted->insert(0, kBom);
  const bool changed = *formatted != *text;
  if (from_stdin && !o.check && !o.diff) {
    out << *formatted;
    return kExitOk;
  }
  if (!changed) return kExitOk;
  if (!o.check && !from_stdin) {
    // The file is replaced, not written into (write_output's atomic rename):
    // without this, a file its user may not write would be replaced as long
    // as its directory may be written, as no editor would.
    if (access(path.c_str(), W_OK) != 0) {
      std::cerr << "archc: error: cannot write " << printable(path) << ": " << std::strerror(errno) << '\n';
      return kExitUsage;
    }
    if (!write_output(path, *formatted, error)) {
      std::cerr << "archc: error: " << error << '\n';
      return kExitUsage;
    }
  }
  // Named once changed (or, with --check, when it would change): a list a
  // script may pass on.
  if (!from_stdin) out << printable(path) << '\n';
  if (o.diff) out << format::unified_diff(*text, *formatted, printable(path));
  return o.check ? kExitDiagnostics : kExitOk;
}

}  // namespace

Registered add_fmt_command(CLI::App& app, const GlobalOptions& global) {
  auto o = std::make_shared<FmtOptions>();
  auto* cmd = app.add_subcommand(
      "fmt", "Rewrite FILEs in the canonical layout and print the names of those that changed");
  cmd->add_option("FILE", o->files,
                  "The .arch files (-: standard input, formatted to standard output; a directory: every *.arch "
                  "under it)")
      ->required();
  cmd->add_flag("--check", o->check, "Write nothing: list the files that would change, exit 1 if any");
  cmd->add_flag("--diff", o->diff, "Print a unified diff of each change too");
  cmd->footer(
      "Examples:\n"
      "  archc fmt samples/*.arch\n"
      "  archc fmt --check --diff site.arch\n"
      "  archc fmt - < site.arch\n"
      "A file with a syntax error is left as it is (exit 1). See docs/fmt.md for the layout.");
  return {cmd, [o, &global] {
            const InputFiles inputs = expand_inputs(o->files);
            if (!reads_stdin_once(inputs.files)) return kExitUsage;
            StandardOutput out;
            int status = inputs.failed() ? kExitUsage : kExitOk;
            for (const auto& file : inputs.files) status = std::max(status, format_one(file, *o, global, out.stream()));
            return out.finish() ? status : kExitUsage;
          }};
}

}  // namespace archc::cli
