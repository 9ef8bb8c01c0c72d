#include "lsp/document.hpp"

#include <algorithm>

#include "source/utf8.hpp"

namespace archc::lsp {

namespace {

// Units of one character of `enc` whose UTF-8 sequence is `length` bytes
// (1 for a byte that starts none).
std::uint32_t units(std::size_t length, PositionEncoding enc) {
  if (enc == PositionEncoding::Utf8) return static_cast<std::uint32_t>(length);
  return length == 4 ? 2 : 1;  // a character past U+FFFF is a surrogate pair
}

std::size_t char_length(std::string_view rest) {
  const unsigned char c = static_cast<unsigned char>(rest.front());
  if (c < 0x80) return 1;
  if (auto decoded = decode_utf8(rest)) return decoded->length;
  return 1;
}

}  // namespace

std::string path_of(std::string_view uri) {
  if (!uri.starts_with("file://")) return std::string(uri);
  uri.remove_prefix(7);
  std::string path;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    auto hex = [](char c) { return c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1; };
    if (uri[i] == '%' && i + 2 < uri.size() && hex(uri[i + 1]) >= 0 && hex(uri[i + 2]) >= 0) {
      path.push_back(static_cast<char>(hex(uri[i + 1]) * 16 + hex(uri[i + 2])));
      i += 2;
    } else {
      path.push_back(uri[i]);
    }
  }
  return path;
}

LineIndex::LineIndex(std::string_view text) {
  starts_.push_back(0);
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    ends_.push_back(i);
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    starts_.push_back(i + 1);
  }
  ends_.push_back(static_cast<std::uint32_t>(text.size()));
}

std::uint32_t LineIndex::offset(std::string_view text, Position p, PositionEncoding enc) const {
  if (p.line >= starts_.size()) return static_cast<std::uint32_t>(text.size());
  std::uint32_t at = starts_[p.line];
  const std::uint32_t end = ends_[p.line];
  std::uint32_t counted = 0;
  while (at < end) {
    const std::size_t length = char_length(text.substr(at, end - at));
    const std::uint32_t n = units(length, enc);
    if (counted + n > p.character) break;
    counted += n;
    at += static_cast<std::uint32_t>(length);
  }
  return at;
}

Position LineIndex::position(std::string_view text, std::uint32_t offset, PositionEncoding enc) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  const auto line = static_cast<std::uint32_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin() - 1);
  const std::uint32_t stop = std::min(offset, ends_[line]);
  std::uint32_t at = starts_[line], counted = 0;
  while (at < stop) {
    const std::size_t length = char_length(text.substr(at, ends_[line] - at));
    if (at + length > stop) break;  // `offset` is inside this character
    counted += units(length, enc);
    at += static_cast<std::uint32_t>(length);
  }
  return {line, counted};
}

Document::Document(std::string uri, std::int64_t version, std::string text)
    : uri_(std::move(uri)), version_(version), text_(std::move(text)), lines_(text_) {
  bom_ = text_.starts_with("\xEF\xBB\xBF") ? 3 : 0;
}

void Document::apply_change(const std::optional<Range>& range, std::string_view text, PositionEncoding enc) {
  if (!range) {
    text_.assign(text);
  } else {
    std::uint32_t begin = lines_.offset(text_, range->start, enc);
    std::uint32_t end = lines_.offset(text_, range->end, enc);
    if (end < begin) std::swap(begin, end);
    text_.replace(begin, end - begin, text);
  }
  lines_ = LineIndex(text_);
  bom_ = text_.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  compilation_.reset();
}

const Compilation& Document::compilation() const {
  // Every error and warning is kept: an editor shows each at its place.
  if (!compilation_) compilation_ = compile_text(path_of(uri_), text_, 0);
  return *compilation_;
}

std::uint32_t Document::source_offset(Position p, PositionEncoding enc) const {
  const std::uint32_t offset = lines_.offset(text_, p, enc);
  return offset < bom_ ? 0 : offset - bom_;
}

Position Document::position(std::uint32_t source_offset, PositionEncoding enc) const {
  return lines_.position(text_, source_offset + bom_, enc);
}

Range Document::range(const SourceRange& r, PositionEncoding enc) const {
  return {position(r.begin.offset, enc), position(r.end.offset, enc)};
}

Document& DocumentStore::open(std::string uri, std::int64_t version, std::string text) {
  auto doc = std::make_unique<Document>(uri, version, std::move(text));
  auto& slot = documents_[std::move(uri)];
  slot = std::move(doc);
  return *slot;
}

Document* DocumentStore::find(const std::string& uri) {
  auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : it->second.get();
}

}  // namespace archc::lsp
