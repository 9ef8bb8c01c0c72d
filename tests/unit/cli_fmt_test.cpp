// `archc fmt` on the command line (docs/cli.md, "archc fmt"): files
// rewritten in place and named, --check, --diff, standard input, syntax
// errors leaving the file untouched, exit statuses, and --help as the docs
// show it.
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "cli_support.hpp"

namespace archc::test {
namespace {

const std::string kMessy = "vpc \"a\" {\ncidr=\"10.0.0.0/16\"\n  zones = [\"a\"]\n}\n";
const std::string kTidy = "vpc \"a\" {\n  cidr  = \"10.0.0.0/16\"\n  zones = [\"a\"]\n}\n";

TEST_CASE("fmt rewrites a changed file and prints its name, and leaves a formatted one alone", "[fmt][cli]") {
  TempDir dir;
  const std::string messy = dir / "messy.arch", tidy = dir / "tidy.arch";
  write(messy, kMessy);
  write(tidy, kTidy);
  const auto r = archc("fmt " + quote(messy) + " " + quote(tidy));
  CHECK(r.status == 0);
  CHECK(r.out == messy + "\n");
  CHECK(r.err == "");
  CHECK(read(messy) == kTidy);
  CHECK(read(tidy) == kTidy);
  // No temporary file is left beside them.
  CHECK(dir.entries() == std::vector<std::string>{"messy.arch", "tidy.arch"});

  const auto again = archc("fmt " + quote(messy));
  CHECK(again.status == 0);
  CHECK(again.out == "");
}

TEST_CASE("fmt --check lists what would change and writes nothing; --diff prints the diff", "[fmt][cli]") {
  TempDir dir;
  const std::string messy = dir / "messy.arch", tidy = dir / "tidy.arch";
  write(messy, kMessy);
  write(tidy, kTidy);
  const auto check = archc("fmt --check " + quote(messy) + " " + quote(tidy));
  CHECK(check.status == 1);
  CHECK(check.out == messy + "\n");
  CHECK(read(messy) == kMessy);
  CHECK(archc("fmt --check " + quote(tidy)).status == 0);

  const std::string diff = "--- a/" + messy + "\n+++ b/" + messy +
                           "\n@@ -1,4 +1,4 @@\n vpc \"a\" {\n-cidr=\"10.0.0.0/16\"\n+  cidr  = \"10.0.0.0/16\"\n"
                           "   zones = [\"a\"]\n }\n";
  const auto check_diff = archc("fmt --check --diff " + quote(messy));
  CHECK(check_diff.status == 1);
  CHECK(check_diff.out == messy + "\n" + diff);
  CHECK(read(messy) == kMessy);

  // Without --check, --diff rewrites the file too, as terraform fmt -diff does.
  const auto rewrite = archc("fmt --diff " + quote(messy));
  CHECK(rewrite.status == 0);
  CHECK(rewrite.out == messy + "\n" + diff);
  CHECK(read(messy) == kTidy);
}

TEST_CASE("fmt - formats standard input to standard output", "[fmt][cli]") {
  TempDir dir;
  write(dir / "in.arch", kMessy);
  const auto r = archc("fmt - < " + quote(dir / "in.arch"));
  CHECK(r.status == 0);
  CHECK(r.out == kTidy);
  const auto check = archc("fmt --check - < " + quote(dir / "in.arch"));
  CHECK(check.status == 1);
  CHECK(check.out == "");
}

TEST_CASE("fmt leaves a file with a syntax error untouched, with its diagnostic and exit 1", "[fmt][cli]") {
  TempDir dir;
  const std::string bad = dir / "bad.arch", messy = dir / "messy.arch";
  const std::string broken = "vpc \"a\" {\n  cidr = \n}\n";
  write(bad, broken);
  write(messy, kMessy);
  const auto r = archc("--color never fmt " + quote(bad) + " " + quote(messy));
  CHECK(r.status == 1);
  CHECK(read(bad) == broken);
  CHECK(contains(
      r.err, bad + ":2:10: error[syntax]: expected a value (a string, number, list, object, or reference)"));
  // The other file is still formatted.
  CHECK(r.out == messy + "\n");
  CHECK(read(messy) == kTidy);
}

TEST_CASE("fmt exits 2 for a file it cannot read, and for standard input named twice", "[fmt][cli]") {
  TempDir dir;
  const auto missing = archc("fmt " + quote(dir / "missing.arch"));
  CHECK(missing.status == 2);
  CHECK(contains(missing.err, "archc: error: cannot read " + dir / "missing.arch"));
  CHECK(archc("fmt - - < /dev/null").status == 2);
  CHECK(archc("fmt").status == 2);
}

TEST_CASE("archc fmt --help is what docs/cli.md shows", "[fmt][cli]") {
  std::ifstream in(std::string(ARCHC_SOURCE_DIR) + "/docs/cli.md");
  std::stringstream doc;
  doc << in.rdbuf();
  const std::string text = doc.str();
  const std::string open = "<!-- archc fmt --help -->\n```\n";
  const std::size_t begin = text.find(open);
  REQUIRE(begin != std::string::npos);
  const std::size_t end = text.find("```\n", begin + open.size());
  REQUIRE(end != std::string::npos);
  const auto help = archc("fmt --help");
  CHECK(help.status == 0);
  CHECK(help.out == text.substr(begin + open.size(), end - begin - open.size()));
}

}  // namespace
}  // namespace archc::test
