#include "sema/case_mapping.hpp"
#include "source/utf8.hpp"

#include <locale.h>
#include <wctype.h>

#include <cstdint>
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

template <typename Map>
std::string map_code_points(std::string_view text, Map map) {
  const locale_t locale = unicode_ctype();
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    if (const auto d = decode_utf8(text)) {
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
