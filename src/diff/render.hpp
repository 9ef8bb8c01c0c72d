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
// A property value on one line for text and Markdown: newlines and other
// control characters written as \n, \t, \xNN, and cut after 120 characters
// with `...` (JSON gives it whole).
std::string one_line(std::string_view value);
// How a security change reads: `AppSecurityGroup opened to 0.0.0.0/0 on 80 (from internet to asg.app)`.
std::string describe(const SecurityChange& c);

}  // namespace archc::diff
