#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string_view>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "cli/commands.hpp"
#include "cli/rule_config.hpp"
#include "cli/terminal_width.hpp"
#include "lint/lint.hpp"
#include "source/line_echo.hpp"

namespace archc::cli {

bool wants_color(int fd, ColorMode mode) {
  if (mode != ColorMode::Auto) return mode == ColorMode::Always;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return isatty(fd) && !(no_color && *no_color) && !(term && std::string_view(term) == "dumb");
}

std::unique_ptr<Compilation> load(const std::string& file, const GlobalOptions& global, std::string* error) {
  const bool from_stdin = file == "-";
  const std::string& path = from_stdin ? global.stdin_filename : file;
  std::string why;
  std::error_code ec;
  if (!from_stdin && std::filesystem::is_directory(path, ec)) {
    why = fmt::format("{} is a directory: only check, lint and fmt take one", printable(path));
  }
  const auto levels =
      why.empty() ? levels_for(path, global.rule_levels, wants_color(STDERR_FILENO, global.color), why) : std::nullopt;
  auto text = !levels ? std::nullopt : from_stdin ? read_descriptor(STDIN_FILENO, path, why) : read_file(path, why);
  if (!text) {
    std::cerr << "archc: error: " << why << '\n';
    if (error) *error = std::move(why);
    return nullptr;
  }
  const auto start = std::chrono::steady_clock::now();
  auto c = compile_text(path, std::move(*text), global.error_limit, *levels);
  spdlog::debug("{}: front end took {:.3f} ms", path,
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  return c;
}

bool reads_stdin_once(const std::vector<std::string>& files) {
  if (std::count(files.begin(), files.end(), "-") <= 1) return true;
  std::cerr << "archc: error: standard input (-) is named more than once: it can be read once\n";
  return false;
}

std::size_t report(const Compilation& c, ColorMode color_mode) {
  // `# archc:ignore` comments hold for every command, not only lint.
  const lint::LintedFile file = lint::lint_compilation(c);
  const bool color = wants_color(STDERR_FILENO, color_mode);
  const std::size_t columns = terminal_columns(STDERR_FILENO);
  for (const auto& d : file.diags.all()) std::cerr << render_text(d, color, columns) << '\n';
  if (const std::string omitted = render_omitted(file.path, file.diags); !omitted.empty()) std::cerr << omitted << '\n';
  const std::size_t errors = file.diags.error_count(), warnings = file.diags.warning_count();
  if (errors || warnings) std::cerr << render_summary(file.path, errors, warnings) << '\n';
  return errors;
}

}  // namespace archc::cli
