// UTF-8 encoding and decoding of Unicode scalar values (RFC 3629).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace archc {

// Appends the 1 to 4 bytes that encode `cp` (a Unicode scalar value:
// at most 0x10FFFF and not a surrogate; the caller checks) to `out`.
void append_utf8(std::string& out, char32_t cp);

struct Utf8Char {
  char32_t cp;
  std::size_t length;  // in bytes, 1 to 4
};
// The code point at the start of `text` (not empty), or nullopt when the
// bytes there are not a well-formed UTF-8 sequence (overlong forms,
// surrogates and values past U+10FFFF are not).
std::optional<Utf8Char> decode_utf8(std::string_view text);

// How many bytes at the start of `text` (not empty), where decode_utf8
// finds no well-formed sequence, make its maximal subpart: the longest
// start of a well-formed sequence there, else the first byte (Unicode
// Standard, chapter 3.9, "U+FFFD Substitution of Maximal Subparts"). Each
// subpart is replaced by one U+FFFD, as nlohmann/json and web browsers
// replace it: a cut sequence is one, every byte of an overlong form or a
// surrogate is one.
std::size_t utf8_maximal_subpart(std::string_view text);

// `text` with every byte that does not begin a well-formed UTF-8 sequence
// replaced by U+FFFD, the replacement character: for a file name or message
// written where only UTF-8 may go.
std::string valid_utf8(std::string_view text);

// How many code points the UTF-8 `text` holds (its bytes that do not
// continue a sequence): the characters AWS counts in a length limit, and a
// column's width.
std::size_t count_code_points(std::string_view text);

// The largest offset at most `offset` (and at most text.size()) that does
// not fall inside a UTF-8 sequence: where `text` may be cut.
std::size_t utf8_boundary_at_or_before(std::string_view text, std::size_t offset);

}  // namespace archc
