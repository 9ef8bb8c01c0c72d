// FILE arguments that are directories (docs/cli.md, "Directories"): every
// *.arch under them for check, lint and fmt, in byte-wise path order,
// hidden entries skipped, symlinked directories not followed, an empty
// directory an error; a directory refused by the commands that take one file.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "cli_support.hpp"

namespace archc::test {
namespace {

// A file that checks clean but for one warning (unused-variable at 1:1).
constexpr const char* kOneWarning = "unused = 1\n";

// The file names of the summary lines of stderr, in order.
std::vector<std::string> summarised(const std::string& err) {
  std::vector<std::string> out;
  std::istringstream lines(err);
  for (std::string line; std::getline(lines, line);)
    if (line.ends_with(": 0 errors, 1 warning")) out.push_back(line.substr(0, line.find(':')));
  return out;
}

TEST_CASE("a directory stands for every .arch under it, in byte-wise order, hidden ones skipped", "[cli][inputs]") {
  TempDir dir;
  for (const char* sub : {"tree", "tree/b", "tree/a-c", "tree/.git", "tree/.hidden", "tree/Z"})
    fs::create_directory(dir / sub);
  for (const char* file : {"tree/b/x.arch", "tree/a-c/x.arch", "tree/a.arch", "tree/Z/z.arch", "tree/.git/x.arch",
                           "tree/.hidden/x.arch", "tree/.dot.arch", "tree/b/notes.txt", "tree/b/y.ARCH"})
    write(dir / file, kOneWarning);
  fs::create_directory_symlink("..", dir / "tree/b/loop");       // a loop, not followed
  fs::create_directory_symlink(dir / "tree/a-c", dir / "tree/link");  // not followed either
  write(dir / "outside.arch", kOneWarning);
  fs::create_symlink(dir / "outside.arch", dir / "tree/b/linked.arch");  // a symlink to a file counts
  const Run run = archc("check tree", dir / "");
  CHECK(run.status == 0);
  CHECK(summarised(run.err) == std::vector<std::string>{"tree/Z/z.arch", "tree/a-c/x.arch", "tree/a.arch",
                                                         "tree/b/linked.arch", "tree/b/x.arch"});
  // A hidden directory named on the command line is searched; files and
  // directories mix in the order given.
  const Run named = archc("check tree/.hidden tree/a.arch tree/b", dir / "");
  CHECK(named.status == 0);
  CHECK(summarised(named.err) ==
        std::vector<std::string>{"tree/.hidden/x.arch", "tree/a.arch", "tree/b/linked.arch", "tree/b/x.arch"});
  // lint and fmt take them alike.
  const Run lint = archc("lint --format json tree/b", dir / "");
  CHECK(lint.status == 0);
  CHECK(contains(lint.out, "\"tree/b/linked.arch\""));
  CHECK(contains(lint.out, "\"tree/b/x.arch\""));
  const Run fmt = archc("fmt --check tree/a-c", dir / "");
  CHECK(fmt.status == 0);
  CHECK(fmt.out.empty());
}

TEST_CASE("a directory with no .arch file is an error, the other files still checked", "[cli][inputs]") {
  TempDir dir;
  fs::create_directory(dir / "empty");
  fs::create_directory(dir / "empty/.git");
  write(dir / "empty/.git/x.arch", kOneWarning);
  write(dir / "one.arch", kOneWarning);
  for (const char* command : {"check", "lint", "fmt --check"}) {
    INFO(command);
    const Run run = archc(fmt::format("{} empty one.arch", command), dir / "");
    CHECK(run.status == 2);
    CHECK(run.err.rfind("archc: error: directory empty holds no .arch file\n", 0) == 0);
  }
  CHECK(contains(archc("check empty one.arch", dir / "").err, "one.arch: 0 errors, 1 warning\n"));
  // lint's machine formats record it as a file not linted, as an unreadable one.
  const Run json = archc("lint --format json empty one.arch", dir / "");
  CHECK(json.status == 2);
  CHECK(contains(json.out, R"("path": "empty",
      "message": "directory empty holds no .arch file")"));
  const Run sarif = archc("lint --format sarif --base-dir . empty one.arch", dir / "");
  CHECK(contains(sarif.out, R"("executionSuccessful": false)"));
  CHECK(contains(sarif.out, "directory empty holds no .arch file"));
}

TEST_CASE("a file named twice, by any path, is read once where it comes first", "[cli][inputs]") {
  TempDir dir;
  fs::create_directory(dir / "tree");
  write(dir / "tree/a.arch", kOneWarning);
  write(dir / "tree/b.arch", kOneWarning);
  fs::create_symlink("tree/b.arch", dir / "link.arch");
  const Run run = archc("check tree/b.arch ./tree/../tree/a.arch tree link.arch", dir / "");
  CHECK(run.status == 0);
  CHECK(summarised(run.err) == std::vector<std::string>{"tree/b.arch", "./tree/../tree/a.arch"});
  const Run sarif = archc("lint --format sarif --base-dir . tree tree/a.arch", dir / "");
  std::size_t results = 0;
  for (auto at = sarif.out.find("\"ruleId\""); at != std::string::npos; at = sarif.out.find("\"ruleId\"", at + 1))
    ++results;
  CHECK(results == 2);  // a.arch and b.arch once each
}

TEST_CASE("build, plan and graph refuse a directory by name", "[cli][inputs]") {
  TempDir dir;
  fs::create_directory(dir / "site");
  for (const char* command : {"build", "plan", "graph"}) {
    INFO(command);
    const Run run = archc(fmt::format("{} site", command), dir / "");
    CHECK(run.status == 2);
    CHECK(run.err == "archc: error: site is a directory: only check, lint and fmt take one\n");
    CHECK(run.out.empty());
  }
}

TEST_CASE("check prints one summary line for each file with diagnostics, none for a clean one", "[cli][inputs]") {
  TempDir dir;
  write(dir / "warn.arch", kOneWarning);
  write(dir / "clean.arch", "");
  write(dir / "bad.arch", "vpc {\n");
  const Run run = archc("check warn.arch clean.arch bad.arch", dir / "");
  CHECK(run.status == 1);
  CHECK(run.err ==
        "warn.arch:1:1: warning[unused-variable]: variable `unused` is never used\n"
        "  |\n"
        "1 | unused = 1\n"
        "  | ^^^^^^\n"
        "  = help: insert `# archc:ignore unused-variable` above line 1\n"
        "\n"
        "warn.arch: 0 errors, 1 warning\n"
        "bad.arch:1:1: error[missing-name]: `vpc` needs a name, as in vpc \"main\" { ... }\n"
        "  |\n"
        "1 | vpc {\n"
        "  | ^^^\n"
        "\n"
        "bad.arch:2:1: error[syntax]: expected an attribute (name = value), a block, an edge (a -> b) or '}'\n"
        "  |\n"
        "2 | \n"
        "  | ^\n"
        "\n"
        "bad.arch: 2 errors, 0 warnings\n");
}

}  // namespace
}  // namespace archc::test
