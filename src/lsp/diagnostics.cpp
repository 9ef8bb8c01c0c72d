// textDocument/publishDiagnostics (LSP 3.17 "PublishDiagnostics Notification").
#include "lint/lint.hpp"
#include "lsp/protocol.hpp"

namespace archc::lsp {

json to_lsp(const Context& c, const Diagnostic& d) {
  // DiagnosticSeverity: 1 Error, 2 Warning.
  json out = {{"range", to_json(c.range(d.range))},
              {"severity", d.severity() == Severity::Error ? 1 : 2},
              {"code", std::string(d.id())},
              {"codeDescription", {{"href", std::string(c.rules_url) + "#" + std::string(d.id())}}},
              {"source", "archc"},
              {"message", d.message}};
  json related = json::array();
  for (const auto& note : d.notes)
    related.push_back({{"location", c.location(note.range.valid() ? note.range : d.range)}, {"message", note.message}});
  if (!related.empty()) out["relatedInformation"] = std::move(related);
  return out;
}

json diagnostics(const Context& c) {
  // lint's list: the compilation's diagnostics after suppression, and the
  // suppressions that silence nothing.
  const lint::LintedFile linted = lint::lint_compilation(c.compilation());
  json list = json::array();
  for (const auto& d : linted.diags.all())
    list.push_back(to_lsp(c, d));  // one of no place in particular (an empty file) at 0:0
  return {{"uri", c.document.uri()}, {"version", c.document.version()}, {"diagnostics", std::move(list)}};
}

}  // namespace archc::lsp
