// Diagnostics: what every layer reports, and how it is shown to people.
#pragma once

#include <string>
#include <vector>

#include "source/source_file.hpp"

namespace archc {

enum class Severity { Error, Warning };

struct DiagnosticNote {
  SourceRange range;  // may be invalid: a note about no place in particular
  std::string message;
};

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string rule;  // stable id, documented in docs/rules.md
  SourceRange range;
  std::string message;
  std::vector<DiagnosticNote> notes;
};

// Collects the diagnostics of one run, in the order they were found.
class Diagnostics {
 public:
  Diagnostic& error(std::string rule, SourceRange range, std::string message);
  Diagnostic& warning(std::string rule, SourceRange range, std::string message);
  Diagnostic& add(Diagnostic d);

  bool has_errors() const { return errors_ > 0; }
  std::size_t error_count() const { return errors_; }
  const std::vector<Diagnostic>& all() const { return list_; }
  // Orders by file, then position, keeping discovery order for ties.
  void sort();

 private:
  std::vector<Diagnostic> list_;
  std::size_t errors_ = 0;
};

// Renders `file:line:col: error[rule]: message`, the source line with carets
// under the range, then the notes, in the manner of rustc and clang.
std::string render_text(const Diagnostic& d, bool color);
// `FILE: N errors, M warnings`, the line that closes a file's diagnostics.
std::string render_summary(const std::string& path, std::size_t errors, std::size_t warnings);

}  // namespace archc
