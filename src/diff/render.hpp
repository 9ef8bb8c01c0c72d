// The three forms of a diff (docs/diff.md): text for a terminal, Markdown
// for a pull-request comment, JSON (schema archc-diff/1) for tools. Each is
// deterministic: the diff's own order. `old_name` and `new_name` are how
// the two inputs are named (a path, or REV:path for a git revision).
#pragma once

#include <string>
#include <string_view>

#include "diff/diff.hpp"

namespace archc::diff {

std::string render_text(const Diff& d, std::string_view old_name, std::string_view new_name);
std::string render_markdown(const Diff& d, std::string_view old_name, std::string_view new_name);
std::string render_json(const Diff& d, std::string_view old_name, std::string_view new_name);

// `2 added, 1 removed, 3 modified (1 replaced), 1 security change, 1 subnet moved`,
// or `no changes`: the summary line of text and Markdown.
std::string summary(const Diff& d);
// A property value on one line for text and Markdown: a newline and a tab
// written as \n and \t, other control and invisible characters and bytes
// that are not UTF-8 escaped as `check` escapes them (<U+202E>, <FF>), and
// at most 120 bytes of it shown, with `...` where it was cut (JSON gives it
// whole). The window starts 40 bytes before byte `from`, the first byte
// where the old and the new value differ, so that both sides show it.
std::string one_line(std::string_view value, std::size_t from = 0);
// The length of the common prefix of `a` and `b` in bytes: where one_line's
// windows of the two sides of a change start.
std::size_t first_difference(std::string_view a, std::string_view b);
// How a security change reads: `AppSecurityGroup opened to 0.0.0.0/0 on 80 (from internet to asg.app)`.
std::string describe(const SecurityChange& c);

}  // namespace archc::diff
