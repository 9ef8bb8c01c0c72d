// UTF-8 encoding of Unicode scalar values (RFC 3629).
#pragma once

#include <string>

namespace archc {

// Appends the 1 to 4 bytes that encode `cp` (a Unicode scalar value:
// at most 0x10FFFF and not a surrogate; the caller checks) to `out`.
void append_utf8(std::string& out, char32_t cp);

}  // namespace archc
