#include "syntax/ast.hpp"

#include <algorithm>
#include <cstring>
#include <new>

namespace archc::ast {

namespace {

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// The name at the start of `text` (as the grammar's identifiers, loosely),
// removed from it.
std::string_view take_name(std::string_view& text) {
  std::size_t n = 0;
  while (n < text.size() && name_char(text[n]) && !(text[n] == '-' && n + 1 < text.size() && text[n + 1] == '>')) ++n;
  const std::string_view name = text.substr(0, n);
  text.remove_prefix(n);
  return name;
}

void skip_blanks(std::string_view& text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
}

std::string_view item_text(const SourceRange& r) {
  if (!r.valid()) return {};
  return r.file->text().substr(r.begin.offset, r.end.offset - r.begin.offset);
}

}  // namespace

std::optional<std::string_view> ErrorItem::attribute_name() const {
  std::string_view text = item_text(range);
  const std::string_view name = take_name(text);
  skip_blanks(text);
  if (name.empty() || text.empty() || text.front() != '=' || (text.size() > 1 && text[1] == '=')) return std::nullopt;
  return name;
}

std::optional<ErrorItem::BlockHead> ErrorItem::block_head() const {
  std::string_view text = item_text(range);
  const std::string_view kind = take_name(text);
  if (kind.empty() || text.empty() || (text.front() != ' ' && text.front() != '\t')) return std::nullopt;
  skip_blanks(text);
  if (!text.empty() && text.front() == '"') {
    text.remove_prefix(1);
    const std::size_t end = text.find_first_of("\" \t{\n");
    const std::string_view label = text.substr(0, end == std::string_view::npos ? text.size() : end);
    if (label.empty()) return std::nullopt;
    return BlockHead{kind, label};
  }
  const std::string_view label = take_name(text);
  if (label.empty()) return std::nullopt;
  return BlockHead{kind, label};
}

namespace {

// The range of an identifier of `length` bytes starting where `at` starts:
// identifiers are ASCII and on one line, so a byte is a column.
SourceRange identifier_at(const SourceRange& at, std::size_t length) {
  const auto n = static_cast<std::uint32_t>(length);
  return {at.file, at.begin, {at.begin.offset + n, at.begin.line, at.begin.column + n}};
}

}  // namespace

SourceRange Expr::name_range() const { return has_name() ? identifier_at(range, name_length_) : SourceRange{}; }

SourceRange Attribute::name_range() const { return identifier_at(range, name_length); }

static_assert(sizeof(Attribute) <= 64, "the commonest body item: keep it small");

static_assert(std::is_trivially_destructible_v<Expr>, "an Arena never runs destructors");
static_assert(sizeof(Expr) <= 56, "the commonest node: keep it small");

Expr* Arena::make_expr() { return new (memory_->allocate(sizeof(Expr), alignof(Expr))) Expr(); }

std::string_view Arena::copy(std::string_view text) {
  if (text.empty()) return {};
  char* out = static_cast<char*>(memory_->allocate(text.size(), 1));
  std::memcpy(out, text.data(), text.size());
  return {out, text.size()};
}

const Token* File::token_at(std::uint32_t offset) const {
  // The first token that ends after `offset`; it holds the offset unless the
  // offset lies in the blanks before it.
  auto it = std::upper_bound(tokens.begin(), tokens.end(), offset,
                             [](std::uint32_t o, const Token& t) { return o < t.end(); });
  return it != tokens.end() && it->begin <= offset ? &*it : nullptr;
}

}  // namespace archc::ast
