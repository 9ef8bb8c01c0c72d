#include "emit/yaml_writer.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <regex>

#include <fmt/format.h>

#include "source/utf8.hpp"

namespace archc {

namespace {

// Whether YAML 1.1's implicit types (CloudFormation's reader is a YAML 1.1
// one) take the plain scalar for anything but a string: a bool, null, number
// or timestamp (`yes`, `on`, `012`, `0x1Db`, `1e3`, `.inf`, `~`,
// `2001-12-14`), the merge key `<<` or the value key `=`. Errs towards true.
bool resolves_to_non_string(std::string_view s) {
  // Bools and nulls, the merge key `<<` and the value key `=`.
  static constexpr std::array<std::string_view, 28> kWords = {
      "y",     "Y",     "yes",   "Yes", "YES", "n",  "N",  "no",  "No",  "NO",   "true", "True", "TRUE", "false",
      "False", "FALSE", "on",    "On",  "ON",  "off", "Off", "OFF", "null", "Null", "NULL", "~",    "<<",   "="};
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

// Whether a character stands for itself wherever it is written raw: YAML's
// printable characters (1.1 section 5.1) but the line breaks NEL, LS and PS,
// which readers fold or turn into line feeds (5.4), and the byte order mark,
// which some drop. The others are escaped in double quotes.
bool reads_as_itself(char32_t cp) {
  if (cp < 0x80) return cp >= 0x20 && cp != 0x7F;
  return (cp >= 0xA0 && cp <= 0xD7FF && cp != 0x2028 && cp != 0x2029) ||
         (cp >= 0xE000 && cp <= 0xFFFD && cp != 0xFEFF) || cp >= 0x10000;
}

// Whether every character of the UTF-8 text `s` reads as itself, a tab and a
// line feed too when `in_literal` (a literal block keeps both).
bool all_read_as_themselves(std::string_view s, bool in_literal) {
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      if (!reads_as_itself(static_cast<char32_t>(c)) && !(in_literal && (c == '\t' || c == '\n'))) return false;
      ++i;
      continue;
    }
    const auto u = decode_utf8(s.substr(i));
    if (!u || !reads_as_itself(u->cp)) return false;
    i += u->length;
  }
  return true;
}

// Multi-line text that a `|` block gives back exactly: one final line end,
// and only characters that read as themselves, tabs and line feeds. A first
// line that is blank or starts with a blank is fine: the block then gets an
// indentation indicator (literal_block).
bool literal_is_exact(std::string_view s) {
  if (s.size() < 2 || s.back() != '\n' || s[s.size() - 2] == '\n') return false;
  return all_read_as_themselves(s, true);
}

}  // namespace

bool yaml11_needs_quotes(std::string_view s) {
  if (s.empty() || resolves_to_non_string(s)) return true;
  // An indicator first, a blank at either end, `: ` or ` #` inside, or a `:`
  // last would be read as structure, a comment or nothing; `...` first at
  // the start of a line ends the document.
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(s.front()) != std::string_view::npos) return true;
  if (s.front() == ' ' || s.back() == ' ' || s.back() == ':' || s.rfind("...", 0) == 0) return true;
  if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) return true;
  // A tab or a line break ends a plain scalar; other characters may not be
  // written raw at all.
  return !all_read_as_themselves(s, false);
}

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
  if (yaml11_needs_quotes(k)) double_quoted(k);
  else out_ += k;
  out_ += ':';
}

void YamlWriter::begin_scalar() {
  begin_value();
  if (frames_.empty() || frames_.back().is_map) out_ += ' ';  // after `key:`
}

void YamlWriter::string(std::string_view s) {
  begin_scalar();
  if (s.find('\n') != std::string_view::npos && literal_is_exact(s)) literal_block(s);
  else if (yaml11_needs_quotes(s)) double_quoted(s);
  else out_ += s;
}

void YamlWriter::integer(long long v) {
  begin_scalar();
  out_ += std::to_string(v);
}

void YamlWriter::number(double v) {
  begin_scalar();
  out_ += fmt::format("{}", v);
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
    assert(!yaml11_needs_quotes(w));
    if (!first) out_ += ", ";
    out_ += w;
    first = false;
  }
  out_ += ']';
}

void YamlWriter::literal_block(std::string_view s) {
  // A reader takes the block's indentation from its first line that is not
  // blank. When the first line is blank or starts with a blank, that guess
  // would be too deep: the indicator `2` says the lines are indented two
  // spaces more than the parent, as written below.
  out_ += s.front() == ' ' || s.front() == '\t' || s.front() == '\n' ? "|2" : "|";
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
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      // Outside ASCII: escaped when it would not read as itself (`\x85`,
      // `\u2028`). Bytes that are not UTF-8 cannot be meant: the source is
      // checked, so they pass as they are.
      const auto u = decode_utf8(s.substr(i));
      const std::size_t length = u ? u->length : 1;
      if (!u || reads_as_itself(u->cp)) out_ += s.substr(i, length);
      else out_ += u->cp <= 0xFF ? fmt::format("\\x{:02X}", static_cast<unsigned>(u->cp))
                                 : fmt::format("\\u{:04X}", static_cast<unsigned>(u->cp));
      i += length;
      continue;
    }
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\n': out_ += "\\n"; break;
      case '\t': out_ += "\\t"; break;
      case '\r': out_ += "\\r"; break;
      default:
        if (reads_as_itself(static_cast<char32_t>(c))) out_ += c;
        else out_ += fmt::format("\\x{:02X}", static_cast<unsigned char>(c));
    }
    ++i;
  }
  out_ += '"';
}

std::string YamlWriter::finish() {
  assert(frames_.empty());
  out_ += '\n';
  return std::move(out_);
}

}  // namespace archc
