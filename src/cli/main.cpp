// The archc command line: build, check, and their options.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "cli/atomic_write.hpp"
#include "driver/compilation.hpp"
#include "emit/cloudformation.hpp"
#include "emit/terraform.hpp"
#include "lower/lower.hpp"

namespace {

using namespace archc;

constexpr int kExitOk = 0;
constexpr int kExitDiagnostics = 1;
constexpr int kExitUsage = 2;

bool stderr_color() { return isatty(STDERR_FILENO) && std::getenv("NO_COLOR") == nullptr; }

// Prints a file's diagnostics and a summary; returns the number of errors.
std::size_t report(const Compilation& c) {
  const bool color = stderr_color();
  std::size_t warnings = 0;
  for (const auto& d : c.diags.all()) {
    std::cerr << render_text(d, color) << '\n';
    if (d.severity == Severity::Warning) ++warnings;
  }
  const std::size_t errors = c.diags.error_count();
  if (errors || warnings)
    std::cerr << fmt::format("{}: {} error{}, {} warning{}\n", c.source->path(), errors, errors == 1 ? "" : "s",
                             warnings, warnings == 1 ? "" : "s");
  return errors;
}

std::unique_ptr<Compilation> load(const std::string& path) {
  std::string error;
  auto text = read_file(path, error);
  if (!text) {
    std::cerr << "archc: error: " << error << '\n';
    return nullptr;
  }
  auto start = std::chrono::steady_clock::now();
  auto c = compile_text(path, std::move(*text));
  spdlog::debug("{}: front end took {:.3f} ms", path,
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  return c;
}

enum class Target { Auto, CloudFormation, Terraform };

int run_build(const std::string& file, const std::string& out, Target target) {
  auto c = load(file);
  if (!c) return kExitUsage;
  if (report(*c) > 0) return kExitDiagnostics;
  if (target == Target::Auto) {
    const std::string suffix = ".tf.json";
    const bool tf = out.size() >= suffix.size() && out.compare(out.size() - suffix.size(), suffix.size(), suffix) == 0;
    target = tf ? Target::Terraform : Target::CloudFormation;
  }
  const aws::Stack stack = lower(c->model);
  const std::string text = target == Target::Terraform ? emit_terraform(stack) : emit_cloudformation(stack);
  if (out.empty() || out == "-") {
    std::cout << text;
    std::cout.flush();
    return std::cout ? kExitOk : kExitUsage;
  }
  std::string error;
  if (!write_file_atomically(out, text, error)) {
    std::cerr << "archc: error: " << error << '\n';
    return kExitUsage;
  }
  return kExitOk;
}

int run_check(const std::vector<std::string>& files) {
  int status = kExitOk;
  for (const auto& file : files) {
    auto c = load(file);
    if (!c) status = kExitUsage;
    else if (report(*c) > 0 && status == kExitOk) status = kExitDiagnostics;
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"archc compiles a compact description of an AWS network architecture (.arch) into a\n"
               "CloudFormation or Terraform stack, after checking it the way an AWS architect would.",
               "archc"};
  app.set_version_flag("--version", std::string("archc ") + ARCHC_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  archc build site.arch -o stack.yaml      CloudFormation YAML\n"
      "  archc build site.arch -o main.tf.json    Terraform JSON (picked from the suffix)\n"
      "  archc build site.arch                    print the CloudFormation template\n"
      "  archc check site.arch other.arch         diagnostics only\n"
      "\n"
      "Exit status: 0 success, 1 the input has errors, 2 usage or I/O error.\n"
      "Diagnostics are coloured when stderr is a terminal and NO_COLOR is unset.");
  bool verbose = false;
  app.add_flag("-v,--verbose", verbose, "Log the time each phase takes to stderr");

  std::string build_file, build_out, target_name;
  auto* build = app.add_subcommand("build", "Check FILE and write its stack");
  build->add_option("FILE", build_file, "The .arch file")->required();
  build->add_option("-o,--output", build_out,
                    "Where to write the stack (default: standard output). Written atomically: on any error an "
                    "existing file is left untouched");
  build->add_option("--target", target_name, "cloudformation or terraform (default: terraform for *.tf.json, else cloudformation)")
      ->check(CLI::IsMember({"cloudformation", "terraform"}));
  build->footer("Examples:\n  archc build samples/lab-vpc.arch -o stack.yaml\n  archc build site.arch --target terraform -o main.tf.json");

  std::vector<std::string> check_files;
  auto* check = app.add_subcommand("check", "Parse and check FILEs; print diagnostics only");
  check->add_option("FILE", check_files, "The .arch files")->required();
  check->footer("Example:\n  archc check samples/*.arch");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  spdlog::set_default_logger(spdlog::stderr_logger_st("archc"));  // stdout may carry the stack
  spdlog::set_level(verbose ? spdlog::level::debug : spdlog::level::warn);
  spdlog::set_pattern("archc: %v");

  if (build->parsed()) {
    Target target = target_name == "terraform"        ? Target::Terraform
                    : target_name == "cloudformation" ? Target::CloudFormation
                                                      : Target::Auto;
    return run_build(build_file, build_out, target);
  }
  return run_check(check_files);
}
