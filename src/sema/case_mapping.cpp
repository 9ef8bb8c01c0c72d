#include "sema/case_mapping.hpp"
#include "source/utf8.hpp"

#include <locale.h>
#include <wctype.h>

#include <cstdint>
#include <optional>
#include <stdexcept>

namespace archc {

namespace {

// glibc's C.UTF-8 locale holds Unicode's case mappings. It is used through
// the _l functions only: archc never changes the process's locale.
locale_t unicode_ctype() {
  static const locale_t locale = [] {
    const locale_t l = newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t{});
    if (!l) throw std::runtime_error("the C.UTF-8 locale is not available");
    return l;
  }();
  return locale;
}

struct Decoded {
  char32_t cp;
  std::size_t length;
};

// The code point at the start of `s`, or nullopt when the bytes there are
// not a well-formed UTF-8 sequence.
std::optional<Decoded> decode(std::string_view s) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(0);
  if (b0 < 0x80) return Decoded{b0, 1};
  const std::size_t n = b0 >= 0xC2 && b0 <= 0xDF ? 2 : b0 >= 0xE0 && b0 <= 0xEF ? 3 : b0 >= 0xF0 && b0 <= 0xF4 ? 4 : 0;
  if (n == 0 || s.size() < n) return std::nullopt;
  char32_t cp = b0 & (0x7F >> n);
  for (std::size_t i = 1; i < n; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return std::nullopt;
    cp = (cp << 6) | (byte(i) & 0x3F);
  }
  const char32_t min = n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
  return Decoded{cp, n};
}


template <typename Map>
std::string map_code_points(std::string_view text, Map map) {
  const locale_t locale = unicode_ctype();
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    if (const auto d = decode(text)) {
      append_utf8(out, static_cast<char32_t>(map(static_cast<wint_t>(d->cp), locale)));
      text.remove_prefix(d->length);
    } else {
      out += text.front();
      text.remove_prefix(1);
    }
  }
  return out;
}

}  // namespace

std::string to_lower(std::string_view text) { return map_code_points(text, towlower_l); }
std::string to_upper(std::string_view text) { return map_code_points(text, towupper_l); }

}  // namespace archc
