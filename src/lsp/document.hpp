// Open text documents (LSP 3.17 "Text Document Synchronization"): their
// text as the client edits it, full or incremental, and the conversion
// between LSP positions and byte offsets in the negotiated encoding
// ("Position", "PositionEncodingKind").
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "driver/compilation.hpp"

namespace archc::lsp {

// What a Position's `character` counts: UTF-8 bytes when the client offered
// "utf-8" (general.positionEncodings), else UTF-16 code units, the default
// every client supports.
enum class PositionEncoding { Utf8, Utf16 };

// A 0-based line and a 0-based character offset in that line, in units of
// the encoding (never code points).
struct Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
  bool operator==(const Position&) const = default;
};

struct Range {
  Position start, end;
  bool operator==(const Range&) const = default;
};

// The path a `file:` uri names, percent-escapes decoded; any other uri as
// it is. Diagnostics and the stack's default name read it.
std::string path_of(std::string_view uri);

// A text and its lines, as LSP counts them: a line ends at \n, \r\n or \r.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  // The byte offset of `p`. A character past the end of its line means the
  // end of the line, and a line past the last the end of the text (the spec
  // says a position past a line "defaults back to the line length"); a
  // character inside a UTF-8 sequence or a UTF-16 surrogate pair is taken to
  // the start of that character.
  std::uint32_t offset(std::string_view text, Position p, PositionEncoding enc) const;
  // The position of byte `offset` (at most text.size(); inside a UTF-8
  // sequence, that of its character). Bytes that are not UTF-8 count one
  // unit each.
  Position position(std::string_view text, std::uint32_t offset, PositionEncoding enc) const;
  std::size_t lines() const { return starts_.size(); }

 private:
  std::vector<std::uint32_t> starts_;  // of each line
  std::vector<std::uint32_t> ends_;    // of each line's text, before its line end
};

// One open document: its uri, version and text, and the compilation of
// that text, made when first asked for after a change.
class Document {
 public:
  Document(std::string uri, std::int64_t version, std::string text);

  const std::string& uri() const { return uri_; }
  std::int64_t version() const { return version_; }
  const std::string& text() const { return text_; }

  // Replaces `range` (the whole text when absent) by `text`
  // (TextDocumentContentChangeEvent), positions counted in `enc`.
  void apply_change(const std::optional<Range>& range, std::string_view text, PositionEncoding enc);
  void set_version(std::int64_t v) { version_ = v; }

  // The compilation of the current text, as `archc check` sees it, every
  // diagnostic kept. A leading byte order mark is not part of the source's
  // offsets, so conversions here add it back.
  const Compilation& compilation() const;

  // Between LSP positions and the byte offsets of the compilation's source
  // (an offset past the end is the end of the text).
  std::uint32_t source_offset(Position p, PositionEncoding enc) const;
  Position position(std::uint32_t source_offset, PositionEncoding enc) const;
  Range range(const SourceRange& r, PositionEncoding enc) const;

 private:
  std::string uri_;
  std::int64_t version_;
  std::string text_;
  LineIndex lines_;
  std::uint32_t bom_ = 0;  // bytes of a leading UTF-8 byte order mark
  mutable std::unique_ptr<Compilation> compilation_;
};

// The documents the client has opened, by uri.
class DocumentStore {
 public:
  Document& open(std::string uri, std::int64_t version, std::string text);
  void close(const std::string& uri) { documents_.erase(uri); }
  // nullptr when the client has not opened it.
  Document* find(const std::string& uri);

 private:
  std::map<std::string, std::unique_ptr<Document>, std::less<>> documents_;
};

}  // namespace archc::lsp
