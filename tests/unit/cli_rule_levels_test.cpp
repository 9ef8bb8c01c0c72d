// Rule levels (docs/cli.md, "Rule levels"): --rule ID=LEVEL over the nearest
// .archc.yaml over rules.def; off, warning made error, unknown rules with a
// suggestion, error rules refused, config files found upwards, their errors
// at file:line:column, and the changed level in lint's formats.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace archc::test {
namespace {

// One warning, unused-variable at 1:1.
constexpr const char* kOneWarning = "unused = 1\n";
const std::string kWarning =
    "a.arch:1:1: warning[unused-variable]: variable `unused` is never used\n"
    "  |\n"
    "1 | unused = 1\n"
    "  | ^^^^^^\n"
    "  = help: insert `# archc:ignore unused-variable` above line 1\n"
    "\n"
    "a.arch: 0 errors, 1 warning\n";
const std::string kError =
    "a.arch:1:1: error[unused-variable]: variable `unused` is never used\n"
    "  |\n"
    "1 | unused = 1\n"
    "  | ^^^^^^\n"
    "\n"
    "a.arch: 1 error, 0 warnings\n";

TEST_CASE("--rule turns a warning off or makes it an error", "[cli][rules]") {
  TempDir dir;
  write(dir / "a.arch", kOneWarning);
  Run run = archc("check a.arch", dir / "");
  CHECK(run.status == 0);
  CHECK(run.err == kWarning);
  run = archc("check a.arch --rule unused-variable=off", dir / "");
  CHECK(run.status == 0);
  CHECK(run.err.empty());
  // One value each time: a FILE after it is a FILE.
  run = archc("check --rule unused-variable=off a.arch", dir / "");
  CHECK(run.status == 0);
  CHECK(run.err.empty());
  run = archc("--rule unused-variable=error check a.arch", dir / "");
  CHECK(run.status == 1);
  CHECK(run.err == kError);
  // The last for a rule wins, repeated or joined by commas.
  run = archc("check a.arch --rule unused-variable=error --rule single-nat=off,unused-variable=warning", dir / "");
  CHECK(run.status == 0);
  CHECK(run.err == kWarning);
  // build writes nothing for a warning made an error.
  run = archc("build a.arch -o out.yaml --rule unused-variable=error", dir / "");
  CHECK(run.status == 1);
  CHECK(!fs::exists(dir / "out.yaml"));
}

TEST_CASE("--rule refuses unknown rules, error rules and levels that are none", "[cli][rules]") {
  TempDir dir;
  write(dir / "a.arch", kOneWarning);
  const auto refused = [&](const std::string& setting) {
    const Run run = archc("check a.arch --rule " + setting, dir / "");
    CHECK(run.status == 2);
    CHECK(run.out.empty());
    return run.err;
  };
  CHECK(refused("singel-nat=off") ==
        "archc: error: --rule: `singel-nat` is not an archc rule: did you mean `single-nat`?\nRun with --help for more information.\n");
  CHECK(refused("nothing-like-it=off") ==
        "archc: error: --rule: `nothing-like-it` is not an archc rule\nRun with --help for more information.\n");
  CHECK(refused("cidr-overlap=warning") ==
        "archc: error: --rule: `cidr-overlap` is an error and cannot be turned off or changed: only warnings can\n"
        "Run with --help for more information.\n");
  CHECK(refused("single-nat=loud") ==
        "archc: error: --rule: `loud` is not a level: off, warning or error\nRun with --help for more information.\n");
  CHECK(refused("single-nat") ==
        "archc: error: --rule: `single-nat` sets no level: give ID=LEVEL, such as single-nat=off\n"
        "Run with --help for more information.\n");
}

TEST_CASE("the nearest .archc.yaml sets levels; the command line beats it", "[cli][rules]") {
  TempDir dir;
  fs::create_directories(dir / "repo/.git");
  fs::create_directories(dir / "repo/infra/prod/net");
  fs::create_directories(dir / "repo/infra/dev");
  write(dir / "repo/.archc.yaml", "rules:\n  unused-variable: off\n");
  write(dir / "repo/infra/prod/.archc.yaml", "# production\nrules:\n  unused-variable: error\n");
  for (const char* file : {"repo/infra/prod/net/a.arch", "repo/infra/dev/a.arch"}) write(dir / file, kOneWarning);
  // Two directories up.
  Run run = archc("check a.arch", dir / "repo/infra/prod/net");
  CHECK(run.status == 1);
  CHECK(run.err == kError);
  // The nearer one wins (prod's over the root's); dev gets the root's.
  run = archc("check infra/dev/a.arch", dir / "repo");
  CHECK(run.status == 0);
  CHECK(run.err.empty());
  // The command line beats the config.
  run = archc("check a.arch --rule unused-variable=warning", dir / "repo/infra/prod/net");
  CHECK(run.status == 0);
  CHECK(run.err == kWarning);
  // The walk stops at the repository root: a config above it is not read.
  write(dir / ".archc.yaml", "rules: [broken\n");
  fs::remove(dir / "repo/.archc.yaml");
  run = archc("check a.arch", dir / "repo/infra/dev");
  CHECK(run.status == 0);
  CHECK(run.err == kWarning);
}

TEST_CASE("errors in .archc.yaml are reported at line:column, and its inputs not checked", "[cli][rules]") {
  TempDir dir;
  fs::create_directory(dir / ".git");
  write(dir / "a.arch", kOneWarning);
  const auto with_config = [&](const std::string& yaml) {
    write(dir / ".archc.yaml", yaml);
    const Run run = archc("check a.arch", dir / "");
    CHECK(run.status == 2);
    return run.err;
  };
  CHECK(with_config("rules:\n  singel-nat: off\n  cidr-overlap: warning\n  single-nat: loud\nrule: {}\n") ==
        ".archc.yaml:2:3: error[config-file]: `singel-nat` is not an archc rule\n"
        "  |\n"
        "2 |   singel-nat: off\n"
        "  |   ^^^^^^^^^^\n"
        "  = note: did you mean `single-nat`?\n"
        "  = help: replace `singel-nat` with `single-nat`\n"
        "\n"
        ".archc.yaml:3:3: error[config-file]: `cidr-overlap` is an error and cannot be turned off or changed: only "
        "warnings can\n"
        "  |\n"
        "3 |   cidr-overlap: warning\n"
        "  |   ^^^^^^^^^^^^\n"
        "\n"
        ".archc.yaml:4:15: error[config-file]: `loud` is not a level: off, warning or error\n"
        "  |\n"
        "4 |   single-nat: loud\n"
        "  |               ^^^^\n"
        "\n"
        ".archc.yaml:5:1: error[config-file]: unknown key `rule`\n"
        "  |\n"
        "5 | rule: {}\n"
        "  | ^^^^\n"
        "  = note: did you mean `rules`?\n"
        "  = help: replace `rule` with `rules`\n"
        "\n"
        ".archc.yaml: 4 errors, 0 warnings\n"
        "archc: error: .archc.yaml has errors: a.arch is not checked\n");
  CHECK(with_config("rules:\n  single-nat: [off\n") ==
        ".archc.yaml:3:1: error[config-file]: not YAML: end of sequence flow not found\n"
        "  |\n"
        "3 | \n"
        "  | ^\n"
        "\n"
        ".archc.yaml: 1 error, 0 warnings\n"
        "archc: error: .archc.yaml has errors: a.arch is not checked\n");
  CHECK(with_config("- single-nat\n") ==
        ".archc.yaml:1:1: error[config-file]: the file must be a mapping, such as `rules: {single-nat: off}`\n"
        "  |\n"
        "1 | - single-nat\n"
        "  | ^\n"
        "\n"
        ".archc.yaml: 1 error, 0 warnings\n"
        "archc: error: .archc.yaml has errors: a.arch is not checked\n");
}

TEST_CASE("lint's formats show a warning made an error at its new level", "[cli][rules][lint]") {
  TempDir dir;
  write(dir / "a.arch", kOneWarning);
  Run run = archc("lint a.arch --format sarif --base-dir . --rule unused-variable=error", dir / "");
  CHECK(run.status == 1);
  const auto sarif = nlohmann::json::parse(run.out);
  REQUIRE(sarif["runs"][0]["results"].size() == 1);
  CHECK(sarif["runs"][0]["results"][0]["ruleId"] == "unused-variable");
  CHECK(sarif["runs"][0]["results"][0]["level"] == "error");
  run = archc("lint a.arch --format github --base-dir . --rule unused-variable=error", dir / "");
  CHECK(run.status == 1);
  CHECK(run.out.rfind("::error file=a.arch,line=1,", 0) == 0);
  run = archc("lint a.arch --format json --rule unused-variable=error", dir / "");
  CHECK(run.status == 1);
  CHECK(nlohmann::json::parse(run.out)["files"][0]["diagnostics"][0]["severity"] == "error");
  // Off in every format: nothing reported, and --werror has nothing to fail on.
  run = archc("lint a.arch --format github --base-dir . --werror --rule unused-variable=off", dir / "");
  CHECK(run.status == 0);
  CHECK(run.out.empty());
}

}  // namespace
}  // namespace archc::test
