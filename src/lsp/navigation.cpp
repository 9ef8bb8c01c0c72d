// Go-to-definition, find-references, document highlight and rename (LSP
// 3.17 "Goto Definition Request", "Find References Request", "Document
// Highlights Request", "Rename Request"), all from the symbol index.
#include <cctype>

#include <fmt/format.h>

#include "lsp/jsonrpc.hpp"
#include "lsp/protocol.hpp"
#include "model/logical_id.hpp"
#include "syntax/identifier.hpp"

namespace archc::lsp {

namespace {

struct Found {
  std::size_t declaration;
  SourceRange at;  // the declaration's name or the reference under the cursor
};

std::optional<Found> declared_name_at(const Context& c, Position p) {
  const SymbolIndex& symbols = c.compilation().symbols;
  auto hit = symbols.at(c.document.source_offset(p, c.encoding));
  using What = SymbolIndex::Hit::What;
  if (!hit || (hit->what != What::Declaration && hit->what != What::Reference)) return std::nullopt;
  return Found{static_cast<std::size_t>(hit->declaration - symbols.declarations().data()), hit->range};
}

// The name itself: a label's range holds its quotes.
SourceRange unquoted(const SourceRange& r) {
  const std::string_view text = r.file->text().substr(r.begin.offset, r.end.offset - r.begin.offset);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"')
    return r.file->range(r.begin.offset + 1, r.end.offset - 1);
  return r;
}

// Where the name is written: its declaration, then every use.
std::vector<SourceRange> occurrences(const Context& c, std::size_t declaration) {
  const SymbolIndex& symbols = c.compilation().symbols;
  std::vector<SourceRange> out{unquoted(symbols.declarations()[declaration].range)};
  for (const auto& r : symbols.references_to(declaration)) out.push_back(r);
  return out;
}


}  // namespace

json definition(const Context& c, Position p) {
  auto found = declared_name_at(c, p);
  if (!found) return nullptr;
  return c.location(unquoted(c.compilation().symbols.declarations()[found->declaration].range));
}

json references(const Context& c, Position p, bool include_declaration) {
  auto found = declared_name_at(c, p);
  json out = json::array();
  if (!found) return out;
  std::vector<SourceRange> all = occurrences(c, found->declaration);
  for (std::size_t i = include_declaration ? 0 : 1; i < all.size(); ++i) out.push_back(c.location(all[i]));
  return out;
}

json document_highlight(const Context& c, Position p) {
  auto found = declared_name_at(c, p);
  json out = json::array();
  if (!found) return out;
  std::vector<SourceRange> all = occurrences(c, found->declaration);
  // DocumentHighlightKind: 3 Write for the declaration, 2 Read for a use.
  for (std::size_t i = 0; i < all.size(); ++i)
    out.push_back({{"range", to_json(c.range(all[i]))}, {"kind", i == 0 ? 3 : 2}});
  return out;
}

json prepare_rename(const Context& c, Position p) {
  auto found = declared_name_at(c, p);
  if (!found) return nullptr;
  const SourceRange name = unquoted(found->at);
  return {{"range", to_json(c.range(name))},
          {"placeholder", std::string(name.file->text().substr(name.begin.offset, name.end.offset - name.begin.offset))}};
}

json rename(const Context& c, Position p, const std::string& new_name) {
  auto found = declared_name_at(c, p);
  if (!found) return nullptr;
  if (!is_identifier(new_name))
    throw RpcError(ErrorCode::RequestFailed,
                   fmt::format("`{}` is not a name: a letter or `_`, then letters, digits, `_` and `-`", new_name));
  // Names are per kind (and tiers per VPC): refuse the name of another
  // declaration of the same kind, which would make a duplicate-name error.
  const auto& declarations = c.compilation().symbols.declarations();
  const SymbolDeclaration& renamed = declarations[found->declaration];
  const std::string qualified = renamed.name.substr(0, renamed.name.rfind('.') + 1) + new_name;
  // Nor a name that gives another of the kind the same AWS logical ids
  // (`App` beside `app`: a name-collision error), logical_id.hpp. Variables
  // (no kind) are one kind here.
  const std::string prefix = qualified.substr(0, qualified.size() - new_name.size());
  const std::string word = logical_id::word(new_name);
  for (const auto& d : declarations) {
    if (&d == &renamed || d.kind != renamed.kind || !d.name.starts_with(prefix)) continue;
    const std::string_view other = std::string_view(d.name).substr(prefix.size());
    if (other.find('.') != std::string_view::npos) continue;
    if (other == new_name)
      throw RpcError(ErrorCode::RequestFailed,
                     fmt::format("`{}` is already declared on line {}", qualified, d.range.begin.line));
    if (renamed.kind && logical_id::word(other) == word)  // a variable is in no logical id
      throw RpcError(ErrorCode::RequestFailed,
                     fmt::format("`{}` would give the same AWS logical ids as `{}` on line {} (name-collision)",
                                 qualified, d.name, d.range.begin.line));
  }
  json edits = json::array();
  for (const auto& r : occurrences(c, found->declaration))
    edits.push_back({{"range", to_json(c.range(r))}, {"newText", new_name}});
  return {{"changes", {{c.document.uri(), std::move(edits)}}}};
}

}  // namespace archc::lsp
