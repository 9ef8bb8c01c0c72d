// The syntax tree of a .arch file (LANGUAGE.md §1-2). Every node keeps its
// source range, every token (punctuation included) is listed with its range,
// and comments are kept both in source order and attached to the items they
// describe, so an editor can colour and query the text and a formatter can
// reproduce it.
#pragma once

#include <cstdint>
#include <memory>
#include <memory_resource>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "source/source_file.hpp"

namespace archc::ast {

struct Expr;
// An expression of the tree. Expressions are the commonest node, so they are
// not allocated one by one: they live in their File's Arena, and die with it.
using ExprPtr = Expr*;

// A piece of a string or heredoc: literal text (escapes already decoded) or
// an interpolated `${expr}`. The text is a view of the source, or of the
// File's Arena where escapes were decoded.
struct StringPart {
  std::string_view text;
  ExprPtr expr;  // set for an interpolation
  SourceRange range;
};

struct ObjectMember {
  std::string_view key;
  SourceRange key_range;
  ExprPtr value;
};

// One step after a reference's root: `.name` or `[expr]`.
struct RefStep {
  std::string_view name;  // empty for an index step
  ExprPtr index;          // set for an index step
  SourceRange range;
};

enum class ExprKind : std::uint8_t { String, Number, Bool, Null, Range, List, Object, Call, Reference };

// An expression holds only the fields of its kind (56 bytes, where one with
// the fields of every kind took 240: a large file holds millions of them).
// A field of another kind reads as empty or zero. Arrays and text are views
// of the File's Arena or of the source text.
struct Expr {
  ExprKind kind = ExprKind::Null;
  bool heredoc = false;     // String
  bool is_integer = false;  // Number written without a fraction
  bool boolean = false;     // Bool
 private:
  std::uint32_t name_length_ = 0;  // Call, Reference; here, where it packs with the flags

 public:
  SourceRange range;

  std::span<const StringPart> parts() const {
    return kind == ExprKind::String ? std::span(array_.parts, size_.count) : std::span<const StringPart>{};
  }
  // Number: the nearest double, and the number as written (`-007.50`): its exact value.
  double number() const { return kind == ExprKind::Number ? array_.number : 0; }
  std::string_view digits() const {
    return kind == ExprKind::Number ? source_text(range.end.offset) : std::string_view{};
  }
  // Range `lo..hi`.
  std::int64_t lo() const { return kind == ExprKind::Range ? array_.lo : 0; }
  std::int64_t hi() const { return kind == ExprKind::Range ? size_.hi : 0; }
  // List elements, Call arguments.
  std::span<const ExprPtr> items() const {
    return kind == ExprKind::List || kind == ExprKind::Call ? std::span(array_.items, size_.count)
                                                            : std::span<const ExprPtr>{};
  }
  std::span<const ObjectMember> members() const {
    return kind == ExprKind::Object ? std::span(array_.members, size_.count) : std::span<const ObjectMember>{};
  }
  // Call function name, Reference root: an identifier (ASCII) where the
  // expression starts.
  std::string_view name() const {
    return has_name() ? source_text(range.begin.offset + name_length_) : std::string_view{};
  }
  SourceRange name_range() const;
  std::span<const RefStep> steps() const {
    return kind == ExprKind::Reference ? std::span(array_.steps, size_.count) : std::span<const RefStep>{};
  }

  // Set by the parser, with the kind, when the expression is complete.
  void set_parts(std::span<const StringPart> p) { array_.parts = p.data(), size_.count = p.size(); }
  void set_number(double value) { array_.number = value; }
  void set_bounds(std::int64_t lo, std::int64_t hi) { array_.lo = lo, size_.hi = hi; }
  void set_items(std::span<const ExprPtr> i) { array_.items = i.data(), size_.count = i.size(); }
  void set_members(std::span<const ObjectMember> m) { array_.members = m.data(), size_.count = m.size(); }
  void set_name(std::string_view name) { name_length_ = static_cast<std::uint32_t>(name.size()); }
  void set_steps(std::span<const RefStep> s) { array_.steps = s.data(), size_.count = s.size(); }

 private:
  bool has_name() const { return kind == ExprKind::Call || kind == ExprKind::Reference; }
  // The source text from where the expression starts to `end`: a number's
  // digits and a name are not kept twice.
  std::string_view source_text(std::uint32_t end) const {
    return range.file->text().substr(range.begin.offset, end - range.begin.offset);
  }

  // By kind: an array and its size, or a number, or a range's bounds.
  union {
    const StringPart* parts = nullptr;
    const ExprPtr* items;  // List and Call
    const ObjectMember* members;
    const RefStep* steps;
    double number;
    std::int64_t lo;
  } array_;
  union {
    std::size_t count = 0;
    std::int64_t hi;
  } size_;
};

// Where a File's expressions, and the arrays and decoded text they hold,
// live: allocated in bulk from a monotonic buffer, never freed one by one,
// released with the File. What it holds is trivially destructible.
class Arena {
 public:
  Expr* make_expr();
  // A copy of `text` or `items` that lives as long as the arena.
  std::string_view copy(std::string_view text);
  template <typename T>
  std::span<const T> copy(std::span<const T> items) {
    static_assert(std::is_trivially_destructible_v<T>);
    if (items.empty()) return {};
    T* out = static_cast<T*>(memory_->allocate(items.size_bytes(), alignof(T)));
    std::uninitialized_copy(items.begin(), items.end(), out);
    return {out, items.size()};
  }

