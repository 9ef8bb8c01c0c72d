// Diagnostics: what every layer reports, and how it is shown to people.
#pragma once

#include <compare>
#include <optional>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "source/rule.hpp"
#include "source/rule_levels.hpp"
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
  // Set by Diagnostics when the run's RuleLevels made the rule's warning an
  // error (or kept it a warning): no call site chooses it.
  std::optional<Severity> level{};

  // The rule's, from rules.def, unless the run's levels changed it.
  Severity severity() const { return level.value_or(rule_info(rule).severity); }
  // The rule's stable id, as docs/rules.md and every output format show it.
  std::string_view id() const { return rule_info(rule).id; }
};

// The longest message (or note) kept, in bytes: only quoted source text
// (a name, a string) makes one longer, and loses its middle to ` ... `.
inline constexpr std::size_t kMaxMessageBytes = 1024;
// `text` cut to kMaxMessageBytes, its middle replaced by ` ... `, at UTF-8
// character boundaries: what Diagnostics does to what it records, for a
// note added to a diagnostic after it was reported.
void clip(std::string& text);

// What silences a warning before it is kept: the file's `# archc:ignore`
// comments (sema/suppression.hpp). Errors are never asked about.
class WarningFilter {
 public:
  virtual ~WarningFilter() = default;
  // Whether the warning of `rule` at `range` is silenced.
  virtual bool silence(Rule rule, const SourceRange& range) = 0;
};

// Collects the diagnostics of one run, in the order they were found. It
// drops the warnings its filter silences and those of rules its levels turn
// off, gives the others the severity its levels say, keeps at most a limit of errors,
// and of warnings, and counts the others, so the memory it takes grows with
// what is shown, not with the file.
class Diagnostics {
 public:
  // Keeps the first `error_limit` errors and the first `warning_limit`
  // warnings in source order (0: every one), whatever order they are
  // reported in: one reported past the limit takes the place of the last
  // kept one it precedes.
  explicit Diagnostics(std::size_t error_limit = 0, std::size_t warning_limit = 0)
      : error_limit_(error_limit), warning_limit_(warning_limit) {}

  // From now on, asks `filter` (which must outlive this, or be replaced)
  // about each warning reported, and counts those it silences apart:
  // neither kept nor counted as warnings. nullptr: none is silenced.
  void set_filter(WarningFilter* filter) { filter_ = filter; }
  // From now on, gives each diagnostic reported the severity `levels`
  // (which must outlive this) says for its rule: a warning of a rule that
  // is off is neither kept nor counted, not even as suppressed, once the
  // filter has been asked about it (so its `# archc:ignore` comments count
  // as used); one made an error is kept and counted as an error.
  // nullptr: rules.def's severities.
  void set_levels(const RuleLevels* levels) { levels_ = levels; }
  const RuleLevels* levels() const { return levels_; }

  // Records a diagnostic of `rule` (with the rule's severity) at `range`;
  // returns it, for the caller to add notes. One silenced, or over its
  // limit, is counted and returned as a scratch diagnostic that nothing
  // shows.
  Diagnostic& report(Rule rule, SourceRange range, std::string message);
  // The same, with the message `format` of `args` (fmt's syntax), formatted
  // only when the diagnostic is kept: a file with a million errors formats
  // the ones shown.
  template <typename Arg, typename... Args>
  Diagnostic& report(Rule rule, SourceRange range, fmt::format_string<Arg, Args...> format, Arg&& arg,
                     Args&&... args) {
    const std::optional<Severity> severity = severity_of(rule);
    Diagnostic* slot = place(rule, range, severity);
    if (!slot) {
      omitted_scratch_.rule = rule, omitted_scratch_.range = range, omitted_scratch_.level = severity;
      omitted_scratch_.message.clear(), omitted_scratch_.notes.clear(), omitted_scratch_.fixits.clear();  // keeping their memory
      return omitted_scratch_;
    }
    return fill(*slot,
                {rule, range, fmt::format(format, std::forward<Arg>(arg), std::forward<Args>(args)...), {}, {}, severity});
  }
  // Records `d` as it is (a diagnostic from another list, with the
  // severity it has there), but for a message or note longer than
  // kMaxMessageBytes.
  Diagnostic& add(Diagnostic d);
  // Counts errors and warnings that another list left out, and the warnings
  // its filter silenced, in a list that holds what that one kept (lint's).
  void count_omitted(const Diagnostics& other);

