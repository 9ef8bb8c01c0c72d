#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "cli/commands.hpp"

namespace archc::cli {

std::unique_ptr<Compilation> load(const std::string& path) {
  std::string error;
  auto text = read_file(path, error);
  if (!text) {
    std::cerr << "archc: error: " << error << '\n';
    return nullptr;
  }
  const auto start = std::chrono::steady_clock::now();
  auto c = compile_text(path, std::move(*text));
  spdlog::debug("{}: front end took {:.3f} ms", path,
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  return c;
}

std::size_t report(const Compilation& c) {
  const bool color = isatty(STDERR_FILENO) && std::getenv("NO_COLOR") == nullptr;
  std::size_t warnings = 0;
  for (const auto& d : c.diags.all()) {
    std::cerr << render_text(d, color) << '\n';
    if (d.severity == Severity::Warning) ++warnings;
  }
  const std::size_t errors = c.diags.error_count();
  if (errors || warnings)
    std::cerr << fmt::format("{}: {} error{}, {} warning{}\n", c.source->path(), errors, errors == 1 ? "" : "s",
                             warnings, warnings == 1 ? "" : "s");
  return errors;
}

}  // namespace archc::cli
