#include <fmt/format.h>

#include "lint/formats.hpp"

namespace archc::lint {

std::string format_text(const std::vector<LintedFile>& files, bool color) {
  std::string out;
  for (const auto& f : files) {
    for (const auto& d : f.diags.all()) out += render_text(d, color) + "\n";
    const std::size_t errors = f.diags.error_count(), warnings = f.warning_count();
    out += render_summary(f.path, errors, warnings);
    if (f.suppressed) out += fmt::format(" ({} suppressed)", f.suppressed);
    out += "\n";
  }
  return out;
}

}  // namespace archc::lint
