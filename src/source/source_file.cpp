#include "source/source_file.hpp"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "source/utf8.hpp"

namespace archc {

namespace {
bool is_continuation(unsigned char c) { return (c & 0xC0u) == 0x80u; }
}  // namespace

SourceFile::SourceFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  if (text_.size() >= 3 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0) text_.erase(0, 3);
  line_starts_.push_back(0);
  for (auto at = text_.find('\n'); at != std::string::npos; at = text_.find('\n', at + 1))
    line_starts_.push_back(static_cast<std::uint32_t>(at + 1));
}

SourcePos SourceFile::pos_at(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
  std::uint32_t column = 1;
  for (std::uint32_t i = line_starts_[line - 1]; i < offset; ++i)
    if (!is_continuation(static_cast<unsigned char>(text_[i]))) ++column;
  return {offset, line, column};
}

SourceRange SourceFile::range(std::uint32_t begin, std::uint32_t end) const {
  return {this, pos_at(begin), pos_at(std::max(begin, end))};
}

std::optional<std::uint32_t> SourceFile::offset_at(std::uint32_t line, std::uint32_t column) const {
  if (line == 0 || column == 0 || line > line_starts_.size()) return std::nullopt;
  const std::string_view text = line_text(line);
  std::uint32_t offset = line_starts_[line - 1];
  for (std::uint32_t seen = 1, i = 0; i <= text.size(); ++i) {
    if (i < text.size() && is_continuation(static_cast<unsigned char>(text[i]))) continue;
    if (seen++ == column) return offset + i;
  }
  return std::nullopt;
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  std::uint32_t begin = line_starts_[line - 1];
  std::uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<std::uint32_t>(text_.size());
  std::string_view s(text_.data() + begin, end - begin);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::optional<EncodingError> check_encoding(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    // Eight bytes at a time while they are ASCII and not NUL, as nearly all
    // of a file is: no byte has its top bit set, and none is zero (the
    // classic test: a zero byte borrows in `word - 0x01...`).
    constexpr std::uint64_t kOnes = 0x0101010101010101u, kHighs = 0x8080808080808080u;
    while (text.size() - i >= 8) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + i, 8);
      if (((word | ((word - kOnes) & ~word)) & kHighs) != 0) break;
      i += 8;
    }
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    const auto at = static_cast<std::uint32_t>(i);
    if (c == 0) return EncodingError{at, "NUL byte in source text"};
    if (c < 0x80) {
      ++i;
      continue;
    }
    if (const auto d = decode_utf8(text.substr(i))) {
      i += d->length;
      continue;
    }
    // Why it is not UTF-8, by the length its first byte announces.
    const std::size_t length = (c & 0xE0u) == 0xC0u ? 2 : (c & 0xF0u) == 0xE0u ? 3 : (c & 0xF8u) == 0xF0u ? 4 : 0;
    if (length == 0) return EncodingError{at, fmt::format("invalid UTF-8 byte 0x{:02X}", c)};
    if (i + length > text.size()) return EncodingError{at, "truncated UTF-8 sequence"};
    return EncodingError{at, "invalid UTF-8 sequence"};
  }
  return std::nullopt;
}

}  // namespace archc
