// textDocument/documentSymbol (LSP 3.17 "Document Symbols Request"): the
// file's blocks as an outline, nested as written.
#include "lsp/blocks.hpp"
#include "lsp/protocol.hpp"

namespace archc::lsp {

namespace {

// SymbolKind, from what the declaration says the kind is (no kind is named).
int symbol_kind(const model::KindSpec* kind) {
  if (!kind) return 19;                                     // Object
  if (kind->labels == model::Labels::OptionalOne) return 4;  // Package: the stack
  if (kind->edges) return 11;                                // Interface: a chain
  if (kind->chain_endpoint) return 5;                        // Class
  if (!kind->top_level) return 8;                            // Field: a tier, a listener
  return 3;                                                  // Namespace: a vpc
}

}  // namespace

json document_symbols(const Context& c) {
  json root = json::array();
  // The children arrays of the blocks being walked, outermost first.
  std::vector<json*> open{&root};
  for_each_block(c.compilation().syntax, [&](const BlockAt& at, const std::vector<BlockAt>& parents) {
    open.resize(parents.size() + 1);
    const ast::Block& b = *at.block;
    const bool named = !b.labels.empty() && !b.labels.front().text.empty();
    json symbol = {{"name", named ? b.labels.front().text : b.kind},
                   {"detail", b.kind},
                   {"kind", symbol_kind(at.kind)},
                   {"range", to_json(c.range(b.range))},
                   {"selectionRange", to_json(c.range(named ? b.labels.front().range : b.kind_range))},
                   {"children", json::array()}};
    json& list = *open.back();
    list.push_back(std::move(symbol));
    open.push_back(&list.back()["children"]);
    return true;
  });
  return root;
}

}  // namespace archc::lsp
