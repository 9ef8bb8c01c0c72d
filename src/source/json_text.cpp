#include "source/json_text.hpp"

#include <array>

#include "source/line_echo.hpp"
#include "source/utf8.hpp"

namespace archc {

namespace {

// Whether a byte stands for itself in a JSON string: printable ASCII but
// the quote and the escape character. A table: the loop over a string's
// bytes was most of the time the Terraform configuration took to write.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x7F; ++c) plain[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
  return plain;
}();

// `\uXXXX`: every hidden character is in the Basic Multilingual Plane, so
// one escape is enough.
void append_escape(std::string& out, char32_t cp) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 0xF];
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (std::size_t at = 0; at < s.size();) {
    // Most strings are nothing but plain ASCII: copied a run at a time.
    std::size_t plain = at;
    while (plain < s.size() && kPlain[static_cast<unsigned char>(s[plain])]) ++plain;
    out.append(s, at, plain - at);
    if ((at = plain) == s.size()) break;
    const auto c = decode_utf8(s.substr(at));
    if (!c) {
      append_utf8(out, 0xFFFD);
      at += utf8_maximal_subpart(s.substr(at));
      continue;
    }
    switch (c->cp) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      default:
        if (is_hidden(c->cp)) append_escape(out, c->cp);
        else out.append(s, at, c->length);
    }
    at += c->length;
  }
  out += '"';
}

std::string escape_hidden_in_json(std::string_view dumped) {
  std::string out;
  out.reserve(dumped.size());
  for (std::size_t at = 0; at < dumped.size();) {
    const auto c = decode_utf8(dumped.substr(at));
    if (c && c->cp >= 0x7F && is_hidden(c->cp)) {
      append_escape(out, c->cp);
      at += c->length;
      continue;
    }
    const std::size_t length = c ? c->length : 1;
    out.append(dumped, at, length);
    at += length;
  }
  return out;
}

}  // namespace archc