 private:
  // Boxed, so that a File moves.
  std::unique_ptr<std::pmr::monotonic_buffer_resource> memory_ = std::make_unique<std::pmr::monotonic_buffer_resource>();
};

// The comments that describe an item, as indices into File::comments: the
// comment lines directly above it (no blank line between, none sharing a
// line with earlier code), and a comment after it on its last line.
struct AttachedComments {
  std::uint32_t leading_begin = 0, leading_end = 0;  // [begin, end), empty when equal
  std::optional<std::uint32_t> trailing;
};

// 64 bytes: the commonest body item, held by value.
struct Attribute {
  ExprPtr value;
  SourceRange range;
  AttachedComments comments;
  std::uint32_t name_length = 0;    // of the identifier (ASCII) the attribute starts with
  std::uint32_t equals_offset = 0;  // of the `=`

  std::string_view name() const { return range.file->text().substr(range.begin.offset, name_length); }
  SourceRange name_range() const;
  SourceRange equals() const { return range.file->range(equals_offset, equals_offset + 1); }
};

// One side of an edge: `internet`, a CIDR string, or a reference.
struct Endpoint {
  bool internet = false;
  ExprPtr expr;  // String or Reference when not internet
  SourceRange range;
};

// One item of an edge's ports: `443`, `8000..8100`, `https`, `udp:1194`,
// `icmp`. `range` is the port's, after the protocol when one is written.
struct Port {
  enum class Kind { Number, Range, Name } kind = Kind::Number;
  std::int64_t lo = 0, hi = 0;
  std::string name;
  SourceRange range;
  std::string protocol;  // `udp` of `udp:1194`; empty when none is written
  SourceRange protocol_range;
};

struct Edge {
  Endpoint from, to;
  SourceRange arrow;  // the `->`
  SourceRange colon;  // the `:` before the ports; invalid when there are none
  std::vector<Port> ports;
  SourceRange range;
  AttachedComments comments;
};

struct Label {
  std::string text;
  SourceRange range;
};

// An item that did not parse: from its first character to the end of what
// was skipped to reach the next item of its block. The syntax diagnostic
// says what was wrong.
struct ErrorItem {
  SourceRange range;

  // What the item started to be, read from its first characters, so that
  // sema does not report as missing what was only broken: `NAME =` an
  // attribute (its name), `KIND "LABEL` or `KIND LABEL` a block (its kind
  // and label, the label cut at a quote, a blank or a brace). nullopt when
  // it starts otherwise.
  std::optional<std::string_view> attribute_name() const;
  struct BlockHead {
    std::string_view kind, label;
  };
  std::optional<BlockHead> block_head() const;
};

struct Block;
// An edge is boxed: it is twice the size of an attribute, and far rarer.
using BodyItem = std::variant<Attribute, std::unique_ptr<Block>, std::unique_ptr<Edge>, ErrorItem>;

struct Block {
  std::string kind;
  SourceRange kind_range;
  std::vector<Label> labels;
  SourceRange open_brace;
  std::vector<BodyItem> items;
  SourceRange close_brace;  // invalid when the file ends before the `}`
  SourceRange range;
  AttachedComments comments;
};

struct Comment {
  std::string text;  // including the `#`, `//` or `/* */` markers
  SourceRange range;
};

enum class TokenKind : std::uint8_t {
  Identifier,
  Keyword,  // true, false, null, internet
  String,   // a string without interpolations, or a literal piece of one: `"a${`... gives `"a`, then `${`
  Number,
  Heredoc,
  Comment,
  LeftBrace,     // {
  RightBrace,    // }  (also closes an interpolation)
  LeftBracket,   // [
  RightBracket,  // ]
  LeftParen,     // (
  RightParen,    // )
  Equals,        // =
  Arrow,         // ->
  Colon,         // : before an edge's ports
  ProtocolColon, // : of `udp:1194`
  Comma,         // ,
  Semicolon,     // ;
  Dot,           // .
  DotDot,        // .. of a range
  InterpolationOpen,  // ${
  Error,  // text skipped after a syntax error
};

// A token's place as byte offsets [begin, end): the file's SourceFile gives
// its line and column (File::range) when they are wanted. 8 bytes: a file
// has a token every few bytes.
struct Token {
  Token(TokenKind kind, std::uint32_t at, std::uint32_t end)
      : begin(at), length_((end - at) & kMaxLength), kind_(static_cast<std::underlying_type_t<TokenKind>>(kind) & 31u) {}

  std::uint32_t begin;
  std::uint32_t end() const { return begin + length_; }
  TokenKind kind() const { return static_cast<TokenKind>(kind_); }

 private:
  static constexpr std::uint32_t kMaxLength = (1u << 27) - 1;  // SourceFile::kMaxBytes is 2^26
  std::uint32_t length_ : 27;
  std::underlying_type_t<TokenKind> kind_ : 5;
};
static_assert(SourceFile::kMaxBytes <= (1u << 26) && static_cast<int>(TokenKind::Error) < 32 && sizeof(Token) == 8);

struct File {
  const SourceFile* source = nullptr;  // the text this tree was parsed from
  Arena arena;                         // every Expr of the tree, and what it holds
  std::vector<BodyItem> items;  // top level: blocks and attributes (and errors) only
  std::vector<Comment> comments;
  // Every token in source order; ranges do not overlap and only blanks lie
  // between them.
  std::vector<Token> tokens;

  // The token whose range holds byte `offset` (begin <= offset < end), or
  // nullptr when the offset is in blanks or past the last token.
  const Token* token_at(std::uint32_t offset) const;
  // Where `t` is, with lines and columns.
  SourceRange range(const Token& t) const { return source->range(t.begin, t.end()); }
};

}  // namespace archc::ast
