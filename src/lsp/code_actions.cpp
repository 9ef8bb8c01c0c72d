// textDocument/codeAction (LSP 3.17 "Code Action Request"): the fix-its of
// the diagnostics, each a quick fix: "did you mean", the corrected CIDR, and
// for a warning the comment that suppresses it (lint's fix-it).
#include "lint/lint.hpp"
#include "lsp/protocol.hpp"

namespace archc::lsp {

namespace {

bool before(Position a, Position b) { return a.line < b.line || (a.line == b.line && a.character < b.character); }

bool touches(const Range& a, const Range& b) { return !before(a.end, b.start) && !before(b.end, a.start); }

}  // namespace

json code_actions(const Context& c, const Range& range) {
  const lint::LintedFile linted = lint::lint_compilation(c.compilation());
  json out = json::array();
  for (const auto& d : linted.diags.all()) {
    if (!d.range.valid() || !touches(c.range(d.range), range)) continue;
    const json diagnostic = to_lsp(c, d);
    for (std::size_t i = 0; i < d.fixits.size(); ++i) {
      const FixIt& f = d.fixits[i];
      if (!f.range.valid()) continue;
      json edit = {{"range", to_json(c.range(f.range))}, {"newText", f.replacement}};
      // The first fix-it of an error is the one to prefer; a suppression is never preferred.
      const bool suppresses = d.severity() == Severity::Warning && i + 1 == d.fixits.size();
      out.push_back({{"title", describe(f)},
                     {"kind", "quickfix"},
                     {"diagnostics", json::array({diagnostic})},
                     {"isPreferred", i == 0 && !suppresses},
                     {"edit", {{"changes", {{c.document.uri(), json::array({std::move(edit)})}}}}}});
    }
  }
  return out;
}

}  // namespace archc::lsp
