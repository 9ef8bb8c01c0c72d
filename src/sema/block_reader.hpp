// Reads a block's attributes against the set its kind allows: reports
// unknown and repeated attributes, and gives typed access to the rest.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sema/evaluate.hpp"

namespace archc {

class BlockReader {
 public:
  struct Schema {
    std::vector<std::string> attributes;
    std::vector<std::string> blocks;  // nested block kinds allowed
    bool edges = false;               // whether `a -> b` edges are allowed
  };

  BlockReader(Diagnostics& diags, Evaluator& eval, const ast::Block& block, std::string what, const Schema& schema);

  const ast::Block& block() const { return block_; }
  // "vpc `lab`": how messages name this block.
  const std::string& what() const { return what_; }
  const ast::Attribute* get(std::string_view name) const;

  // Each getter returns nullopt when the attribute is absent, or after
  // reporting a type or range error.
  std::optional<std::string> string(std::string_view name);
  std::optional<int> integer(std::string_view name, int lo, int hi);
  std::optional<bool> boolean(std::string_view name);
  std::optional<Value> list_of(std::string_view name, Value::Kind item_kind);
  std::optional<Value> object_of(std::string_view name, Value::Kind member_kind);

  // Reports a missing attribute; true when it is present.
  bool require(std::string_view name);
  std::vector<const ast::Block*> blocks(std::string_view kind) const;
  std::vector<const ast::Edge*> edges() const;

 private:
  std::optional<Value> typed(std::string_view name, Value::Kind kind);

  Diagnostics& diags_;
  Evaluator& eval_;
  const ast::Block& block_;
  std::string what_;
  std::vector<const ast::Attribute*> attributes_;
};

// The most characters a block name holds: it keeps the logical ids made
// from it within CloudFormation's 255 (model/logical_id.hpp) and the Name
// tags within AWS's 256.
inline constexpr std::size_t kMaxNameLength = 64;

// The single label of a named block, or nullopt after reporting why there
// is none. A name longer than kMaxNameLength is reported and returned, so
// references to it still resolve.
std::optional<std::string> block_name(Diagnostics& diags, const ast::Block& block);

}  // namespace archc
