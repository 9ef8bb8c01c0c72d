#include "source/line_echo.hpp"

#include <locale.h>
#include <wchar.h>

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "source/utf8.hpp"

namespace archc {

namespace {

constexpr std::size_t kTabWidth = 4;

// The columns a terminal gives the printable character `cp`: 2 for an East
// Asian wide or fullwidth one, 0 for a combining mark, else 1 (Unicode
// UAX #11 and the general category, as glibc's wcwidth reads them in the
// C.UTF-8 locale, whichever locale archc runs in).
std::size_t display_width(char32_t cp) {
  if (cp < 0x7F) return 1;
  static const locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t{});
  if (!utf8) return 1;  // no C.UTF-8 (libc-bin ships it): one column each, as before
  const locale_t previous = uselocale(utf8);
  const int width = wcwidth(static_cast<wchar_t>(cp));
  uselocale(previous);
  return width < 0 ? 1 : static_cast<std::size_t>(width);  // unassigned: one column
}

// One character of a line as shown: its bytes in the line and its text.
struct Shown {
  std::size_t length;     // bytes of the line it stands for
  std::string_view text;  // when it is the line's own bytes
  std::string escaped;    // otherwise
  bool tab = false;
  std::size_t text_width = 1;  // columns of `text`

  std::size_t width() const { return tab ? kTabWidth : escaped.empty() ? text_width : escaped.size(); }
  void append_to(std::string& out) const {
    if (tab) out.append(kTabWidth, ' ');
    else if (!escaped.empty()) out += escaped;
    else out += text;
  }
};

Shown shown_at(std::string_view line, std::size_t at, bool expand_tabs) {
  const std::string_view rest = line.substr(at);
  const auto c = decode_utf8(rest);
  if (!c) return {1, {}, fmt::format("<{:02X}>", static_cast<unsigned char>(rest[0]))};
  if (c->cp == '\t' && expand_tabs) return {1, {}, {}, true};
  if (is_hidden(c->cp)) return {c->length, {}, fmt::format("<U+{:04X}>", static_cast<std::uint32_t>(c->cp))};
  return {c->length, rest.substr(0, c->length), {}, false, display_width(c->cp)};
}

// Whether the whole line fits in `width` columns, looking at no more of it
// than that takes.
bool fits(std::string_view line, std::size_t width) {
  std::size_t columns = 0;
  for (std::size_t at = 0; at < line.size();) {
    const Shown s = shown_at(line, at, true);
    if ((columns += s.width()) > width) return false;
    at += s.length;
  }
  return true;
}

// Where a cut line's window starts: at most `before_columns` columns
// before `begin`. A character takes at most 4 bytes, and all but combining
// marks take at least a column, so those that can count start within 4
// bytes a column before it (a mark cut off there belongs to a character
// outside the window anyway).
std::size_t window_start(std::string_view line, std::size_t begin, std::size_t before_columns) {
  const std::size_t reach = 4 * before_columns;
  std::vector<std::pair<std::size_t, std::size_t>> before;  // offset and columns of each character
  for (std::size_t at = begin > reach ? utf8_boundary_at_or_before(line, begin - reach) : 0; at < begin;) {
    const Shown s = shown_at(line, at, true);
    before.emplace_back(at, s.width());
    at += s.length;
  }
  std::size_t first = before.size(), columns = 0;
  while (first > 0 && (columns += before[first - 1].second) <= before_columns) --first;
  // Not on a combining mark whose letter was cut off: the mark would sit on the `...`.
  while (first < before.size() && before[first].second == 0) ++first;
  return first < before.size() ? before[first].first : begin;
}

}  // namespace

bool is_hidden(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0xAD || cp == 0x61C || cp == 0x180E ||
         (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) ||
         cp == 0xFEFF || (cp >= 0xE0000 && cp <= 0xE007F);
}

LineEcho echo_line(std::string_view line, std::size_t begin, std::size_t end, std::size_t width) {
  width = std::max(width, kMinEchoColumns);
  begin = utf8_boundary_at_or_before(line, begin);
  end = std::clamp(end, begin, line.size());
  const bool whole = fits(line, width);
  const std::size_t start = whole ? 0 : window_start(line, begin, width * kEchoColumnsBefore / kEchoColumns);
  const std::size_t mark = start > 0 ? 3 : 0;  // the `...` before a cut start
  LineEcho echo{start > 0 ? "..." : "", 0, 0};
  // Columns shown so far, and those at which the range starts and ends:
  // the first character at or after each offset (one not at a character's
  // start, inside text that is not UTF-8, counts from the next).
  std::size_t columns = 0, at = start;
  std::optional<std::size_t> from, to;
  const auto mark_range = [&] {
    if (!from && at >= begin) from = columns;
    if (!to && at >= end) to = columns;
  };
  mark_range();
  while (at < line.size()) {
    const Shown s = shown_at(line, at, true);
    if (!whole && columns + s.width() > width) break;
    s.append_to(echo.text);
    columns += s.width();
    at += s.length;
    mark_range();
  }
  if (at < line.size()) echo.text += "...";
  echo.caret_column = mark + from.value_or(columns);
  echo.caret_width = std::max<std::size_t>(1, to.value_or(columns) - from.value_or(columns));
  return echo;
}

std::string printable(std::string_view text) {
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    const Shown s = shown_at(text, at, false);
    s.append_to(out);
    at += s.length;
  }
  return out;
}

}  // namespace archc
