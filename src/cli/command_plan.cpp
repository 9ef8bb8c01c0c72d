#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/standard_output.hpp"
#include "plan/plan.hpp"

namespace archc::cli {

namespace {

struct PlanOptions {
  std::string file, format = "text";
};

int run_plan(const PlanOptions& o, const GlobalOptions& global) {
  auto c = load(o.file, global);
  if (!c) return kExitUsage;
  if (report(*c, global.color) > 0) return kExitDiagnostics;
  const plan::Plan p = plan::make_plan(c->model);
  StandardOutput out;
  out.stream() << (o.format == "json" ? plan::render_json(p) : plan::render_text(p));
  return out.finish() ? kExitOk : kExitUsage;
}

}  // namespace

Registered add_plan_command(CLI::App& app, const GlobalOptions& global) {
  auto o = std::make_shared<PlanOptions>();
  auto* cmd = app.add_subcommand(
      "plan", "Check FILE and print what it deploys: subnets, routes, NATs, rules, load balancers, groups, databases, caches");
  cmd->add_option("FILE", o->file, "The .arch file (-: standard input)")->required();
  cmd->add_option("--format", o->format, "text (for people, the default) or json (for tools; schema in docs/plan.md)")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->footer(
      "Examples:\n"
      "  archc plan samples/lab-vpc.arch\n"
      "  archc plan samples/shop.arch --format json | jq '.vpcs[].tiers[].subnets[]'");
  return {cmd, [o, &global] { return run_plan(*o, global); }};
}

}  // namespace archc::cli
