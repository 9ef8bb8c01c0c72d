// The target of build, check and lint: the stack build writes for it, and
// the limits of its own that all three report (commands.hpp).
#include <string>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "emit/cloudformation.hpp"
#include "emit/terraform.hpp"
#include "lower/lower.hpp"

namespace archc::cli {

CLI::Option* add_target_option(CLI::App& cmd, Target& target, const std::string& description) {
  return cmd
      .add_option_function<std::string>(
          "--target",
          [&target](const std::string& name) {
            target = name == "terraform" ? Target::kTerraform : Target::kCloudFormation;
          },
          description)
      ->check(CLI::IsMember({"cloudformation", "terraform"}));
}

BuiltStack build_stack(Compilation& c, Target target) {
  const aws::Stack stack = lower(c.model);
  if (target == Target::kTerraform) return {emit_terraform(stack), stack.resources.size()};
  std::string text = emit_cloudformation(stack);
  const SourceRange where = c.model.stack.range.valid() ? c.model.stack.range : c.source->range(0, 0);
  check_cloudformation_limits(stack, text, where, c.diags);
  return {std::move(text), stack.resources.size()};
}

void check_target_limits(Compilation& c, Target target) {
  // Only a model without errors lowers; Terraform has no limits to check.
  if (c.ok() && target == Target::kCloudFormation) build_stack(c, target);
}

}  // namespace archc::cli
