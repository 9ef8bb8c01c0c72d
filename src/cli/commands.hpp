// The subcommands of archc. Each add_*_command registers its options on the
// app and returns the function that runs it once parsed.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "driver/compilation.hpp"
#include "source/rule_levels.hpp"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace archc::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitDiagnostics = 1;
inline constexpr int kExitUsage = 2;

// --color: whether diagnostics and lint text are coloured.
enum class ColorMode { Auto, Always, Never };

// The options of archc itself, given before or after the command.
struct GlobalOptions {
  bool verbose = false;
  std::size_t error_limit = kDefaultErrorLimit;  // per file; 0: no limit
  ColorMode color = ColorMode::Auto;
  std::string stdin_filename = "<stdin>";  // FILE `-` in messages and lint output
  RuleLevels rule_levels;  // --rule: over every config file's
};

using Command = std::function<int()>;
struct Registered {
  CLI::App* app;
  Command run;
};

// `global` outlives the returned command, which reads it when it runs.
Registered add_build_command(CLI::App& app, const GlobalOptions& global);
Registered add_check_command(CLI::App& app, const GlobalOptions& global);
Registered add_lint_command(CLI::App& app, const GlobalOptions& global);
Registered add_plan_command(CLI::App& app, const GlobalOptions& global);
Registered add_diff_command(CLI::App& app, const GlobalOptions& global);
Registered add_graph_command(CLI::App& app, const GlobalOptions& global);
Registered add_fmt_command(CLI::App& app, const GlobalOptions& global);
Registered add_lsp_command(CLI::App& app, const GlobalOptions& global);

// The stack a command builds, or whose own limits it checks.
enum class Target { kCloudFormation, kTerraform };
// `--target cloudformation|terraform` on `cmd`, into `target`, which holds
// the default.
CLI::Option* add_target_option(CLI::App& cmd, Target& target, const std::string& description);

struct BuiltStack {
  std::string text;
  std::size_t resources;
};
// Lowers `c`, which has no errors, and writes its stack for `target`. The
// target's own limits are reported into c.diags, at the stack block (1:1 in
// a file without one): CloudFormation's 500 resources and 1 MiB template
// (check_cloudformation_limits, stdlib/limits.json), which only the lowered
// stack and its template show; Terraform has none.
BuiltStack build_stack(Compilation& c, Target target);
// What `check` and `lint` add to the front end's diagnostics: the target's
// own limits, for a file without errors (build_stack; the stack is dropped).
void check_target_limits(Compilation& c, Target target);

// Reads and compiles a file (`-`: standard input, named
// global.stdin_filename), keeping its first global.error_limit errors (0:
// all), with the rule levels of its config file and the command line
// (rule_config.hpp); prints an I/O error, or the errors of its config file,
// and returns null when it cannot be read or its config has errors, the
// message also in `*error` when given. A directory is refused by name.
std::unique_ptr<Compilation> load(const std::string& path, const GlobalOptions& global, std::string* error = nullptr);
// False, after printing why, when `files` names standard input (`-`) more
// than once: the first would read it all, the others nothing.
bool reads_stdin_once(const std::vector<std::string>& files);
// Whether to colour what goes to `fd`: always or never as `mode` says; for
// Auto, only a terminal, and not when NO_COLOR is set and not empty
// (no-color.org) or TERM is `dumb` (a terminal that knows no escapes).
bool wants_color(int fd, ColorMode mode);
// Prints a file's diagnostics, less those its suppression comments silence,
// as text to stderr (coloured as wants_color says for `color`), then how
// many were over the limit (render_omitted) and a summary line; returns
// the number of errors.
std::size_t report(const Compilation& c, ColorMode color);

}  // namespace archc::cli
