// The names a file declares, kind by kind, and the resolution of references
// to them (`vpc.lab`, `vpc.lab.app`, `asg.web`). Every declaration and every
// resolved use is recorded in the symbol index.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "model/model.hpp"
#include "sema/suggest.hpp"
#include "sema/symbol_index.hpp"
#include "source/diagnostic.hpp"
#include "syntax/ast.hpp"

namespace archc {

class Scope {
 public:
  Scope(Diagnostics& diags, SymbolIndex& symbols, Suggester& suggester)
      : diags_(diags), symbols_(symbols), suggester_(suggester) {}

  // Sizes each kind's table, when first used, for `names` names (the
  // file's number of blocks): a table of millions rehashed as it grows
  // walks all of its nodes each time, in no order the cache likes.
  void expect(std::size_t names) { expected_ = names; }

  // Declares `name` (written at `at`, in `block`) for `kind`: `index` is
  // where the model keeps it (Model::vpcs for vpc, Model::resources for a
  // chain endpoint, Model::services for a service, Model::chains for
  // sg-chain). False for a name the kind
  // already has (reported, with a note at the first). `name` is kept as a
  // view: it must outlive the Scope (it is the block's label, in the AST).
  bool declare(const model::KindSpec& kind, std::string_view name, SourceRange at, const ast::Block& block,
               std::size_t index);
  // Declares a subnet tier of the VPC at Model::vpcs[vpc]; likewise.
  bool declare_tier(std::size_t vpc, std::string_view vpc_name, std::string_view name, SourceRange at,
                    const ast::Block& block, std::size_t index);

  // Records a name that a block which could not be read seemed to declare
  // (`kind` empty: a block of an unknown kind): a reference to it that
  // resolves to nothing is then not reported, the block's error was.
  void declare_unread(std::string_view kind, std::string_view name);
  void declare_unread_tier(std::size_t vpc, std::string_view name);

  // Resolves a reference (`vpc.NAME`, `vpc.NAME.TIER`, `KIND.NAME` for a
  // chain-endpoint kind); nullopt after reporting what does not exist.
  std::optional<model::Endpoint> resolve(const ast::Expr& e);
  // Resolves the name of a block of the service kind `keyword`, written at
  // `at` (a reference's second step): its index into Model::services, or
  // nullopt after reporting a name the kind does not have.
  std::optional<std::size_t> resolve_service(std::string_view keyword, std::string_view name, SourceRange at);
  // Resolves a tier written as text, `vpc.NAME.TIER` inside a string (a
  // nacl rule's peer): NAME is written at `name_at`, TIER at `tier_at`, the
  // whole at `at`. Reported as resolve() does, and, when the string is in
  // the source `as_written` (no escape or interpolation moved its text),
  // recorded in the symbol index, so an editor finds, hovers and renames
  // it there too.
  std::optional<model::TierRef> resolve_tier(std::string_view vpc_name, SourceRange name_at, std::string_view tier,
                                             SourceRange tier_at, SourceRange at, bool as_written);

 private:
  struct Declared {
    std::size_t index;   // into the model's list of its kind
    std::size_t symbol;  // into SymbolIndex::declarations(), which has its range
  };
  // Hashed, keyed by views of the labels: a file may declare millions of
  // names, and an ordered map of copied strings spent a fifth of such a
  // build comparing them.
  struct Names {
    std::unordered_map<std::string_view, Declared> by_name;
    std::vector<std::string> names;  // in declaration order, for suggestions
  };
  // A (kind or "", name) or (vpc index, tier name) pair, hashed.
  struct PairHash {
    template <class A>
    std::size_t operator()(const std::pair<A, std::string_view>& p) const {
      return std::hash<A>()(p.first) * 31 + std::hash<std::string_view>()(p.second);
    }
  };
  // The declaration of `name` of the kind `keyword` (written `written_kind`
  // in the source), its use at `at` recorded; null after reporting a name
  // the kind does not have (unless a block that could not be read seemed
  // to declare it). The use is recorded when `record`.
  const Declared* find(std::string_view keyword, std::string_view written_kind, std::string_view name, SourceRange at,
                       bool record = true);
  // Likewise for the tier `tier` of the VPC at Model::vpcs[vpc].
  const Declared* find_tier(std::size_t vpc, std::string_view vpc_name, std::string_view tier, SourceRange at,
                            bool record = true);
  bool declare_in(Names& table, const model::KindSpec& kind, std::string_view what, std::string qualified,
                  std::string_view name, SourceRange at, const ast::Block& block, std::size_t index);

  Diagnostics& diags_;
  SymbolIndex& symbols_;
  Suggester& suggester_;
  std::size_t expected_ = 0;
  std::unordered_map<std::string_view, Names> by_kind_;  // kind keyword (static) → its names
  std::unordered_map<std::size_t, Names> tiers_;         // vpc index → its tiers
  // Views of the AST, as the names are.
  std::unordered_set<std::pair<std::string_view, std::string_view>, PairHash> unread_;  // (kind or "", name)
  std::unordered_set<std::pair<std::size_t, std::string_view>, PairHash> unread_tiers_;
};

}  // namespace archc
