// The syntax tree of a .arch file (LANGUAGE.md §1-2). Every node keeps its
// source range, every token (punctuation included) is listed with its range,
// and comments are kept both in source order and attached to the items they
// describe, so an editor can colour and query the text and a formatter can
// reproduce it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "source/source_file.hpp"

namespace archc::ast {

struct Expr;
// An expression of the tree. Expressions are the commonest node, so they are
// not allocated one by one: they live in their File's ExprPool, and die
// with it.
using ExprPtr = Expr*;

// A piece of a string or heredoc: literal text (escapes already decoded) or
// an interpolated `${expr}`.
struct StringPart {
  std::string text;
  ExprPtr expr;  // set for an interpolation
  SourceRange range;
};

struct ObjectMember {
  std::string key;
  SourceRange key_range;
  ExprPtr value;
};

// One step after a reference's root: `.name` or `[expr]`.
struct RefStep {
  std::string name;  // empty for an index step
  ExprPtr index;     // set for an index step
  SourceRange range;
};

enum class ExprKind { String, Number, Bool, Null, Range, List, Object, Call, Reference };

struct Expr {
  ExprKind kind = ExprKind::Null;
  SourceRange range;

  std::vector<StringPart> parts;  // String (also heredocs)
  bool heredoc = false;

  double number = 0;        // Number, the nearest double
  std::string digits;       // Number as written (`-007.50`): its exact value
  bool is_integer = false;  // Number written without a fraction
  bool boolean = false;     // Bool
  std::int64_t lo = 0, hi = 0;  // Range `lo..hi`

  std::vector<ExprPtr> items;         // List elements, Call arguments
  std::vector<ObjectMember> members;  // Object

  std::string name;  // Call function name, Reference root
  SourceRange name_range;
  std::vector<RefStep> steps;  // Reference
};

// Where the expressions of one File live: made in chunks, default
// constructed, never freed one by one.
class ExprPool {
 public:
  Expr* make();

 private:
  static constexpr std::size_t kChunk = 256;
  std::vector<std::unique_ptr<Expr[]>> chunks_;
  std::size_t used_ = kChunk;  // of the last chunk
};

// The comments that describe an item, as indices into File::comments: the
// comment lines directly above it (no blank line between, none sharing a
// line with earlier code), and a comment after it on its last line.
struct AttachedComments {
  std::uint32_t leading_begin = 0, leading_end = 0;  // [begin, end), empty when equal
  std::optional<std::uint32_t> trailing;
};

struct Attribute {
  std::string name;
  SourceRange name_range;
  SourceRange equals;  // the `=`
  ExprPtr value;
  SourceRange range;
  AttachedComments comments;
};

// One side of an edge: `internet`, a CIDR string, or a reference.
struct Endpoint {
  bool internet = false;
  ExprPtr expr;  // String or Reference when not internet
  SourceRange range;
};

struct Port {
  enum class Kind { Number, Range, Name } kind = Kind::Number;
  std::int64_t lo = 0, hi = 0;
  std::string name;
  SourceRange range;
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
  Colon,         // :
  Comma,         // ,
  Semicolon,     // ;
  Dot,           // .
  DotDot,        // .. of a range
  InterpolationOpen,  // ${
  Error,  // text skipped after a syntax error
};

// A token's place as byte offsets [begin, end): the file's SourceFile gives
// its line and column (File::range) when they are wanted.
struct Token {
  TokenKind kind;
  std::uint32_t begin = 0, end = 0;
};

struct File {
  const SourceFile* source = nullptr;  // the text this tree was parsed from
  ExprPool exprs;                      // every Expr of the tree
  std::vector<BodyItem> items;  // top level: blocks and attributes (and errors) only
  std::vector<Comment> comments;
  // Every token in source order; ranges do not overlap and only blanks lie
  // between them.
  std::vector<Token> tokens;

  // The token whose range holds byte `offset` (begin <= offset < end), or
  // nullptr when the offset is in blanks or past the last token.
  const Token* token_at(std::uint32_t offset) const;
  // Where `t` is, with lines and columns.
  SourceRange range(const Token& t) const { return source->range(t.begin, t.end); }
};

}  // namespace archc::ast
