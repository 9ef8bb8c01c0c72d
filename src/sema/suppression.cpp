#include "sema/suppression.hpp"

#include <algorithm>
#include <string_view>

namespace archc {

namespace {

constexpr std::string_view kDirective = "archc:ignore";

// Between the rule ids of a suppression: blanks (a `/* */` comment may span
// lines) and commas.
bool is_separator(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ','; }

const SourceRange& range_of(const ast::BodyItem& item) {
  return std::visit(
      [](const auto& i) -> const SourceRange& {
        if constexpr (requires { i->range; }) return i->range;
        else return i.range;
      },
      item);
}

// The block among `items` (in source order, apart) whose range holds
// `offset`, if any: the one that starts last at or before it, when it is a
// block that ends after it. A search, not a scan, so that many comments in
// a long body cost no more than a few.
const ast::Block* block_holding(const std::vector<ast::BodyItem>& items, std::uint32_t offset) {
  const auto before = [](std::uint32_t at, const ast::BodyItem& item) { return at < range_of(item).begin.offset; };
  auto it = std::upper_bound(items.begin(), items.end(), offset, before);
  if (it == items.begin()) return nullptr;
  const auto* b = std::get_if<std::unique_ptr<ast::Block>>(&*--it);
  return b && offset < (*b)->range.end.offset ? b->get() : nullptr;
}

// Calls `found` with every block whose range holds `offset`, outermost
// first. Blocks nest at most kMaxNesting deep.
template <typename F>
void blocks_holding(const std::vector<ast::BodyItem>& items, std::uint32_t offset, F&& found) {
  for (const ast::Block* b = block_holding(items, offset); b; b = block_holding(b->items, offset)) found(*b);
}

// Positions inside one comment, walking forward from its start: finding
// each from the start of its line was quadratic in a line of many
// suppressions.
class CommentPositions {
 public:
  explicit CommentPositions(const ast::Comment& c) : file_(c.range.file), text_(c.text), pos_(c.range.begin) {}

  // The range of the comment's bytes [begin, end), at or after the last
  // asked for.
  SourceRange range(std::size_t begin, std::size_t end) {
    const SourcePos b = at(begin);
    return {file_, b, at(end)};
  }

 private:
  SourcePos at(std::size_t i) {
    for (; walked_ < i; ++walked_) {
      const auto c = static_cast<unsigned char>(text_[walked_]);
      if (c == '\n') {
        ++pos_.line;
        pos_.column = 1;
      } else if ((c & 0xC0u) != 0x80u) {  // columns count code points
        ++pos_.column;
      }
      ++pos_.offset;
    }
    return pos_;
  }

  const SourceFile* file_;
  std::string_view text_;
  SourcePos pos_;
  std::size_t walked_ = 0;
};

}  // namespace

std::vector<Suppression> find_suppressions(const ast::File& file) {
  // The first top-level block starting on each line, for a comment on the
  // line before it.
  std::vector<std::pair<std::uint32_t, SourceRange>> block_lines;
  for (const auto& item : file.items)
    if (const auto* b = std::get_if<std::unique_ptr<ast::Block>>(&item))
      if (block_lines.empty() || block_lines.back().first != (*b)->range.begin.line)
        block_lines.emplace_back((*b)->range.begin.line, (*b)->range);
  const auto block_on_line = [&](std::uint32_t line) -> SourceRange {
    auto it = std::lower_bound(block_lines.begin(), block_lines.end(), line,
                               [](const auto& entry, std::uint32_t l) { return entry.first < l; });
    return it != block_lines.end() && it->first == line ? it->second : SourceRange{};
  };

  std::vector<Suppression> out;
  for (const auto& c : file.comments) {
    std::string_view text = c.text;
    std::size_t i = text.starts_with("#") ? 1 : 2;  // `#`, `//` or `/*`
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (text.substr(i, kDirective.size()) != kDirective) continue;
    i += kDirective.size();
    if (i < text.size() && text[i] != ' ' && text[i] != '\t') continue;  // archc:ignored, not ours
    SourceRange block;
    blocks_holding(file.items, c.range.begin.offset, [&](const ast::Block& b) { block = b.range; });
    if (!block.valid()) block = block_on_line(c.range.end.line + 1);
    CommentPositions positions(c);
    const std::size_t directive_end = i;
    const std::size_t listed = out.size();
    // Every word up to `--` (a reason) or `*/` is a rule id: one that is not
    // (`UNUSED-VARIABLE`, `single-nat.`) is reported, never passed over.
    const auto ends_list = [&](std::size_t at) {
      return at >= text.size() || text.substr(at, 2) == "--" || text.substr(at, 2) == "*/";
    };
    while (true) {
      while (i < text.size() && is_separator(text[i])) ++i;
      if (ends_list(i)) break;
      std::size_t end = i;
      while (!ends_list(end) && !is_separator(text[end])) ++end;
      out.push_back({std::string(text.substr(i, end - i)), positions.range(i, end), c.range.end.line + 1, block});
      i = end;
    }
    if (out.size() == listed)  // `# archc:ignore` alone: an empty rule, reported as naming none
      out.push_back({{}, positions.range(directive_end - kDirective.size(), directive_end), c.range.end.line + 1, block});
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

Silencer::Silencer(const ast::File& file, const std::vector<Suppression>& suppressions)
    : file_(file), used_(suppressions.size(), false) {
  for (std::size_t i = 0; i < suppressions.size(); ++i) {
    const Suppression& s = suppressions[i];
    by_line_[{s.rule, s.line}].members.push_back(i);
    if (s.block.valid()) by_block_[{s.rule, s.block.begin.offset, s.block.end.offset}].members.push_back(i);
  }
}

void Silencer::mark(Group& g) {
  if (g.used) return;
  g.used = true;
  for (std::size_t i : g.members) used_[i] = true;
}

bool Silencer::silence(Rule rule, const SourceRange& range) {
  if (!range.valid()) return false;
  const std::string_view id = rule_info(rule).id;
  bool silenced = false;
  if (auto it = by_line_.find({id, range.begin.line}); it != by_line_.end()) {
    mark(it->second);
    silenced = true;
  }
  // A suppression's block is one of the file's blocks: those that hold the
  // diagnostic are its blocks.
  blocks_holding(file_.items, range.begin.offset, [&](const ast::Block& b) {
    if (auto it = by_block_.find({id, b.range.begin.offset, b.range.end.offset}); it != by_block_.end()) {
      mark(it->second);
      silenced = true;
    }
  });
  return silenced;
}

}  // namespace archc
