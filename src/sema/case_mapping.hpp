// The language's lower() and upper() on UTF-8 text.
#pragma once

#include <string>
#include <string_view>

namespace archc {

// `text` with every code point replaced by its simple Unicode case mapping
// (UnicodeData.txt, one code point to one), as Terraform's lower() and
// upper() do: lower("ÄÖ") is "äö", upper("straße") is "STRAßE" (ß has no
// one-letter capital). Code points without a mapping, and bytes that are
// not UTF-8, come back unchanged.
std::string to_lower(std::string_view text);
std::string to_upper(std::string_view text);

}  // namespace archc
