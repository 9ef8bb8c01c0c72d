#include "lint/lint.hpp"

#include <fmt/format.h>


namespace archc::lint {

LintedFile lint_compilation(const Compilation& c) {
  // The compilation kept its first errors and warnings up to its limit; the
  // same limit holds for the unused-suppression warnings added here.
  LintedFile out;
  out.diags = Diagnostics(0, c.diags.error_limit());
  out.diags.set_levels(c.diags.levels());  // for the unused-suppression warnings added here
  out.path = c.source->path();
  for (const auto& d : c.diags.all()) {
    Diagnostic& kept = out.diags.add(d);
    if (kept.severity() == Severity::Warning && kept.range.valid()) kept.fixits.push_back(suppression_fixit(kept));
  }
  // In a file whose blocks could not all be read the checks skip what the
  // broken parts touch, so a suppression's silence proves nothing yet.
  for (std::size_t i = 0; i < c.suppressions.size() && c.complete; ++i) {
    if (c.silencer->used(i)) continue;
    const Suppression& s = c.suppressions[i];
    const std::optional<Rule> rule = find_rule(s.rule);
    std::string message =
        s.rule.empty() ? std::string("this suppression names no rule")
        : !rule        ? fmt::format("`{}` is not an archc rule", s.rule)
        : rule_info(*rule).severity == Severity::Error
            ? fmt::format("`{}` is an error and cannot be suppressed: AWS would reject it", s.rule)
            : fmt::format("this suppression of `{}` silences nothing", s.rule);
    out.diags.report(Rule::UnusedSuppression, s.range, std::move(message));
  }
  out.diags.count_omitted(c.diags);
  out.diags.sort();
  return out;
}

}  // namespace archc::lint
