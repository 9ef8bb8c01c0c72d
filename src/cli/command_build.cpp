#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <optional>
#include <string_view>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "cli/commands.hpp"
#include "cli/standard_output.hpp"
#include "driver/output_file.hpp"
#include "source/line_echo.hpp"

namespace archc::cli {

namespace {

struct BuildOptions {
  std::string file, out;
  Target target = Target::kCloudFormation;
  CLI::Option* target_option = nullptr;  // not given: the target follows OUT
};

// Whether `s` ends in the lowercase ASCII `suffix`, in any case: `MAIN.TF.JSON`
// is as much Terraform as `main.tf.json` (a case-insensitive file system
// holds either).
bool ends_with_ignoring_case(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         std::equal(suffix.begin(), suffix.end(), s.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                    [](char want, char c) { return want == (c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c); });
}

int run_build(const BuildOptions& o, const GlobalOptions& global) {
  const bool to_stdout = o.out.empty() || o.out == "-";  // empty: no -o (CLI11 refuses `-o ''`)
  // What is compiled from FILE must not replace it: OUT (or standard
  // output) may be FILE under another name, a hard link or a symlink.
  if (const auto input = o.file == "-" ? regular_file_id(STDIN_FILENO) : regular_file_id(o.file);
      input && input == (to_stdout ? regular_file_id(STDOUT_FILENO) : regular_file_id(o.out))) {
    std::cerr << fmt::format("archc: error: cannot write {}: it is {}\n",
                             to_stdout ? "standard output" : printable(o.out),
                             o.file == "-" ? "the file standard input reads" : "the input file " + printable(o.file));
    return kExitUsage;
  }
  auto c = load(o.file, global);
  if (!c) return kExitUsage;
  const Target target = o.target_option->count() > 0   ? o.target
                        : ends_with_ignoring_case(o.out, ".tf.json") ? Target::kTerraform
                                                       : Target::kCloudFormation;
  // Only a model without errors lowers; the target's own limits come with
  // the other diagnostics.
  std::optional<BuiltStack> built;
  if (c->ok()) built = build_stack(*c, target);
  if (report(*c, global.color) > 0) return kExitDiagnostics;
  if (to_stdout) {
    StandardOutput out;
    out.stream() << built->text;
    return out.finish() ? kExitOk : kExitUsage;
  }
  std::string error;
  if (!write_output(o.out, built->text, error)) {
    std::cerr << "archc: error: " << error << '\n';
    return kExitUsage;
  }
  spdlog::debug("wrote {} ({} resources)", o.out, built->resources);
  return kExitOk;
}

}  // namespace

Registered add_build_command(CLI::App& app, const GlobalOptions& global) {
  auto o = std::make_shared<BuildOptions>();
  auto* cmd = app.add_subcommand("build", "Check FILE and write its CloudFormation or Terraform stack");
  cmd->add_option("FILE", o->file, "The .arch file (-: standard input)")->required();
  cmd->add_option("-o,--output", o->out,
                  "Where to write the stack (default: standard output). A file is replaced atomically, through "
                  "OUT.archc-XXXXXX beside it, and left untouched on any error; a symlink is followed and kept; "
                  "a device, FIFO or socket is written straight; FILE itself is refused")
      ->check([](const std::string& out) { return out.empty() ? std::string("an empty path names no file") : ""; });
  o->target_option = add_target_option(
      *cmd, o->target,
      "cloudformation or terraform (default: terraform when OUT ends in .tf.json, in any case, else cloudformation)");
  cmd->footer(
      "Examples:\n"
      "  archc build samples/lab-vpc.arch -o stack.yaml\n"
      "  archc build samples/lab-vpc.arch -o main.tf.json\n"
      "  archc build site.arch --target terraform > main.tf.json\n"
      "\n"
      "OUT and the temporary file: docs/cli.md, \"Output files\". A signal that ends archc\n"
      "removes the temporary file; only SIGKILL or a crash can leave one (find . -name '*.archc-\?\?\?\?\?\?').");
  return {cmd, [o, &global] { return run_build(*o, global); }};
}

}  // namespace archc::cli
