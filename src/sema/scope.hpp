// The names a file declares, kind by kind, and the resolution of references
// to them (`vpc.lab`, `vpc.lab.app`, `asg.web`). Every declaration and every
// resolved use is recorded in the symbol index.
#pragma once

#include <map>
#include <set>
#include <optional>
#include <string>
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

  // Declares `name` (written at `at`, in `block`) for `kind`: `index` is
  // where the model keeps it (Model::vpcs for vpc, Model::resources for a
  // chain endpoint, Model::chains for sg-chain). False for a name the kind
  // already has (reported, with a note at the first).
  bool declare(const model::KindSpec& kind, const std::string& name, SourceRange at, const ast::Block& block,
               std::size_t index);
  // Declares a subnet tier of the VPC at Model::vpcs[vpc]; likewise.
  bool declare_tier(std::size_t vpc, const std::string& vpc_name, const std::string& name, SourceRange at,
                    const ast::Block& block, std::size_t index);

  // Records a name that a block which could not be read seemed to declare
  // (`kind` empty: a block of an unknown kind): a reference to it that
  // resolves to nothing is then not reported, the block's error was.
  void declare_unread(std::string_view kind, std::string_view name);
  void declare_unread_tier(std::size_t vpc, std::string_view name);

  // Resolves a reference (`vpc.NAME`, `vpc.NAME.TIER`, `KIND.NAME` for a
  // chain-endpoint kind); nullopt after reporting what does not exist.
  std::optional<model::Endpoint> resolve(const ast::Expr& e);

 private:
  struct Declared {
    std::size_t index;   // into the model's list of its kind
    std::size_t symbol;  // into SymbolIndex::declarations()
    SourceRange at;
  };
  struct Names {
    std::map<std::string, Declared, std::less<>> by_name;
    std::vector<std::string> names;  // in declaration order, for suggestions
  };
  bool declare_in(Names& table, const model::KindSpec& kind, const std::string& what, const std::string& qualified,
                  const std::string& name, SourceRange at, const ast::Block& block, std::size_t index);

  Diagnostics& diags_;
  SymbolIndex& symbols_;
  Suggester& suggester_;
  std::map<std::string, Names, std::less<>> by_kind_;  // kind keyword → its names
  std::map<std::size_t, Names> tiers_;                 // vpc index → its tiers
  std::set<std::pair<std::string, std::string>> unread_;  // (kind or "", name)
  std::set<std::pair<std::size_t, std::string>> unread_tiers_;
};

}  // namespace archc
