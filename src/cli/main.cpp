// The archc command line: parses the arguments and runs one subcommand.
#include <csignal>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "cli/commands.hpp"
#include "cli/rule_config.hpp"

namespace {

int run(int argc, char** argv) {
  using namespace archc::cli;
  CLI::App app{"archc compiles a compact description of an AWS network architecture (.arch) into a\n"
               "CloudFormation or Terraform stack, after checking it the way an AWS architect would.",
               "archc"};
  app.set_version_flag("--version", std::string("archc ") + ARCHC_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  archc build site.arch -o stack.yaml      CloudFormation YAML\n"
      "  archc build site.arch -o main.tf.json    Terraform JSON (picked from the suffix)\n"
      "  archc check site.arch other.arch         diagnostics only\n"
      "  archc lint site.arch --format sarif      every warning, for CI (text, json, sarif, github, junit, gitlab)\n"
      "  archc plan site.arch                     what will be built, before deploying\n"
      "  archc diff --git HEAD site.arch          what a change deploys: replacements, ingress opened\n"
      "  archc graph site.arch --format svg       the architecture as a picture (mermaid, dot, svg)\n"
      "  archc fmt site.arch                      rewrite it in the canonical layout\n"
      "  archc lsp                                the language server, for editors (docs/editors.md)\n"
      "\n"
      "Exit status: 0 success, 1 the input has errors, 2 usage or I/O error.\n"
      "Diagnostics go to stderr, coloured when it is a terminal, NO_COLOR is unset or empty\n"
      "and TERM is not dumb (--color always or never decides instead).\n"
      "Run 'archc COMMAND --help' for a command's options.");
  // Global options may come after the command too: `archc check -v FILE`.
  app.fallthrough();
  GlobalOptions global;
  app.add_flag("-v,--verbose", global.verbose, "Log the time each phase takes to stderr");
  app.add_option("--error-limit", global.error_limit,
                 "Show at most N errors, and N warnings, of each file, then how many more there are (0: no limit); "
                 "the last given wins")
      ->type_name("N")
      ->capture_default_str()
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)  // a CI script's default, then the user's
      ->check(CLI::Validator(
          [](const std::string& n) {
            return !n.empty() && n.find_first_not_of("0123456789") == std::string::npos
                       ? std::string()
                       : "must be a whole number, 0 or more: " + n;
          },
          "", "whole number"));

  std::string color = "auto";
  app.add_option("--color", color,
                 "auto: colour diagnostics on a terminal, unless NO_COLOR is set and not empty or TERM=dumb; "
                 "always; never. The last given wins")
      ->type_name("WHEN")
      ->capture_default_str()
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)
      ->check(CLI::IsMember({"auto", "always", "never"}));

  app.add_option("--stdin-filename", global.stdin_filename,
                 "The name of standard input (FILE -) in diagnostics and lint output, e.g. its path in the "
                 "repository; a stack without a label is named after it, as after a file")
      ->type_name("NAME")
      ->capture_default_str()
      ->check([](const std::string& name) { return name.empty() ? std::string("an empty name names nothing") : ""; });

  // Each value is set as it is parsed, so a later one for the same rule wins.
  app.add_option_function<std::vector<std::string>>(
         "--rule",
         [&global](const std::vector<std::string>& settings) {
           for (const auto& s : settings) add_rule_setting(s, global.rule_levels);  // checked below
         },
         "Set a warning rule's level: off, warning or error, over the nearest .archc.yaml; "
         "ID=LEVEL[,ID=LEVEL...], repeatable, the last for a rule wins (docs/cli.md, Rule levels)")
      ->type_name("ID=LEVEL")
      ->allow_extra_args(false)  // one value each time: `--rule single-nat=off site.arch` leaves FILE alone
      ->check(CLI::Validator(
          [](const std::string& setting) {
            archc::RuleLevels scratch;
            return add_rule_setting(setting, scratch);
          },
          "", "rule level"));

  const Registered commands[] = {add_build_command(app, global), add_check_command(app, global),
                                 add_lint_command(app, global), add_plan_command(app, global),
                                 add_diff_command(app, global),
                                 add_graph_command(app, global), add_fmt_command(app, global),
                                 add_lsp_command(app, global)};
  for (const auto& c : commands)
    c.app->footer(c.app->get_footer() +
                  fmt::format("\n\nGlobal options, before or after the command: -v, --verbose; --error-limit N "
                              "(default {}, 0: no limit); --color auto|always|never; --stdin-filename NAME; --rule ID=LEVEL. "
                              "FILE - reads standard "
                              "input. See archc --help.",
                              archc::kDefaultErrorLimit));

  // A usage error reads as archc's other errors do.
  app.failure_message([](const CLI::App*, const CLI::Error& e) {
    return fmt::format("archc: error: {}\nRun with --help for more information.\n", e.what());
  });
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e) == 0 ? kExitOk : kExitUsage;  // --help, --version, or a usage error
    if (std::cout.flush()) return status;
    std::fprintf(stderr, "archc: error: cannot write standard output\n");
    return kExitUsage;
  }
  global.color = color == "always" ? ColorMode::Always : color == "never" ? ColorMode::Never : ColorMode::Auto;
  spdlog::set_default_logger(spdlog::stderr_logger_st("archc"));  // stdout may carry the stack
  spdlog::set_pattern("archc: %v");
  spdlog::set_level(global.verbose ? spdlog::level::debug : spdlog::level::warn);

  for (const auto& c : commands)
    if (c.app->parsed()) return c.run();
  return kExitUsage;
}

}  // namespace

// Nothing may escape to std::terminate, whose abort would look like a crash
// and could leave a core file: an exception that reaches here is a bug or
// an environment archc did not foresee (no memory, no working directory).
int main(int argc, char** argv) {
  // A closed pipe or a file size limit would end archc by a signal, with no
  // word of what went wrong; ignored, they make write(2) fail with EPIPE or
  // EFBIG, which archc reports (exit status 2) and cleans up after.
  std::signal(SIGPIPE, SIG_IGN);
  std::signal(SIGXFSZ, SIG_IGN);
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "archc: internal error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "archc: internal error: unknown exception\n");
  }
  return archc::cli::kExitUsage;
}
