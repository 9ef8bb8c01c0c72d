#include "emit/yaml_writer.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <regex>

#include <fmt/format.h>

namespace archc {

bool yaml11_needs_quotes(std::string_view s) {
  // Bools and nulls, the merge key `<<` and the value key `=`.
  static constexpr std::array<std::string_view, 28> kWords = {
      "y",     "Y",     "yes",   "Yes", "YES", "n",  "N",  "no",  "No",  "NO",   "true", "True", "TRUE", "false",
      "False", "FALSE", "on",    "On",  "ON",  "off", "Off", "OFF", "null", "Null", "NULL", "~",    "<<",   "="};
  if (s.empty()) return true;
  // Most keys and values are words longer than any of kWords: a letter
  // first rules out the numbers and timestamps below too.
  const bool letter_first = (s.front() >= 'a' && s.front() <= 'z') || (s.front() >= 'A' && s.front() <= 'Z');
  if (letter_first && s.size() > 5) return false;
  if (std::find(kWords.begin(), kWords.end(), s) != kWords.end()) return true;
  // Anything shaped like a YAML 1.1 number, generously: ints in any base
  // and with `_` (0x1Db, 0o17, 0b101, 1_000), sexagesimal (1:20), floats
  // (1e3, .5), .inf/.nan in any case, and dates (2001-12-14).
  const char c = s.front();
  if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
    if (std::all_of(s.begin(), s.end(), [](char ch) {
          return std::string_view("0123456789abcdefABCDEFxXoO_.:+-infINFNa").find(ch) != std::string_view::npos;
        }))
      return true;
  }
  // A timestamp with a time (YAML 1.1 timestamp type):
  // 2001-12-14t21:59:43.10-05:00, 2001-12-14 21:59:43.10 -5.
  static const std::regex kTimestamp(
      R"([0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?)"
      R"(([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)");
  return s.size() > 10 && s[4] == '-' && std::regex_match(s.begin(), s.end(), kTimestamp);
}

namespace {

// A plain scalar reads back as itself when it starts with no indicator,
// has no blank at either end, no `: ` or ` #`, and only printable text.
bool plain_is_safe(std::string_view s) {
  if (s.empty() || yaml11_needs_quotes(s)) return false;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(s.front()) != std::string_view::npos) return false;
  if (s.front() == ' ' || s.back() == ' ' || s.front() == '\t' || s.back() == '\t' || s.back() == ':') return false;
  if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x20 && c != 0x7F; });
}

// Multi-line text that a `|` block gives back exactly: one final line end,
// no blank at the start, no carriage return, no other control character.
bool literal_is_exact(std::string_view s) {
  if (s.size() < 2 || s.back() != '\n' || s[s.size() - 2] == '\n') return false;
  if (s.front() == ' ' || s.front() == '\t') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == '\n' || c == '\t' || (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F);
  });
}

}  // namespace

void YamlWriter::new_line(int indent) {
  if (!out_.empty()) out_ += '\n';
  out_.append(static_cast<std::size_t>(indent), ' ');
}

void YamlWriter::begin_value() {
  if (frames_.empty()) return;  // the document itself
  Frame& f = frames_.back();
  if (!f.is_map) {
    new_line(f.indent);
    out_ += "- ";
    f.empty = false;
  }
}

void YamlWriter::begin_map() {
  const bool in_seq = !frames_.empty() && !frames_.back().is_map;
  const int indent = frames_.empty() ? 0 : frames_.back().indent + 2;
  begin_value();
  frames_.push_back({true, indent, true, in_seq || out_.empty()});
}

void YamlWriter::begin_seq() {
  assert(frames_.empty() || frames_.back().is_map);  // archc never nests a sequence in a sequence
  const int indent = frames_.empty() ? 0 : frames_.back().indent + 2;
  frames_.push_back({false, indent});
}

void YamlWriter::end_map() {
  if (frames_.back().empty) out_ += " {}";
  frames_.pop_back();
}

void YamlWriter::end_seq() {
  if (frames_.back().empty) out_ += " []";
  frames_.pop_back();
}

void YamlWriter::key(std::string_view k) {
  assert(k.size() <= 1024);  // YAML's limit for a key written without `?`
  Frame& f = frames_.back();
  if (!(f.empty && f.after_dash)) new_line(f.indent);
  f.empty = false;
  if (plain_is_safe(k)) out_ += k;
  else double_quoted(k);
  out_ += ':';
}

void YamlWriter::begin_scalar() {
  begin_value();
  if (frames_.empty() || frames_.back().is_map) out_ += ' ';  // after `key:`
}

void YamlWriter::string(std::string_view s) {
  begin_scalar();
  if (s.find('\n') != std::string_view::npos && literal_is_exact(s)) literal_block(s);
  else if (plain_is_safe(s)) out_ += s;
  else double_quoted(s);
}

void YamlWriter::integer(long long v) {
  begin_scalar();
  out_ += std::to_string(v);
}

void YamlWriter::boolean(bool v) {
  begin_scalar();
  out_ += v ? "true" : "false";
}

void YamlWriter::flow_seq(std::initializer_list<std::string_view> words) {
  begin_scalar();
  out_ += '[';
  bool first = true;
  for (std::string_view w : words) {
    assert(plain_is_safe(w));
    if (!first) out_ += ", ";
    out_ += w;
    first = false;
  }
  out_ += ']';
}

void YamlWriter::literal_block(std::string_view s) {
  out_ += '|';
  const int indent = (frames_.empty() ? 0 : frames_.back().indent) + 2;
  s.remove_suffix(1);  // the final line end is the block's own
  for (std::size_t start = 0; start <= s.size();) {
    std::size_t eol = s.find('\n', start);
    if (eol == std::string_view::npos) eol = s.size();
    std::string_view line = s.substr(start, eol - start);
    out_ += '\n';
    if (!line.empty()) {
      out_.append(static_cast<std::size_t>(indent), ' ');
      out_ += line;
    }
    start = eol + 1;
  }
}

void YamlWriter::double_quoted(std::string_view s) {
  out_ += '"';
  for (char c : s) {
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\n': out_ += "\\n"; break;
      case '\t': out_ += "\\t"; break;
      case '\r': out_ += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) out_ += fmt::format("\\x{:02X}", static_cast<unsigned char>(c));
        else out_ += c;
    }
  }
  out_ += '"';
}

std::string YamlWriter::finish() {
  assert(frames_.empty());
  out_ += '\n';
  return std::move(out_);
}

}  // namespace archc
