// A loaded .arch file and positions inside it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace archc {

class SourceFile;

// A position: byte offset into the text plus the 1-based line and column
// (columns count Unicode code points, as editors show them).
struct SourcePos {
  std::uint32_t offset = 0;
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

// A half-open byte range [begin, end) of one file.
struct SourceRange {
  const SourceFile* file = nullptr;
  SourcePos begin;
  SourcePos end;

  bool valid() const { return file != nullptr; }
};

class SourceFile {
 public:
  // Largest file archc reads: far beyond any real architecture, small enough
  // that offsets fit 32 bits and a hostile input cannot exhaust memory.
  static constexpr std::size_t kMaxBytes = 64u * 1024u * 1024u;

  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  // The text with any UTF-8 BOM removed.
  std::string_view text() const { return text_; }

  SourcePos pos_at(std::uint32_t offset) const;
  SourceRange range(std::uint32_t begin, std::uint32_t end) const;
  // The byte offset of a 1-based line and column (columns in code points);
  // nullopt past the end of that line or of the file.
  std::optional<std::uint32_t> offset_at(std::uint32_t line, std::uint32_t column) const;
  // The text of a 1-based line, without its line end.
  std::string_view line_text(std::uint32_t line) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
};

// Where the text of a file is not usable: the first NUL byte or invalid
// UTF-8 sequence, with a message.
struct EncodingError {
  std::uint32_t offset;
  std::string message;
};
std::optional<EncodingError> check_encoding(std::string_view text);

}  // namespace archc
