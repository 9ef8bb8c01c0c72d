#include "pipeline.hpp"

#include <ctime>
#include <sstream>

#include "driver/compilation.hpp"
#include "emit/cloudformation.hpp"
#include "emit/terraform.hpp"
#include "lint/formats.hpp"
#include "lint/lint.hpp"
#include "lower/lower.hpp"
#include "plan/plan.hpp"

namespace archc::bench {

namespace {

// Processor time: what other work on a shared machine changes far less than
// the wall clock.
double cpu_ms() { return 1e3 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

}  // namespace

std::size_t run_pipeline(const std::string& path, std::string text, std::size_t error_limit, StageTimes* times,
                         Stage last) {
  StageTimes local;
  StageTimes& t = times ? *times : local;
  t = {};
  double start = cpu_ms();
  const auto lap = [&](Stage s) {
    const double now = cpu_ms();
    t.ms[static_cast<int>(s)] = now - start;
    start = now;
  };

  const auto c = compile_text(path, std::move(text), error_limit);
  lap(Stage::kFrontEnd);
  if (last == Stage::kFrontEnd) return c->diags.all().size();

  std::size_t bytes = 0;
  for (const auto& d : c->diags.all()) bytes += render_text(d, false).size();
  bytes += render_omitted(path, c->diags).size();
  bytes += render_summary(path, c->diags.error_count(), c->diags.warning_count()).size();
  lap(Stage::kRender);
  if (last == Stage::kRender) return bytes;

  const lint::LintedFile linted = lint::lint_compilation(*c);
  for (int format = 0; format < 4; ++format) {
    std::ostringstream out;
    const auto f = format == 0   ? lint::text_format(out, true)
                   : format == 1 ? lint::json_format(out)
                   : format == 2 ? lint::sarif_format(out, lint::RepositoryPaths("/"))
                                 : lint::github_format(out, lint::RepositoryPaths("/"));
    f->file(linted);
    f->finish();
    bytes += out.str().size();
  }
  lap(Stage::kLint);
  if (last == Stage::kLint || !c->ok()) return bytes;

  const plan::Plan p = plan::make_plan(c->model);
  bytes += plan::render_text(p).size() + plan::render_json(p).size();
  lap(Stage::kPlan);
  if (last == Stage::kPlan) return bytes;

  const aws::Stack stack = lower(c->model);
  bytes += emit_cloudformation(stack).size() + emit_terraform(stack).size();
  lap(Stage::kBuild);
  return bytes;
}

}  // namespace archc::bench
