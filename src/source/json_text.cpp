#include "source/json_text.hpp"

#include <fmt/format.h>

#include "source/line_echo.hpp"
#include "source/utf8.hpp"

namespace archc {

std::string escape_hidden_in_json(std::string_view dumped) {
  std::string out;
  out.reserve(dumped.size());
  for (std::size_t at = 0; at < dumped.size();) {
    const auto c = decode_utf8(dumped.substr(at));
    // Every hidden character is in the Basic Multilingual Plane: one escape.
    if (c && c->cp >= 0x7F && is_hidden(c->cp)) {
      out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(c->cp));
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
