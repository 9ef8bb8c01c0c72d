// The LSP 3.17 structures archc's features read and write, as JSON, and the
// features themselves: each takes an open document and the negotiated
// position encoding, and returns the result the spec defines for its
// request (null when there is nothing at the position).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "lsp/document.hpp"
#include "source/diagnostic.hpp"

namespace archc::lsp {

using json = nlohmann::json;

json to_json(Position p);
json to_json(const Range& r);
// A Position or Range of params; throws json::exception when malformed
// (answered InvalidParams).
Position position_from(const json& j);
Range range_from(const json& j);

// What the features share of one request.
struct Context {
  const Document& document;
  PositionEncoding encoding;
  // The page of a rule is `rules_url` + "#" + its id (docs/rules.md).
  std::string_view rules_url;

  const Compilation& compilation() const { return document.compilation(); }
  Range range(const SourceRange& r) const { return document.range(r, encoding); }
  json location(const SourceRange& r) const { return {{"uri", document.uri()}, {"range", to_json(range(r))}}; }
};

// "textDocument/publishDiagnostics": the params for the document's current
// text. Each diagnostic has the rule id as `code`, the rule's page as
// `codeDescription`, its notes as `relatedInformation`; suppressed warnings
// are absent.
json diagnostics(const Context& c);
// One diagnostic as LSP shows it (Diagnostic).
json to_lsp(const Context& c, const Diagnostic& d);

// "textDocument/hover": markdown, or null.
json hover(const Context& c, Position p);

// "textDocument/definition", "references", "documentHighlight",
// "prepareRename", "rename": of the declared name at `p` (its declaration
// or a reference to it); null, or empty, when none is there. rename throws
// RpcError(RequestFailed) when `new_name` is not a name archc accepts.
json definition(const Context& c, Position p);
json references(const Context& c, Position p, bool include_declaration);
json document_highlight(const Context& c, Position p);
json prepare_rename(const Context& c, Position p);
json rename(const Context& c, Position p, const std::string& new_name);

// "textDocument/documentSymbol": DocumentSymbol[], blocks nested as in the file.
json document_symbols(const Context& c);

// "textDocument/completion": CompletionItem[] for the context at `p`.
json completion(const Context& c, Position p);

// "textDocument/codeAction": a quick fix per fix-it of each diagnostic that
// touches `range`, and a suppression comment for each warning.
json code_actions(const Context& c, const Range& range);

// "textDocument/semanticTokens/full", and the legend the server announces.
json semantic_tokens_legend();
json semantic_tokens(const Context& c);
// textDocument/formatting: archc fmt's layout as one edit of the whole
// document; no edit when it is already formatted or has a syntax error.
json formatting(const Context& c);

}  // namespace archc::lsp
