#include "source/diagnostic.hpp"

#include "source/line_echo.hpp"
#include "source/utf8.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

namespace archc {

Diagnostic& Diagnostics::report(Rule rule, SourceRange range, std::string message) {
  const std::optional<Severity> severity = severity_of(rule);
  Diagnostic* slot = place(rule, range, severity);
  if (!slot) {
    omitted_scratch_ = {rule, range, std::move(message), {}, {}, severity};  // frees what the previous one held
    return omitted_scratch_;
  }
  return fill(*slot, {rule, range, std::move(message), {}, {}, severity});
}

void clip(std::string& text) {
  if (text.size() <= kMaxMessageBytes) return;
  constexpr std::string_view kCut = " ... ";
  const std::size_t keep = (kMaxMessageBytes - kCut.size()) / 2;
  const std::size_t head = utf8_boundary_at_or_before(text, keep);
  const std::size_t tail = utf8_boundary_at_or_before(text, text.size() - keep);
  text = text.substr(0, head) + std::string(kCut) + text.substr(tail);
}

Diagnostic* Diagnostics::place(Rule rule, const SourceRange& range, std::optional<Severity> severity) {
  // Asked first, so that a comment silencing a rule that is off is used.
  if (rule_info(rule).severity == Severity::Warning && filter_ && filter_->silence(rule, range)) {
    ++suppressed_;
    return nullptr;
  }
  if (!severity) return nullptr;
  const bool error = *severity == Severity::Error;
  const std::size_t count = ++(error ? errors_ : warnings_);
  std::size_t& omitted = error ? omitted_errors_ : omitted_warnings_;
  const std::size_t limit = error ? error_limit_ : warning_limit_;
  if (limit == 0) return &list_.emplace_back();
  auto& kept = kept_[error ? 0 : 1];
  const Place here{range.file ? std::string_view(range.file->path()) : std::string_view(), range.begin.offset,
                   errors_ + warnings_};
  if (count - omitted <= limit) {
    kept.emplace_back(here, list_.size());
    std::push_heap(kept.begin(), kept.end());
    return &list_.emplace_back();
  }
  ++omitted;
  // Reported in source order, as most are, a diagnostic past the limit
  // costs this one comparison.
  if (!(here < kept.front().first)) return nullptr;
  std::pop_heap(kept.begin(), kept.end());
  const std::size_t slot = kept.back().second;  // the last kept one, dropped
  kept.back().first = here;
  std::push_heap(kept.begin(), kept.end());
  return &list_[slot];
}

Diagnostic& Diagnostics::fill(Diagnostic& slot, Diagnostic d) {
  clip(d.message);
  for (auto& n : d.notes) clip(n.message);
  slot = std::move(d);
  return slot;
}

Diagnostic& Diagnostics::add(Diagnostic d) {
  Diagnostic* slot = place(d.rule, d.range, d.severity());
  if (!slot) {
    omitted_scratch_ = std::move(d);  // frees what the previous one held
    return omitted_scratch_;
  }
  return fill(*slot, std::move(d));
}

void Diagnostics::count_omitted(const Diagnostics& other) {
  errors_ += other.omitted_errors_;
  omitted_errors_ += other.omitted_errors_;
  warnings_ += other.omitted_warnings_;
  omitted_warnings_ += other.omitted_warnings_;
  suppressed_ += other.suppressed_;
}

void Diagnostics::sort() {
  std::stable_sort(list_.begin(), list_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    auto key = [](const Diagnostic& d) {  // the path by reference: a copy per comparison was most of a long sort
      return std::make_pair(d.range.file ? std::string_view(d.range.file->path()) : std::string_view(),
                            d.range.begin.offset);
    };
    return key(a) < key(b);
  });
}

