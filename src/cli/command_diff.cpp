#include <CLI/CLI.hpp>

#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/standard_output.hpp"
#include "diff/render.hpp"
#include "driver/git_revision.hpp"
#include "lower/lower.hpp"

namespace archc::cli {

namespace {

struct DiffOptions {
  std::vector<std::string> files;  // OLD NEW, or NEW with --git
  std::string git;                 // REV: OLD is NEW at this revision
  std::string format = "text";
  std::vector<std::string> fail_on;
};

// How the file at a revision is named in diagnostics and output:
// `REV:path`, with `./` before a bare file name so that its stack, named
// after the file when it has no label, is named as the file's.
std::string revision_name(const std::string& revision, const std::string& path) {
  const bool bare = path.find('/') == std::string::npos;
  return revision + ":" + (bare ? "./" : "") + path;
}

int run_diff(const DiffOptions& o, const GlobalOptions& global) {
  const bool git = !o.git.empty();
  if (o.files.size() != (git ? 1u : 2u)) {
    std::cerr << (git ? "archc: error: diff --git REV takes one FILE, the new one\n"
                      : "archc: error: diff takes two files, OLD and NEW (or --git REV NEW)\n");
    return kExitUsage;
  }
  if (!reads_stdin_once(o.files)) return kExitUsage;
  const std::string& new_file = o.files.back();
  if (git && new_file == "-") {
    std::cerr << "archc: error: diff --git reads NEW's path at the revision: NEW must be a file, not -\n";
    return kExitUsage;
  }

  std::unique_ptr<Compilation> old_c;
  std::string old_name;
  if (git) {
    std::string why;
    auto text = read_at_revision(o.git, new_file, why);
    if (!text) {
      std::cerr << "archc: error: " << why << '\n';
      return kExitUsage;
    }
    old_name = revision_name(o.git, new_file);
    old_c = compile_text(old_name, std::move(*text), global.error_limit);
  } else {
    old_c = load(o.files.front(), global);
    if (!old_c) return kExitUsage;
    old_name = o.files.front() == "-" ? global.stdin_filename : o.files.front();
  }
  auto new_c = load(new_file, global);
  if (!new_c) return kExitUsage;
  const std::string new_name = new_file == "-" ? global.stdin_filename : new_file;

  const std::size_t errors = report(*old_c, global.color) + report(*new_c, global.color);
  if (errors > 0) return kExitDiagnostics;

  const diff::Diff d = diff::compare(lower(old_c->model), lower(new_c->model));
  StandardOutput out;
  out.stream() << (o.format == "json"       ? diff::render_json(d, old_name, new_name)
                   : o.format == "markdown" ? diff::render_markdown(d, old_name, new_name)
                                            : diff::render_text(d, old_name, new_name));
  if (!out.finish()) return kExitUsage;
  for (const auto& what : o.fail_on)
    if ((what == "replace" && d.replacements() > 0) || (what == "security" && !d.security.empty()))
      return kExitDiagnostics;
  return kExitOk;
}

}  // namespace

Registered add_diff_command(CLI::App& app, const GlobalOptions& global) {
  auto o = std::make_shared<DiffOptions>();
  auto* cmd = app.add_subcommand(
      "diff",
      "Compare what two versions of an architecture deploy: resources added, removed and modified, which "
      "changes replace a resource, ingress that opens up, subnets whose addresses move (docs/diff.md)");
  cmd->add_option("FILE", o->files, "OLD NEW, or NEW alone with --git (-: standard input, for one of them)")
      ->type_name("");
  cmd->add_option("--git", o->git,
                  "OLD is NEW as it is at git revision REV (git show REV:./FILE, run in FILE's directory)")
      ->type_name("REV");
  cmd->add_option("--format", o->format,
                  "text (for people, the default), markdown (a pull-request comment) or json (for tools; "
                  "schema archc-diff/1 in docs/diff.md)")
      ->check(CLI::IsMember({"text", "markdown", "json"}));
  cmd->add_option("--fail-on", o->fail_on,
                  "Exit 1 when the diff holds such a change: a comma list of replace (a resource is replaced) "
                  "and security (ingress opens up)")
      ->type_name("LIST")
      ->delimiter(',')
      ->check(CLI::IsMember({"replace", "security"}));
  cmd->footer(
      "Examples:\n"
      "  archc diff old.arch site.arch\n"
      "  archc diff --git HEAD site.arch --format markdown\n"
      "  archc diff --git origin/main site.arch --fail-on replace,security\n"
      "\n"
      "Exit status: 0, the diff printed; 1, a file has errors (its diagnostics on stderr, nothing on\n"
      "stdout), or --fail-on names a change the diff holds; 2, usage or I/O error, or git failed.");
  return {cmd, [o, &global] { return run_diff(*o, global); }};
}

}  // namespace archc::cli
