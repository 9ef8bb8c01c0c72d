// The output formats of `archc lint`, one per file (format_*.cpp). Each
// renders every linted file of a run as one document for standard output.
#pragma once

#include <string>
#include <vector>

#include "lint/lint.hpp"

namespace archc::lint {

// rustc-style text: source lines with carets, then a summary per file.
std::string format_text(const std::vector<LintedFile>& files, bool color);
// The stable JSON schema of docs/lint.md.
std::string format_json(const std::vector<LintedFile>& files);
// SARIF 2.1.0 as GitHub code scanning accepts it; paths relative to `cwd`.
std::string format_sarif(const std::vector<LintedFile>& files, const std::string& cwd);
// GitHub Actions workflow commands (::error / ::warning), one per line.
std::string format_github(const std::vector<LintedFile>& files);

}  // namespace archc::lint
