#include "lint/suppression.hpp"

#include <string_view>

namespace archc::lint {

namespace {

constexpr std::string_view kDirective = "archc:ignore";

bool is_rule_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

// The innermost block whose range holds `offset`, searching `items`.
SourceRange enclosing_block(const std::vector<ast::BodyItem>& items, std::uint32_t offset, SourceRange found) {
  for (const auto& item : items) {
    const auto* b = std::get_if<std::unique_ptr<ast::Block>>(&item);
    if (!b) continue;
    const SourceRange& r = (*b)->range;
    if (r.begin.offset <= offset && offset < r.end.offset) return enclosing_block((*b)->items, offset, r);
  }
  return found;
}

// The top-level block whose header is on `line`, if any.
SourceRange block_on_line(const std::vector<ast::BodyItem>& items, std::uint32_t line) {
  for (const auto& item : items)
    if (const auto* b = std::get_if<std::unique_ptr<ast::Block>>(&item); b && (*b)->range.begin.line == line)
      return (*b)->range;
  return {};
}

bool contains(const SourceRange& outer, const SourceRange& inner) {
  return outer.valid() && outer.begin.offset <= inner.begin.offset && inner.begin.offset < outer.end.offset;
}

}  // namespace

std::vector<Suppression> find_suppressions(const ast::File& file) {
  std::vector<Suppression> out;
  for (const auto& c : file.comments) {
    std::string_view text = c.text;
    std::size_t i = text.starts_with("#") ? 1 : 2;  // `#`, `//` or `/*`
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (text.substr(i, kDirective.size()) != kDirective) continue;
    i += kDirective.size();
    if (i < text.size() && text[i] != ' ' && text[i] != '\t') continue;  // archc:ignored, not ours
    SourceRange block = enclosing_block(file.items, c.range.begin.offset, {});
    if (!block.valid()) block = block_on_line(file.items, c.range.end.line + 1);
    while (true) {
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == ',')) ++i;
      std::size_t end = i;
      while (end < text.size() && is_rule_char(text[end])) ++end;
      // Anything but a rule id (`--`, `*/`, a reason) ends the list.
      if (end == i || text.substr(i, 2) == "--" ||
          (end < text.size() && std::string_view(" \t,*").find(text[end]) == std::string_view::npos))
        break;
      const std::uint32_t at = c.range.begin.offset + static_cast<std::uint32_t>(i);
      out.push_back({std::string(text.substr(i, end - i)),
                     c.range.file->range(at, at + static_cast<std::uint32_t>(end - i)), c.range.end.line + 1, block});
      i = end;
    }
  }
  return out;
}

FixIt suppression_fixit(const Diagnostic& d) {
  const std::string_view line = d.range.file->line_text(d.range.begin.line);
  const auto line_start = static_cast<std::uint32_t>(line.data() - d.range.file->text().data());
  const std::string_view indent = line.substr(0, line.find_first_not_of(" \t"));
  return {d.range.file->range(line_start, line_start),
          std::string(indent) + "# " + std::string(kDirective) + " " + std::string(d.id()) + "\n"};
}

bool silences(const Suppression& s, const Diagnostic& d) {
  if (d.severity() != Severity::Warning || d.id() != s.rule || !d.range.valid()) return false;
  return d.range.begin.line == s.line || contains(s.block, d.range);
}

}  // namespace archc::lint
