// echo_line and printable: what a diagnostic shows of a source line stays
// a window of at most kEchoColumns columns (or those it is given, at least
// kMinEchoColumns), with `...` at cut ends, carets
// at the range, UTF-8 cut only between characters, and no control
// character reaching the terminal.
#include <catch2/catch.hpp>

#include <utility>
#include <vector>

#include "source/line_echo.hpp"
#include "source/utf8.hpp"

namespace archc {
namespace {

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

bool is_utf8(std::string_view s) {
  while (!s.empty()) {
    const auto c = decode_utf8(s);
    if (!c) return false;
    s.remove_prefix(c->length);
  }
  return true;
}

TEST_CASE("a line that fits is shown whole", "[echo]") {
  const std::string line = repeat("a", kEchoColumns - 3) + "ERR";
  const LineEcho echo = echo_line(line, kEchoColumns - 3, kEchoColumns);
  CHECK(echo.text == line);
  CHECK(echo.caret_column == kEchoColumns - 3);
  CHECK(echo.caret_width == 3);
}

TEST_CASE("a long line is cut around the range, with ... at each cut end", "[echo]") {
  const std::string line = repeat("a", 100) + "ERR" + repeat("b", 500);
  const LineEcho echo = echo_line(line, 100, 103);
  CHECK(echo.text == "..." + line.substr(100 - kEchoColumnsBefore, kEchoColumns) + "...");
  CHECK(echo.caret_column == 3 + kEchoColumnsBefore);
  CHECK(echo.caret_width == 3);
  CHECK(echo.text.substr(echo.caret_column, 3) == "ERR");  // the carets stand under the range
}

TEST_CASE("a narrower window keeps 3 in 10 of its columns before the range, and no fewer than 40", "[echo]") {
  const std::string line = repeat("a", 100) + "ERR" + repeat("b", 500);
  LineEcho echo = echo_line(line, 100, 103, 80);
  CHECK(echo.text == "..." + line.substr(100 - 24, 80) + "...");
  CHECK(echo.caret_column == 3 + 24);
  CHECK(echo.text.substr(echo.caret_column, 3) == "ERR");
  // Below the least width, the least width.
  echo = echo_line(line, 100, 103, 10);
  CHECK(echo.text == "..." + line.substr(100 - 12, kMinEchoColumns) + "...");
  CHECK(echo.caret_column == 3 + 12);
  CHECK(echo.text.substr(echo.caret_column, 3) == "ERR");
  // A line that fits the window is whole.
  CHECK(echo_line(repeat("a", 80), 70, 71, 80).text == repeat("a", 80));
  CHECK(echo_line(repeat("a", 81), 70, 71, 80).text == "..." + repeat("a", 81 - 46));  // from 70 - 24
}

TEST_CASE("a range near the start of a long line keeps the start", "[echo]") {
  const std::string line = repeat("x", 1000);
  const LineEcho echo = echo_line(line, 10, 11);
  CHECK(echo.text == repeat("x", kEchoColumns) + "...");
  CHECK(echo.caret_column == 10);
  CHECK(echo.caret_width == 1);
}

TEST_CASE("a range wider than the window has carets up to the window's end", "[echo]") {
  const std::string line = repeat("x", 1000);
  const LineEcho echo = echo_line(line, 100, 900);
  CHECK(echo.text == "..." + repeat("x", kEchoColumns) + "...");
  CHECK(echo.caret_column == 3 + kEchoColumnsBefore);
  CHECK(echo.caret_width == kEchoColumns - kEchoColumnsBefore);
}

TEST_CASE("a range at the end of a long line is shown with the text before it", "[echo]") {
  const std::string line = repeat("x", 1000);
  const LineEcho echo = echo_line(line, 1000, 1000);
  CHECK(echo.text == "..." + repeat("x", kEchoColumnsBefore));
  CHECK(echo.caret_column == 3 + kEchoColumnsBefore);
  CHECK(echo.caret_width == 1);
}

TEST_CASE("a long line of multi-byte characters is cut between characters", "[echo]") {
  // é and € take a column each; 😀 and 雲 two (East Asian Width W).
  for (const auto& [ch, width] : std::vector<std::pair<std::string_view, std::size_t>>{
           {"\xC3\xA9", 1}, {"\xE2\x82\xAC", 1}, {"\xF0\x9F\x98\x80", 2}, {"\xE9\x9B\xB2", 2}}) {
    INFO(ch.size());
    const std::string line = repeat(ch, 500);
    const LineEcho echo = echo_line(line, 300 * ch.size(), 301 * ch.size());
    CHECK(is_utf8(echo.text));
    CHECK(echo.text == "..." + repeat(ch, kEchoColumns / width) + "...");
    CHECK(echo.caret_column == 3 + kEchoColumnsBefore);
    CHECK(echo.caret_width == width);
  }
}

TEST_CASE("carets stand under the range after wide characters and combining marks", "[echo]") {
  // `名前 = "x"`: the two CJK characters take four columns.
  const std::string cjk = "\xE5\x90\x8D\xE5\x89\x8D = vcp";
  LineEcho echo = echo_line(cjk, cjk.size() - 3, cjk.size());
  CHECK(echo.caret_column == 7);
  CHECK(echo.caret_width == 3);
  // `cafe\u0301 vcp`: the accent combines with the e and takes no column.
  const std::string marked = "cafe\xCC\x81 vcp";
  echo = echo_line(marked, marked.size() - 3, marked.size());
  CHECK(echo.caret_column == 5);
  // A range over the wide characters themselves is two carets each.
  echo = echo_line(cjk, 0, 6);
  CHECK(echo.caret_column == 0);
  CHECK(echo.caret_width == 4);
}

TEST_CASE("a cut line does not start on a combining mark whose letter it cut off", "[echo]") {
  // e + U+0301 takes one column in three bytes: the window's first column
  // would be the accent of a letter left outside.
  const std::string accented = "e\xCC\x81";
  const std::string line = repeat("x", 99) + repeat(accented, 100) + "ERR" + repeat("x", 300);
  const LineEcho echo = echo_line(line, 99 + 300, 99 + 303);
  CHECK(echo.text.starts_with("..." + accented));
  CHECK(echo.caret_column == 3 + kEchoColumnsBefore);
}

TEST_CASE("invisible format characters are escaped: soft hyphen, bidi marks, tags", "[echo]") {
  CHECK(printable("a\xC2\xAD" "b\xD8\x9C" "c\xE1\xA0\x8E" "d\xF3\xA0\x81\x81" "e") ==
        "a<U+00AD>b<U+061C>c<U+180E>d<U+E0041>e");
}

TEST_CASE("a cut line of wide characters keeps its window within the columns", "[echo]") {
  const std::string line = repeat("\xE9\x9B\xB2", 100) + "ERR" + repeat("\xE9\x9B\xB2", 300);
  const LineEcho echo = echo_line(line, 300, 303);
  CHECK(echo.text == "..." + repeat("\xE9\x9B\xB2", kEchoColumnsBefore / 2) + "ERR" +
                         repeat("\xE9\x9B\xB2", (kEchoColumns - kEchoColumnsBefore - 3) / 2) + "...");
  CHECK(echo.caret_column == 3 + kEchoColumnsBefore);
  CHECK(echo.caret_width == 3);
}

TEST_CASE("control characters and bytes that are not UTF-8 are escaped, and the carets follow", "[echo]") {
  const char raw[] = "a\0b\x1b[31mc\xFF" "d\x7F" "e\xC2\x9B" "f\xE2\x80\xAE" "g";
  const std::string line(raw, sizeof raw - 1);
  const LineEcho echo = echo_line(line, line.size() - 1, line.size());
  CHECK(echo.text == "a<U+0000>b<U+001B>[31mc<FF>d<U+007F>e<U+009B>f<U+202E>g");
  CHECK(echo.caret_column == echo.text.size() - 1);
  CHECK(echo.caret_width == 1);
}

TEST_CASE("a line of NUL bytes (/dev/zero) shows a window of escapes", "[echo]") {
  const std::string line(100000, '\0');
  const LineEcho echo = echo_line(line, 0, 0);
  CHECK(echo.text == repeat("<U+0000>", kEchoColumns / 8) + "...");
  CHECK(echo.caret_column == 0);
  CHECK(echo.caret_width == 1);
}

TEST_CASE("a tab is four spaces in the echo", "[echo]") {
  const LineEcho echo = echo_line("\tx", 1, 2);
  CHECK(echo.text == "    x");
  CHECK(echo.caret_column == 4);
}

TEST_CASE("printable escapes what echo_line escapes, and tabs and line ends too", "[echo]") {
  CHECK(printable("vpc `caf\xC3\xA9`") == "vpc `caf\xC3\xA9`");
  const char raw[] = "a\tb\nc\x1b\0d\xFE";
  CHECK(printable(std::string(raw, sizeof raw - 1)) == "a<U+0009>b<U+000A>c<U+001B><U+0000>d<FE>");
}

}  // namespace
}  // namespace archc
