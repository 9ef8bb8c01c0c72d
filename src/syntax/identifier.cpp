#include "syntax/identifier.hpp"

#include <cctype>

namespace archc {

bool is_identifier(std::string_view s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char ch = s[i];
    if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_') continue;
    if (ch == '-' && (i + 1 == s.size() || s[i + 1] != '>')) continue;
    return false;
  }
  return true;
}

}  // namespace archc
