// What a diagnostic shows of a source line: a window around the range, as
// text any terminal shows as it is. A line can be 64 MiB long and hold any
// byte before the encoding check rejects it; what is printed stays small
// and inert.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace archc {

// The most columns of a line a diagnostic shows, not counting the `...`
// that marks a cut end, when not told how wide the terminal is.
inline constexpr std::size_t kEchoColumns = 200;
// When a line is cut, the columns shown before the range, out of
// kEchoColumns; a narrower window keeps the same share (3 in 10).
inline constexpr std::size_t kEchoColumnsBefore = 60;
// The fewest columns of a window, however narrow the terminal: fewer
// would show too little around the range to recognise the line.
inline constexpr std::size_t kMinEchoColumns = 40;

struct LineEcho {
  std::string text;           // what to print for the line
  std::size_t caret_column;   // 0-based display column of the range's start in `text`
  std::size_t caret_width;    // display columns under the range shown, at least 1
};

// The echo of `line` (without its line end) for the byte range [begin,
// end) of it, clamped to the line. Each character takes the columns a
// terminal gives it (two for CJK and other wide characters, none for a
// combining mark: Unicode UAX #11, through glibc's wcwidth), but:
// - a tab becomes 4 spaces;
// - a control character (C0 but tab, DEL, C1), an invisible format
//   character (U+00AD, U+061C, U+180E, U+200B-U+200F, U+2028-U+202E,
//   U+2060-U+206F, U+FEFF, the tags U+E0000-U+E007F: they
//   would hide or reorder text) becomes `<U+XXXX>`, as clang shows it;
// - a byte that is not UTF-8 becomes `<XX>`.
// A line wider than `columns` (at least kMinEchoColumns) is cut to a window
// of `columns` that holds the range's start and at most 3 in 10 of them
// (kEchoColumnsBefore of kEchoColumns) before it, with `...` at each end
// that was cut; the carets stop at the window's end.
LineEcho echo_line(std::string_view line, std::size_t begin, std::size_t end, std::size_t columns = kEchoColumns);

// A control character (C0, DEL, C1) or an invisible format character
// (U+00AD, U+061C, U+180E, U+200B-U+200F, U+2028-U+202E, U+2060-U+206F,
// U+FEFF, U+E0000-U+E007F): what echo_line
// and printable() escape.
bool is_hidden(char32_t cp);

// `text` with control and invisible characters and bytes that are not
// UTF-8 escaped as echo_line escapes them (a tab too, as `<U+0009>`), for
// messages that quote source text.
std::string printable(std::string_view text);

}  // namespace archc
