// `archc lint --format FORMAT[:PATH]` given several times, and
// `--output-file` (docs/lint.md, "Several formats and files").
#include <catch2/catch.hpp>

#include "cli_support.hpp"

namespace archc::test {
namespace {

const std::string kWarns = std::string(ARCHC_SOURCE_DIR) + "/samples/my-vpc.arch";

TEST_CASE("lint writes several formats in one run, each as its own run writes it", "[cli][lint]") {
  TempDir dir;
  write(dir / "site.arch", read(kWarns));
  const std::string base = "lint --base-dir " + quote(dir / "") + " ";
  const Run all = archc(base + "--format sarif:out.sarif --format=gitlab:out.json --format text site.arch", dir / "");
  CHECK(all.status == 0);
  CHECK(all.err.empty());
  CHECK(all.out == archc(base + "--format text site.arch", dir / "").out);
  CHECK(read(dir / "out.sarif") == archc(base + "--format sarif site.arch", dir / "").out);
  CHECK(read(dir / "out.json") == archc(base + "--format gitlab site.arch", dir / "").out);
  CHECK(dir.entries() == std::vector<std::string>{"out.json", "out.sarif", "site.arch"});

  SECTION("--output-file is the file of the one format, or of text") {
    const Run one = archc(base + "--format github --output-file lint.txt site.arch", dir / "");
    CHECK(one.status == 0);
    CHECK(one.out.empty());
    CHECK(read(dir / "lint.txt") == archc(base + "--format github site.arch", dir / "").out);
    const Run text = archc(base + "--output-file lint.txt site.arch", dir / "");
    CHECK(text.out.empty());
    CHECK(read(dir / "lint.txt") == archc(base + "site.arch", dir / "").out);
  }
  SECTION("`-` is standard output, as for build -o -") {
    const Run dash = archc(base + "--format sarif:out.sarif --format github:- site.arch", dir / "");
    CHECK(dash.out == archc(base + "--format github site.arch", dir / "").out);
    CHECK(archc(base + "--format json --output-file - site.arch", dir / "").out ==
          archc(base + "--format json site.arch", dir / "").out);
    CHECK(!fs::exists(dir / "-"));
    CHECK(archc(base + "--format text:- --format json site.arch", dir / "").status == 2);
  }
  SECTION("a file that cannot be read: the report is written, and says so") {
    const Run r = archc(base + "--format sarif:out.sarif site.arch gone.arch", dir / "");
    CHECK(r.status == 2);
    CHECK(contains(read(dir / "out.sarif"), "\"executionSuccessful\": false"));
  }
}

TEST_CASE("lint refuses conflicting outputs before it lints, and writes nothing", "[cli][lint]") {
  TempDir dir;
  write(dir / "site.arch", read(kWarns));
  const auto refused = [&](const std::string& args, const std::string& message) {
    INFO(args);
    const Run r = archc("lint " + args + " site.arch", dir / "");
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "archc: error: " + message + "\n");
    CHECK(dir.entries() == std::vector<std::string>{"site.arch"});
  };
  refused("--format xml", "--format xml: unknown format `xml` (text, json, sarif, github, junit or gitlab)");
  refused("--format xml:out.xml",
          "--format xml:out.xml: unknown format `xml` (text, json, sarif, github, junit or gitlab)");
  refused("--format sarif:", "--format sarif:: no file after `:` (FORMAT:PATH)");
  refused("--format text --format json",
          "--format text and --format json both write to standard output; give all but one a file as FORMAT:PATH");
  refused("--format json:out.json --format gitlab:./out.json",
          "./out.json is the file of both --format json and --format gitlab");
  refused("--format json --format gitlab:out.json --output-file lint.json",
          "--output-file is the file of a single --format without a path; give several formats their files as "
          "--format FORMAT:PATH");
  refused("--format json:out.json --output-file lint.json",
          "--output-file is the file of a single --format without a path; give several formats their files as "
          "--format FORMAT:PATH");
  refused("--format junit:site.arch", "cannot write site.arch: it is the input file site.arch");
  fs::create_symlink("site.arch", dir / "link.arch");
  const Run r = archc("lint --format json:link.arch site.arch", dir / "");
  CHECK(r.status == 2);
  CHECK(r.err == "archc: error: cannot write link.arch: it is the input file site.arch\n");
  CHECK(read(dir / "site.arch") == read(kWarns));
}

TEST_CASE("a report file that cannot be written is exit 2 and leaves the old one", "[cli][lint]") {
  TempDir dir;
  write(dir / "site.arch", read(kWarns));
  fs::create_directory(dir / "out.sarif");
  const Run r = archc("lint --format sarif:out.sarif --format json:out.json --base-dir . site.arch", dir / "");
  CHECK(r.status == 2);
  CHECK(contains(r.err, "archc: error: cannot write out.sarif: "));
  CHECK(fs::is_directory(dir / "out.sarif"));
  CHECK(contains(read(dir / "out.json"), "\"schema\": \"archc-lint/1\""));
}

}  // namespace
}  // namespace archc::test