namespace {

constexpr const char* kReset = "\x1b[0m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kRed = "\x1b[1;31m";
constexpr const char* kYellow = "\x1b[1;33m";
constexpr const char* kBlue = "\x1b[1;34m";
constexpr const char* kCyan = "\x1b[1;36m";

struct Painter {
  bool color;
  std::string operator()(const char* style, std::string_view text) const {
    return color ? fmt::format("{}{}{}", style, text, kReset) : std::string(text);
  }
};

void render_snippet(std::string& out, const SourceRange& r, const char* caret_style, const Painter& paint,
                    std::size_t terminal_columns) {
  const SourceFile& f = *r.file;
  const std::string_view line = f.line_text(r.begin.line);
  // Byte offsets of the range inside its first line; a range over several
  // lines is marked to the end of the first.
  const std::size_t begin = r.begin.offset - static_cast<std::size_t>(line.data() - f.text().data());
  const std::size_t end = r.end.line == r.begin.line ? begin + (r.end.offset - r.begin.offset) : line.size();
  const std::string gutter_num = std::to_string(r.begin.line);
  // The gutter (`12 | `) and a `...` at each end take from the terminal's width.
  const std::size_t taken = gutter_num.size() + 3 + 2 * 3;
  const LineEcho echo = echo_line(line, begin, end,
                                  terminal_columns == 0 ? kEchoColumns
                                  : terminal_columns > taken ? terminal_columns - taken
                                                             : 0);  // echo_line's least width
  const std::string pad(gutter_num.size(), ' ');
  out += fmt::format("{} {}\n", pad, paint(kBlue, "|"));
  out += fmt::format("{} {} {}\n", paint(kBlue, gutter_num), paint(kBlue, "|"), echo.text);
  out += fmt::format("{} {} {}{}\n", pad, paint(kBlue, "|"), std::string(echo.caret_column, ' '),
                     paint(caret_style, std::string(echo.caret_width, '^')));
}

std::string location(const SourceRange& r) {
  return fmt::format("{}:{}:{}", printable(r.file->path()), r.begin.line, r.begin.column);
}

}  // namespace

std::string describe(const FixIt& f) {
  const bool inserts = f.range.begin.offset == f.range.end.offset;
  std::string_view text = f.replacement;
  std::string out;
  // A whole inserted line is shown without its indentation and newline.
  if (inserts && text.ends_with('\n')) {
    text.remove_suffix(1);
    text.remove_prefix(std::min(text.find_first_not_of(" \t"), text.size()));
    out = fmt::format("insert `{}` above line {}", text, f.range.begin.line);
  } else if (inserts) {
    out = fmt::format("insert `{}` at {}:{}", text, f.range.begin.line, f.range.begin.column);
  } else {
    out = fmt::format("replace `{}` with `{}`",
                      f.range.file->text().substr(f.range.begin.offset, f.range.end.offset - f.range.begin.offset), text);
  }
  clip(out);
  return out;
}

std::string render_summary(const std::string& path, std::size_t errors, std::size_t warnings) {
  return fmt::format("{}: {} error{}, {} warning{}", printable(path), errors, errors == 1 ? "" : "s", warnings,
                     warnings == 1 ? "" : "s");
}

std::string render_omitted(const std::string& raw_path, const Diagnostics& diags) {
  const std::string path = printable(raw_path);
  const std::size_t errors = diags.omitted_errors(), warnings = diags.omitted_warnings();
  const char* const tail = "not shown (--error-limit 0 shows all)";
  if (errors && warnings)
    return fmt::format("{}: too many errors and warnings: {} more error{} and {} more warning{} {}", path, errors,
                       errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s", tail);
  if (errors || warnings)
    return fmt::format("{}: too many {}: {} more {}", path, errors ? "errors" : "warnings", errors + warnings, tail);
  return {};
}

std::string render_text(const Diagnostic& d, bool color, std::size_t terminal_columns) {
  Painter paint{color};
  const char* style = d.severity() == Severity::Error ? kRed : kYellow;
  std::string out;
  std::string head = fmt::format("{}[{}]", severity_name(d.severity()), d.id());
  if (d.range.valid()) out += paint(kBold, location(d.range) + ": ");
  out += paint(style, head) + paint(kBold, ": " + printable(d.message)) + "\n";
  if (d.range.valid()) render_snippet(out, d.range, style, paint, terminal_columns);
  for (const auto& n : d.notes) {
    if (n.range.valid()) {
      out += paint(kBold, location(n.range) + ": ") + paint(kCyan, "note") + ": " + printable(n.message) + "\n";
      render_snippet(out, n.range, kCyan, paint, terminal_columns);
    } else {
      out += fmt::format("  = {}: {}\n", paint(kCyan, "note"), printable(n.message));
    }
  }
  for (const auto& f : d.fixits)
    if (f.range.valid()) out += fmt::format("  = {}: {}\n", paint(kCyan, "help"), printable(describe(f)));
  return out;
}

}  // namespace archc
