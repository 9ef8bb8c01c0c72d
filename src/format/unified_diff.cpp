// `archc fmt --diff`. terraform fmt and gofmt -d run the system's `diff -u`
// over temporary files; archc writes its own, as the two texts pair line by
// line (format.hpp): no temporary file, no child process, the same output
// on every system, and linear time where a general diff can be quadratic.
#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "format/format.hpp"

namespace archc::format {

namespace {

// The lines of `text`, each with its `\n` (the last may have none).
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size() - 1) + 1;
    lines.push_back(text.substr(0, end));
    text.remove_prefix(end);
  }
  return lines;
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r\n") == std::string_view::npos; }

struct Op {
  char mark;                // ' ', '-' or '+'
  std::size_t a, b;         // lines of each text before this one
  std::string_view line;
};

// Pairs the lines in order: equal lines are kept; a blank line of the
// original before a line that is not blank was dropped; any other pair is
// one line changed.
std::vector<Op> pair_lines(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  std::vector<Op> ops;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ops.push_back({' ', i, j, a[i]}), ++i, ++j;
    } else if (is_blank(a[i]) && !is_blank(b[j])) {
      ops.push_back({'-', i, j, a[i]}), ++i;
    } else {
      ops.push_back({'-', i, j, a[i]}), ++i;
      ops.push_back({'+', i, j, b[j]}), ++j;
    }
  }
  for (; i < a.size(); ++i) ops.push_back({'-', i, j, a[i]});
  for (; j < b.size(); ++j) ops.push_back({'+', i, j, b[j]});
  // As diff -u prints a change: its old lines, then its new ones. A change
  // starts with its first old line, whose counts the hunk header takes.
  for (auto run = ops.begin(); run != ops.end();) {
    const auto end = std::find_if(run, ops.end(), [](const Op& o) { return o.mark == ' '; });
    std::stable_partition(run, end, [](const Op& o) { return o.mark == '-'; });
    run = std::find_if(end, ops.end(), [](const Op& o) { return o.mark != ' '; });
  }
  return ops;
}

// `start,count` of a hunk header: an empty side names the line before it.
std::string hunk_range(std::size_t before, std::size_t count) {
  return count == 1 ? fmt::format("{}", before + 1) : fmt::format("{},{}", count ? before + 1 : before, count);
}

}  // namespace

std::string unified_diff(std::string_view original, std::string_view formatted, std::string_view path) {
  const std::vector<Op> ops = pair_lines(split_lines(original), split_lines(formatted));
  constexpr std::size_t kContext = 3;
  std::string out;
  for (std::size_t k = 0; k < ops.size();) {
    if (ops[k].mark == ' ') {
      ++k;
      continue;
    }
    // A hunk: from kContext lines before this change to kContext lines
    // after the last change that lies within 2 * kContext lines of the next.
    const std::size_t begin = k - std::min(k, kContext);
    std::size_t end = k, equal_run = 0;
    for (; end < ops.size() && equal_run <= 2 * kContext; ++end) equal_run = ops[end].mark == ' ' ? equal_run + 1 : 0;
    end -= equal_run > kContext ? equal_run - kContext : 0;
    if (out.empty()) out = fmt::format("--- a/{0}\n+++ b/{0}\n", path);
    const auto count = [&](char skipped) {
      return static_cast<std::size_t>(
          std::count_if(ops.begin() + begin, ops.begin() + end, [&](const Op& o) { return o.mark != skipped; }));
    };
    out += fmt::format("@@ -{} +{} @@\n", hunk_range(ops[begin].a, count('+')), hunk_range(ops[begin].b, count('-')));
    for (std::size_t i = begin; i < end; ++i) {
      out += ops[i].mark;
      out += ops[i].line;
      if (!ops[i].line.ends_with('\n')) out += "\n\\ No newline at end of file\n";
    }
    k = end;
  }
  return out;
}

}  // namespace archc::format
