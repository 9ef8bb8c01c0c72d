// Diagnostics: what every layer reports, and how it is shown to people.
#pragma once

#include <string>
#include <vector>

#include "source/rule.hpp"
#include "source/source_file.hpp"

namespace archc {

struct DiagnosticNote {
  SourceRange range;  // may be invalid: a note about no place in particular
  std::string message;
};

// An edit that fixes (or, for a warning, silences) a diagnostic: the text of
// `range` becomes `replacement`. An empty range inserts at its place.
struct FixIt {
  SourceRange range;
  std::string replacement;
};

struct Diagnostic {
  Rule rule;
  SourceRange range;
  std::string message;
  std::vector<DiagnosticNote> notes;
  std::vector<FixIt> fixits;  // each a whole fix on its own, not parts of one edit

  // The rule's, from rules.def: no call site chooses it.
  Severity severity() const { return rule_info(rule).severity; }
  // The rule's stable id, as docs/rules.md and every output format show it.
  std::string_view id() const { return rule_info(rule).id; }
};

// Collects the diagnostics of one run, in the order they were found.
class Diagnostics {
 public:
  // Records a diagnostic of `rule` (with the rule's severity) at `range`;
  // returns it, for the caller to add notes.
  Diagnostic& report(Rule rule, SourceRange range, std::string message);
  // Records `d` as it is (a diagnostic from another list).
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
// under the range, then the notes, then each fix-it as a `help:` line with
// its text, in the manner of rustc and clang.
std::string render_text(const Diagnostic& d, bool color);
// What the fix-it `f` (with a valid range) does, in one line for people:
// "replace `vcp` with `vpc`", or for a whole inserted line
// "insert `# archc:ignore single-nat` above line 3".
std::string describe(const FixIt& f);
// `FILE: N errors, M warnings`, the line that closes a file's diagnostics.
std::string render_summary(const std::string& path, std::size_t errors, std::size_t warnings);

}  // namespace archc