  bool has_errors() const { return errors_ > 0; }
  // Every error, and every warning, reported: kept or not.
  std::size_t error_count() const { return errors_; }
  std::size_t warning_count() const { return warnings_; }
  // Those counted but not kept.
  std::size_t omitted_errors() const { return omitted_errors_; }
  std::size_t omitted_warnings() const { return omitted_warnings_; }
  // Warnings the filter silenced.
  std::size_t suppressed() const { return suppressed_; }
  std::size_t error_limit() const { return error_limit_; }
  // What is kept.
  const std::vector<Diagnostic>& all() const { return list_; }
  // Orders by file, then position, keeping discovery order for ties.
  void sort();

 private:
  // Where a diagnostic is kept: by file path, then offset, then the order
  // reported (a tie keeps the first).
  struct Place {
    std::string_view path;
    std::uint32_t offset;
    std::size_t reported;
    auto operator<=>(const Place&) const = default;
  };
  // The severity of `rule` in this run: nothing when it is off.
  std::optional<Severity> severity_of(Rule rule) const {
    return levels_ ? levels_->severity(rule) : rule_info(rule).severity;
  }
  // Counts a diagnostic of `rule` at `range` with `severity` (nothing: the
  // rule is off); returns the slot of list_ to keep it in (a new one, or
  // that of the last kept one of its severity when the limit is reached and
  // it comes before that one), or nullptr when it is silenced, off, or
  // comes after every kept one.
  Diagnostic* place(Rule rule, const SourceRange& range, std::optional<Severity> severity);
  Diagnostic& fill(Diagnostic& slot, Diagnostic d);

  std::vector<Diagnostic> list_;
  // Per severity (errors, warnings), the places of the kept ones and their
  // index in list_, as a max-heap: its top is the one a diagnostic reported
  // past the limit may replace. Kept only while there is a limit.
  std::vector<std::pair<Place, std::size_t>> kept_[2];
  Diagnostic omitted_scratch_{};
  WarningFilter* filter_ = nullptr;
  const RuleLevels* levels_ = nullptr;
  std::size_t error_limit_ = 0, warning_limit_ = 0;
  std::size_t errors_ = 0, warnings_ = 0, omitted_errors_ = 0, omitted_warnings_ = 0, suppressed_ = 0;
};

// Renders `file:line:col: error[rule]: message`, the source line with carets
// under the range, then the notes, then each fix-it as a `help:` line with
// its text, in the manner of rustc and clang. A source line is shown as
// echo_line shows it (source/line_echo.hpp): at most a window of it, with
// control characters escaped; messages are escaped as printable() does.
// `terminal_columns`, the width of the terminal it is printed on (0: not a
// terminal), narrows the window so that each source line, with its gutter
// (`12 | `) and `...` at both ends, fits in it, but never below
// kMinEchoColumns; 0 keeps the window kEchoColumns wide.
std::string render_text(const Diagnostic& d, bool color, std::size_t terminal_columns = 0);
// What the fix-it `f` (with a valid range) does, in one line for people:
// "replace `vcp` with `vpc`", or for a whole inserted line
// "insert `# archc:ignore single-nat` above line 3"; at most
// kMaxMessageBytes, as a message.
std::string describe(const FixIt& f);
// `FILE: N errors, M warnings`, the line that closes a file's diagnostics.
// Here and in render_omitted the file name is escaped as printable() does.
std::string render_summary(const std::string& path, std::size_t errors, std::size_t warnings);
// `FILE: too many errors: N more not shown (--error-limit 0 shows all)`
// (or warnings, or both), the line before the summary when diagnostics
// were over the limit; empty when none was.
std::string render_omitted(const std::string& path, const Diagnostics& diags);

}  // namespace archc
