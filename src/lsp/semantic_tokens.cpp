// textDocument/semanticTokens/full (LSP 3.17 "Semantic Tokens"): block
// kinds, declared names, references, attribute names and ports, coloured by
// what they mean; the rest (strings, numbers, comments) is left to the
// grammar.
#include <algorithm>

#include "lsp/blocks.hpp"
#include "lsp/protocol.hpp"

namespace archc::lsp {

namespace {

// Indexes into the legend's tokenTypes.
enum TokenType : int { kType = 0, kClass, kVariable, kProperty, kEnumMember };
// Bit of the legend's tokenModifiers.
constexpr int kDeclaration = 1;

struct Span {
  std::uint32_t begin, end;
  int type, modifiers;
};

}  // namespace

json semantic_tokens_legend() {
  return {{"tokenTypes", {"type", "class", "variable", "property", "enumMember"}},
          {"tokenModifiers", {"declaration"}}};
}

json semantic_tokens(const Context& c) {
  const Compilation& comp = c.compilation();
  std::vector<Span> spans;
  for_each_block(comp.syntax, [&](const BlockAt& at, const std::vector<BlockAt>&) {
    const ast::Block& b = *at.block;
    if (at.kind) spans.push_back({b.kind_range.begin.offset, b.kind_range.end.offset, kType, 0});
    for (const auto& label : b.labels)
      spans.push_back({label.range.begin.offset, label.range.end.offset, kClass, kDeclaration});
    for (const auto& item : b.items) {
      if (const auto* a = std::get_if<ast::Attribute>(&item)) {
        const SourceRange n = a->name_range();
        spans.push_back({n.begin.offset, n.end.offset, kProperty, 0});
      } else if (const auto* e = std::get_if<std::unique_ptr<ast::Edge>>(&item)) {
        for (const auto& port : (*e)->ports) {
          if (!port.protocol.empty())
            spans.push_back({port.protocol_range.begin.offset, port.protocol_range.end.offset, kEnumMember, 0});
          if (port.kind == ast::Port::Kind::Name)
            spans.push_back({port.range.begin.offset, port.range.end.offset, kEnumMember, 0});
        }
      }
    }
    return true;
  });
  for (const auto& use : comp.symbols.uses())
    spans.push_back({use.range.begin.offset, use.range.end.offset, kVariable, 0});
  std::stable_sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });

  // Relative encoding: deltaLine, deltaStartChar, length, type, modifiers.
  // A span never crosses a line (names and keywords hold no line end).
  json data = json::array();
  Position last{0, 0};
  std::uint32_t last_end = 0;
  for (const Span& s : spans) {
    if (s.begin < last_end && !data.empty()) continue;  // overlapping: the first kept
    const Position start = c.document.position(s.begin, c.encoding);
    const Position end = c.document.position(s.end, c.encoding);
    if (end.line != start.line || end.character <= start.character) continue;
    data.push_back(start.line - last.line);
    data.push_back(start.line == last.line ? start.character - last.character : start.character);
    data.push_back(end.character - start.character);
    data.push_back(s.type);
    data.push_back(s.modifiers);
    last = start, last_end = s.end;
  }
  return {{"data", std::move(data)}};
}

}  // namespace archc::lsp
