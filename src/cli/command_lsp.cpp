#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "lsp/server.hpp"

namespace archc::cli {

namespace {

struct LspOptions {
  bool stdio = false;
  std::string rules_url = ARCHC_DOCS_URL "/rules.md";  // as SARIF's helpUri (rule_help_uri)
};

}  // namespace

Registered add_lsp_command(CLI::App& app, const GlobalOptions& global) {
  auto o = std::make_shared<LspOptions>();
  auto* cmd = app.add_subcommand("lsp", "Run the language server (LSP 3.17) on standard input and output");
  // Clients launch servers with --stdio; it is the only transport.
  cmd->add_flag("--stdio", o->stdio, "Talk over standard input and output (the default and only transport)");
  cmd->add_option("--rules-url", o->rules_url,
                  "The page of the rules that each diagnostic's code links to, as URL#RULE-ID "
                  "(a client may set initializationOptions.rulesUrl instead)")
      ->type_name("URL")
      ->capture_default_str();
  cmd->footer(
      "Messages are read from standard input and written to standard output; the log goes to stderr until the "
      "client is initialized, then to window/logMessage (with -v, to both, with each request's time).\n"
      "Exit status: 0 after shutdown and exit, 1 when input ends or exit comes without shutdown.\n"
      "Features and capabilities: docs/editors.md.");
  return {cmd, [o, &global] { return lsp::Server::run_stdio(0, 1, o->rules_url, global.verbose); }};
}

}  // namespace archc::cli
