#include "source/diagnostic.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

namespace archc {

Diagnostic& Diagnostics::report(Rule rule, SourceRange range, std::string message) {
  return add({rule, range, std::move(message), {}, {}});
}

Diagnostic& Diagnostics::add(Diagnostic d) {
  if (d.severity() == Severity::Error) ++errors_;
  list_.push_back(std::move(d));
  return list_.back();
}

void Diagnostics::sort() {
  std::stable_sort(list_.begin(), list_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    auto key = [](const Diagnostic& d) {
      return std::make_tuple(d.range.file ? d.range.file->path() : std::string(), d.range.begin.offset);
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

constexpr int kTabWidth = 4;

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0u) == 0x80u; }

// Display width of line[0, bytes), with tabs expanded.
int display_width(std::string_view line, std::size_t bytes) {
  int width = 0;
  for (std::size_t i = 0; i < bytes && i < line.size(); ++i) {
    if (line[i] == '\t') width += kTabWidth;
    else if (!is_continuation(line[i])) ++width;
  }
  return width;
}

std::string expand_tabs(std::string_view line) {
  std::string out;
  for (char c : line) {
    if (c == '\t') out.append(kTabWidth, ' ');
    else out.push_back(c);
  }
  return out;
}

struct Painter {
  bool color;
  std::string operator()(const char* style, std::string_view text) const {
    return color ? fmt::format("{}{}{}", style, text, kReset) : std::string(text);
  }
};

void render_snippet(std::string& out, const SourceRange& r, const char* caret_style, const Painter& paint) {
  const SourceFile& f = *r.file;
  std::string_view line = f.line_text(r.begin.line);
  std::string gutter_num = std::to_string(r.begin.line);
  std::string pad(gutter_num.size(), ' ');
  // Byte offsets of the range inside its first line.
  std::string_view text = f.text();
  std::size_t line_start = r.begin.offset;
  while (line_start > 0 && text[line_start - 1] != '\n') --line_start;
  std::size_t begin_in_line = r.begin.offset - line_start;
  std::size_t end_in_line = r.end.line == r.begin.line ? r.end.offset - line_start : line.size();
  end_in_line = std::min(end_in_line, line.size());
  int col = display_width(line, begin_in_line);
  int width = std::max(1, display_width(line, end_in_line) - col);
  out += fmt::format("{} {}\n", pad, paint(kBlue, "|"));
  out += fmt::format("{} {} {}\n", paint(kBlue, gutter_num), paint(kBlue, "|"), expand_tabs(line));
  out += fmt::format("{} {} {}{}\n", pad, paint(kBlue, "|"), std::string(col, ' '),
                     paint(caret_style, std::string(width, '^')));
}

std::string location(const SourceRange& r) {
  return fmt::format("{}:{}:{}", r.file->path(), r.begin.line, r.begin.column);
}

}  // namespace

std::string describe(const FixIt& f) {
  const bool inserts = f.range.begin.offset == f.range.end.offset;
  std::string_view text = f.replacement;
  // A whole inserted line is shown without its indentation and newline.
  if (inserts && text.ends_with('\n')) {
    text.remove_suffix(1);
    text.remove_prefix(std::min(text.find_first_not_of(" \t"), text.size()));
    return fmt::format("insert `{}` above line {}", text, f.range.begin.line);
  }
  if (inserts) return fmt::format("insert `{}` at {}:{}", text, f.range.begin.line, f.range.begin.column);
  return fmt::format("replace `{}` with `{}`",
                     f.range.file->text().substr(f.range.begin.offset, f.range.end.offset - f.range.begin.offset), text);
}

namespace {

}  // namespace

std::string render_summary(const std::string& path, std::size_t errors, std::size_t warnings) {
  return fmt::format("{}: {} error{}, {} warning{}", path, errors, errors == 1 ? "" : "s", warnings,
                     warnings == 1 ? "" : "s");
}

std::string render_text(const Diagnostic& d, bool color) {
  Painter paint{color};
  const char* style = d.severity() == Severity::Error ? kRed : kYellow;
  std::string out;
  std::string head = fmt::format("{}[{}]", severity_name(d.severity()), d.id());
  if (d.range.valid()) out += paint(kBold, location(d.range) + ": ");
  out += paint(style, head) + paint(kBold, ": " + d.message) + "\n";
  if (d.range.valid()) render_snippet(out, d.range, style, paint);
  for (const auto& n : d.notes) {
    if (n.range.valid()) {
      out += paint(kBold, location(n.range) + ": ") + paint(kCyan, "note") + ": " + n.message + "\n";
      render_snippet(out, n.range, kCyan, paint);
    } else {
      out += fmt::format("  = {}: {}\n", paint(kCyan, "note"), n.message);
    }
  }
  for (const auto& f : d.fixits)
    if (f.range.valid()) out += fmt::format("  = {}: {}\n", paint(kCyan, "help"), describe(f));
  return out;
}

}  // namespace archc
