// `# archc:ignore RULE` comments. One on the line before a diagnostic's line
// silences that rule there; one inside a block (anywhere in its body), or on
// the line before a top-level block, silences the rule in the whole block. Only warnings can be silenced:
// errors are things AWS would reject, and `build` refuses them regardless.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "source/diagnostic.hpp"
#include "syntax/ast.hpp"

namespace archc {

struct Suppression {
  std::string rule;
  SourceRange range;  // of the rule id inside the comment
  std::uint32_t line = 0;  // the line it applies to (the one after the comment)
  SourceRange block;  // the innermost block holding the comment, or the top-level block it precedes
};

// The suppressions of a file's comments, in source order. A comment reads
// `# archc:ignore ID[, ID...]`, optionally followed by `-- reason`
// (`//` and `/* */` comments work too). Every word before `--` or `*/` is
// taken as an id, rule or not, for lint to report what is none; a comment
// with no word gives one suppression whose rule is empty, at `archc:ignore`.
std::vector<Suppression> find_suppressions(const ast::File& file);

// Which of a file's suppressions silence which warnings: a suppression
// silences a warning of its rule on its line, or in its block. The
// compilation asks as each warning is reported (Diagnostics::set_filter), so
// a silenced one is never kept. Without holding every warning to every
// suppression (many of both made that quadratic): the suppressions are
// indexed by rule and line and by rule and block, and a warning looks up its
// line and the few blocks that hold it.
class Silencer final : public WarningFilter {
 public:
  // Both must outlive it.
  Silencer(const ast::File& file, const std::vector<Suppression>& suppressions);

  // Whether a suppression silences the warning of `rule` at `range`; marks
  // every one that does as used. An invalid range is silenced by none.
  bool silence(Rule rule, const SourceRange& range) override;
  // Whether suppressions[i] silenced something.
  bool used(std::size_t i) const { return used_[i]; }

 private:
  // Suppressions that silence the same diagnostics: marked used together.
  struct Group {
    std::vector<std::size_t> members;
    bool used = false;
  };
  void mark(Group& g);

  const ast::File& file_;
  std::map<std::pair<std::string_view, std::uint32_t>, Group> by_line_;
  std::map<std::tuple<std::string_view, std::uint32_t, std::uint32_t>, Group> by_block_;  // rule, block's offsets
  std::vector<bool> used_;
};

// The fix-it that silences the warning `d` (which has a range): the line
// `# archc:ignore RULE`, indented like d's first line, inserted above it.
FixIt suppression_fixit(const Diagnostic& d);

}  // namespace archc
