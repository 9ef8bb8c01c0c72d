#include "pipeline.hpp"

#include <sstream>

#include "driver/compilation.hpp"
#include "emit/cloudformation.hpp"
#include "emit/terraform.hpp"
#include "lint/formats.hpp"
#include "lint/lint.hpp"
#include "lower/lower.hpp"
#include "plan/plan.hpp"

namespace archc::bench {

std::size_t run_pipeline(const std::string& path, std::string text, std::size_t error_limit) {
  const auto c = compile_text(path, std::move(text), error_limit);
  std::size_t bytes = 0;
  for (const auto& d : c->diags.all()) bytes += render_text(d, false).size();
  bytes += render_omitted(path, c->diags).size();
  bytes += render_summary(path, c->diags.error_count(), c->diags.warning_count()).size();

  const lint::LintedFile linted = lint::lint_compilation(*c);
  for (int format = 0; format < 4; ++format) {
    std::ostringstream out;
    const auto f = format == 0   ? lint::text_format(out, true)
                   : format == 1 ? lint::json_format(out)
                   : format == 2 ? lint::sarif_format(out, "/")
                                 : lint::github_format(out);
    f->file(linted);
    f->finish();
    bytes += out.str().size();
  }

  if (!c->ok()) return bytes;
  const plan::Plan p = plan::make_plan(c->model);
  bytes += plan::render_text(p).size() + plan::render_json(p).size();
  const aws::Stack stack = lower(c->model);
  return bytes + emit_cloudformation(stack).size() + emit_terraform(stack).size();
}

}  // namespace archc::bench
