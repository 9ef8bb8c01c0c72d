// The syntax tree of a .arch file (LANGUAGE.md §1-2). Every node keeps its
// source range; comments are kept beside the items so a formatter can
// reproduce them.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "source/source_file.hpp"

namespace archc::ast {

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

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

  double number = 0;        // Number
  bool is_integer = false;  // Number written without a fraction
  bool boolean = false;     // Bool
  std::int64_t lo = 0, hi = 0;  // Range `lo..hi`

  std::vector<ExprPtr> items;         // List elements, Call arguments
  std::vector<ObjectMember> members;  // Object

  std::string name;  // Call function name, Reference root
  SourceRange name_range;
  std::vector<RefStep> steps;  // Reference
};

struct Attribute {
  std::string name;
  SourceRange name_range;
  ExprPtr value;
  SourceRange range;
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
  std::vector<Port> ports;
  SourceRange range;
};

struct Label {
  std::string text;
  SourceRange range;
};

struct Block;
using BodyItem = std::variant<Attribute, std::unique_ptr<Block>, Edge>;

struct Block {
  std::string kind;
  SourceRange kind_range;
  std::vector<Label> labels;
  std::vector<BodyItem> items;
  SourceRange range;
};

struct Comment {
  std::string text;  // including the `#`, `//` or `/* */` markers
  SourceRange range;
};

struct File {
  std::vector<BodyItem> items;  // top level: blocks and attributes only
  std::vector<Comment> comments;
};

}  // namespace archc::ast
