// Reads one block against the declaration of its kind (model/kind.hpp):
// reports unknown and repeated attributes (with "did you mean" from the
// declaration), missing required ones, nested blocks and edges the kind
// does not hold; then gives typed access to the attributes, checked against
// the declared type, bounds and allowed values. Kind hooks (src/kinds/)
// read their blocks through it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "model/kind.hpp"
#include "model/model.hpp"
#include "sema/evaluate.hpp"
#include "sema/scope.hpp"
#include "sema/suggest.hpp"

namespace archc {

// How messages name a block ("vpc `lab`", "listener `https` of alb `web`"):
// a format with a `{}` for each of up to two names, spelt out only when a
// message is, since most blocks report nothing. The names must outlive the
// reader.
struct Subject {
  const char* format;
  std::string_view a = {}, b = {};
};

// What every reader of one file shares.
struct ReadContext {
  Diagnostics& diags;
  Evaluator& eval;
  Scope& scope;
  SymbolIndex& symbols;
  Suggester& suggester;
  const model::Model& model;  // VPCs and tiers are complete before resources are read
};

class KindReader {
 public:
  // `what` is how messages name the block. Reports at once what the
  // declaration rules out.
  KindReader(ReadContext& ctx, const ast::Block& block, const model::KindSpec& kind, Subject what);

  const ast::Block& block() const { return block_; }
  const model::KindSpec& kind() const { return kind_; }
  Diagnostics& diags() { return ctx_.diags; }
  ReadContext& context() { return ctx_; }
  const model::Model& model() const { return ctx_.model; }
  // Where the block is named: its label, or its kind when it has none.
  SourceRange name_range() const;
  // Whether an item of the block could not be read: it did not parse (an
  // ast::ErrorItem), or it is an attribute or nested block the kind does not
  // have (reported). What was meant is unknown, so an attribute or block
  // that seems missing may be there, and nothing is reported as missing.
  bool broken() const { return broken_; }

  // The attribute as written (a declared one, first occurrence), or nullptr.
  const ast::Attribute* get(std::string_view name) const;

  // Typed getters for declared attributes (asking for an undeclared one, or
  // with the wrong type, is a programming error: std::logic_error). Each
  // returns nullopt when the attribute is absent, or after reporting a
  // type, bounds, allowed-value or resolution error.
  std::optional<std::string> string(std::string_view name);
  std::optional<int> integer(std::string_view name);
  // A Number attribute: a number within its bounds, fractions allowed.
  std::optional<double> number(std::string_view name);
  std::optional<bool> boolean(std::string_view name);
  std::optional<Value> string_list(std::string_view name);
  std::optional<Value> string_map(std::string_view name);
  std::optional<model::TierRef> tier(std::string_view name);
  // A list of tier references, each resolved; nullopt when the attribute
  // is absent or any item is not a tier (reported).
  std::optional<std::vector<model::TierRef>> tiers(std::string_view name);
  // A reference to a block of the declared `refers_to` kind: its index into
  // Model::resources, or into Model::vpcs when `refers_to` is "vpc".
  // For a service kind (KindSpec::service), an index into Model::services.
  std::optional<std::size_t> resource(std::string_view name);
  // A list of references to blocks of the declared `refers_to` service
  // kind: their indexes into Model::services, in order; nullopt when the
  // attribute is absent or any item does not resolve (reported).
  std::optional<std::vector<std::size_t>> services(std::string_view name);

  // `text` (written at `range`) as a Name tag the source chooses
  // (kinds::name_attribute), or nullopt after reporting one AWS refuses:
  // empty, or longer than a tag value's 256 characters (EC2 API Reference,
  // "Tag").
  std::optional<model::NameOverride> name_tag(const std::string& text, SourceRange range);

  // Nested blocks of one kind, in source order.
  std::vector<const ast::Block*> blocks(std::string_view kind) const;
  std::vector<const ast::Edge*> edges() const;

 private:
  const model::AttributeSpec& spec(std::string_view name, model::ValueType type) const;
  std::optional<Value> typed(std::string_view name, Value::Kind kind);
  bool allowed(const model::AttributeSpec& spec, const Value& v);
  // `e`, the value (or an item of the value) of `attribute`, as a reference
  // to a block of the service kind `keyword`: its index into
  // Model::services, or nullopt after reporting.
  std::optional<std::size_t> service(const ast::Expr& e, std::string_view keyword, std::string_view attribute);

  ReadContext& ctx_;
  const ast::Block& block_;
  const model::KindSpec& kind_;
  Subject what_;
  std::vector<const ast::Attribute*> attributes_;
  bool broken_ = false;
};

// The most characters a block name holds: it keeps the logical ids made
// from it within CloudFormation's 255 (model/logical_id.hpp) and the Name
// tags within AWS's 256.
inline constexpr std::size_t kMaxNameLength = 64;

// The single label of a named block (a view of the block's), or nullopt
// after reporting why there is none. A name longer than kMaxNameLength is
// reported and returned, so references to it still resolve.
std::optional<std::string_view> block_name(Diagnostics& diags, const ast::Block& block);

}  // namespace archc

template <>
struct fmt::formatter<archc::Subject> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const archc::Subject& s, Context& ctx) const {
    return fmt::format_to(ctx.out(), fmt::runtime(s.format), s.a, s.b);
  }
};
