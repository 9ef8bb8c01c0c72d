// textDocument/formatting (LSP 3.17 "Document Formatting"): the layout of
// `archc fmt` (docs/fmt.md), as one edit of the whole document. The
// client's FormattingOptions are not read: the layout has one indent, two
// spaces, whatever the editor's tab settings, as `terraform fmt` has.
#include "format/format.hpp"
#include "lsp/protocol.hpp"

namespace archc::lsp {

json formatting(const Context& c) {
  const std::string& text = c.document.text();
  const auto formatted = format::format_source(text);
  // A document with a syntax error is left as it is, as `archc fmt` leaves a file.
  if (!formatted || *formatted == text) return json::array();
  // A source offset past the end is the end of the document (Document::position).
  const Range whole{{0, 0}, c.document.position(static_cast<std::uint32_t>(text.size()), c.encoding)};
  return json::array({{{"range", to_json(whole)}, {"newText", *formatted}}});
}

}  // namespace archc::lsp
