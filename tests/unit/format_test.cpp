// `archc fmt` (src/format/, docs/fmt.md): each layout rule on exact text;
// the unified diff; and, over every sample, every mistakes file that parses
// and every fuzz seed, that formatting keeps the meaning (both stacks and
// the diagnostics), every comment, and is idempotent.
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "cli_support.hpp"
#include "emit/cloudformation.hpp"
#include "emit/terraform.hpp"
#include "format/format.hpp"
#include "lower/lower.hpp"
#include "test_support.hpp"

namespace {

using archc::format::format_source;
using archc::format::unified_diff;

std::string formatted(const std::string& text) {
  const auto out = format_source(text);
  REQUIRE(out.has_value());
  return *out;
}

}  // namespace

TEST_CASE("fmt indents by two spaces per block, list and object", "[fmt]") {
  CHECK(formatted("vpc \"a\" {\n\t  cidr = \"10.0.0.0/16\"\nsubnet \"b\" {\nsize = 24\n      }\n}\n") ==
        "vpc \"a\" {\n  cidr = \"10.0.0.0/16\"\n  subnet \"b\" {\n    size = 24\n  }\n}\n");
  CHECK(formatted("x = [\n\"a\",\n    \"b\",\n]\n") == "x = [\n  \"a\",\n  \"b\",\n]\n");
  // Brackets opened on one line indent what follows once.
  CHECK(formatted("x = [{\na = 1\n}, {\nb = 2\n}]\n") == "x = [{\n  a = 1\n}, {\n  b = 2\n}]\n");
  CHECK(formatted("x = f(\n1,\n2\n)\n") == "x = f(\n  1,\n  2\n)\n");
}

TEST_CASE("fmt aligns = within a run of attribute lines", "[fmt]") {
  CHECK(formatted("a {\n  cidr = 1\n  zones=2\n  multi_az   = 3\n}\n") ==
        "a {\n  cidr     = 1\n  zones    = 2\n  multi_az = 3\n}\n");
  // A blank line, a comment line, a block or a deeper indent ends a run.
  CHECK(formatted("a = 1\nbbb = 2\n\ncc = 3\n# note\nd = 4\nee = 5\nb {}\nf = 6\n") ==
        "a   = 1\nbbb = 2\n\ncc = 3\n# note\nd  = 4\nee = 5\nb {}\nf = 6\n");
  // A line of two attributes keeps its own layout, and ends the run.
  CHECK(formatted("a {\n  subnets = 1\n  min = 2, max = 4\n  c = 5\n}\n") ==
        "a {\n  subnets = 1\n  min = 2, max = 4\n  c = 5\n}\n");
  // A value over several lines: its first line is in the run, which it ends.
  CHECK(formatted("a = 1\nzones = [\n\"a\",\n]\nbb = 2\nc = 3\n") ==
        "a     = 1\nzones = [\n  \"a\",\n]\nbb = 2\nc  = 3\n");
  CHECK(formatted("tags = {\nproject = \"lab\"\nowner=\"me\"\n}\n") ==
        "tags = {\n  project = \"lab\"\n  owner   = \"me\"\n}\n");
  // Keys are measured in characters, not bytes.
  CHECK(formatted("x = {\n\"é\" = 1\nab = 2\n}\n") == "x = {\n  \"é\" = 1\n  ab  = 2\n}\n");
}

TEST_CASE("fmt aligns the trailing comments of a run", "[fmt]") {
  CHECK(formatted("a {\n  cidr = 1 # one\n  zones = [\"a\"]   # two\n  x = 2\n}\n") ==
        "a {\n  cidr  = 1     # one\n  zones = [\"a\"] # two\n  x     = 2\n}\n");
  // Elsewhere a trailing comment is one space after the code.
  CHECK(formatted("b {    # why\n  a -> b   // edge\n}  /* end */\n") == "b { # why\n  a -> b // edge\n} /* end */\n");
}

TEST_CASE("fmt spaces around -> = and after : , ;", "[fmt]") {
  CHECK(formatted("sg-chain \"t\" {\ninternet->alb.web:http,https\n  alb.web   ->   asg.app :  80 , 8000..8100\n}\n") ==
        "sg-chain \"t\" {\n  internet -> alb.web : http, https\n  alb.web -> asg.app : 80, 8000..8100\n}\n");
  CHECK(formatted("listener \"http\"{port=80,redirect=443;x=1}\n") ==
        "listener \"http\" { port = 80, redirect = 443; x = 1 }\n");
  CHECK(formatted("x = [ \"a\" ,\"b\" ]\ny = f( 1,2 )\nz = { }\nw = {a=1}\n") ==
        "x = [\"a\", \"b\"]\ny = f(1, 2)\nz = {}\nw = { a = 1 }\n");
  CHECK(formatted("x = vpc.lab.app\ny = a[ 0 ].b\n") == "x = vpc.lab.app\ny = a[0].b\n");
}

TEST_CASE("fmt keeps at most one blank line, none at the ends of the file", "[fmt]") {
  CHECK(formatted("\n\n  \na = 1\n\n\n\n\nb {\n\n\n  c = 2\n\n}\n\n\n") == "a = 1\n\nb {\n\n  c = 2\n\n}\n");
  CHECK(formatted("a = 1   \t\n") == "a = 1\n");
  CHECK(formatted("a = 1") == "a = 1\n");
  CHECK(formatted("") == "");
  CHECK(formatted(" \n\t\n") == "");
  CHECK(formatted("# only a comment") == "# only a comment\n");
}

TEST_CASE("fmt keeps every comment in its place", "[fmt]") {
  CHECK(formatted("# head\n\n  // above\nvpc \"a\" { # after brace\n  /* mid */ cidr = /* in */ \"x\"\n"
                  "    # last in block\n}\n# tail\n") ==
        "# head\n\n// above\nvpc \"a\" { # after brace\n  /* mid */ cidr = /* in */ \"x\"\n"
        "  # last in block\n}\n# tail\n");
  // A comment over several lines is copied as it is; only its first line moves.
  CHECK(formatted("a {\n      /* one\n   two */\n  b = 1\n}\n") == "a {\n  /* one\n   two */\n  b = 1\n}\n");
  // A comment keeps its own trailing blanks: its text is not changed.
  CHECK(formatted("a = 1 # x  \n") == "a = 1 # x  \n");
}

TEST_CASE("fmt copies strings, heredocs and numbers byte for byte", "[fmt]") {
  CHECK(formatted("a   =   \"  x\\t ${ b  }  \\u{41}  \"\n") == "a = \"  x\\t ${ b  }  \\u{41}  \"\n");
  CHECK(formatted("a = \"${\n  f( 1 )\n}\"\nb = 1\n") == "a = \"${\n  f( 1 )\n}\"\nb = 1\n");
  CHECK(formatted("n = -007.50\nr = 1..2\n") == "n = -007.50\nr = 1..2\n");
  const std::string heredoc = "asg \"a\" {\n      user_data = <<EOT\n  #!/bin/bash  \n\tx\nEOT\n  min = 1\n}\n";
  CHECK(formatted(heredoc) == "asg \"a\" {\n  user_data = <<EOT\n  #!/bin/bash  \n\tx\nEOT\n  min = 1\n}\n");
  const std::string indented = "a {\nx = <<-EOT\n    one\n      two\n    EOT\n}\n";
  CHECK(formatted(indented) == "a {\n  x = <<-EOT\n    one\n      two\n    EOT\n}\n");
}

TEST_CASE("fmt keeps the line ends of the file's first line, and a BOM", "[fmt]") {
  CHECK(formatted("a {\r\nb=1\r\n}\r\n") == "a {\r\n  b = 1\r\n}\r\n");
  CHECK(formatted("a {\r\nb=1 # c\r\n}") == "a {\r\n  b = 1 # c\r\n}\r\n");
  CHECK(formatted("a {\nb=1\r\n}\r\n") == "a {\n  b = 1\n}\n");
  // A heredoc keeps its own line ends: they are its text.
  CHECK(formatted("x = <<EOT\r\nhi\r\nEOT\r\n") == "x = <<EOT\r\nhi\r\nEOT\r\n");
  CHECK(formatted("\xEF\xBB\xBF" "a=1\n") == "\xEF\xBB\xBF" "a = 1\n");
}

TEST_CASE("fmt refuses a file with a syntax or encoding error", "[fmt]") {
  CHECK_FALSE(format_source("vpc \"a\" {\n  cidr = \n}\n").has_value());
  CHECK_FALSE(format_source("a = \"unterminated\n").has_value());
  CHECK_FALSE(format_source("a = 1 }\n").has_value());
  CHECK_FALSE(format_source("a = \"\xff\"\n").has_value());
  CHECK_FALSE(format_source(std::string("a = 1\0\n", 7)).has_value());

  archc::SourceFile file("bad.arch", "vpc \"a\" {\n  cidr = \n}\n");
  archc::Diagnostics diags;
  CHECK_FALSE(archc::format::format_file(file, diags).has_value());
  const std::vector<std::string> expected{
      "2:10: error[syntax]: expected a value (a string, number, list, object, or reference)"};
  CHECK(archc::test::briefs(diags) == expected);
}

TEST_CASE("fmt is idempotent on its own rules", "[fmt]") {
  for (const std::string text :
       {"a {\n  cidr = 1 # one\n  zones = [\"a\"]   # two\n}\n", "x = [{\na = 1\n}, {\nb = 2\n}]\n",
        "b {    # why\n  a -> b   // edge\n}  /* end */\n", "a = 1\nzones = [\n\"a\",\n]\nbb = 2\n"}) {
    const std::string once = formatted(text);
    CHECK(formatted(once) == once);
  }
}

TEST_CASE("unified_diff: hunks with three lines of context, as diff -u writes them", "[fmt]") {
  CHECK(unified_diff("a\n", "a\n", "f") == "");
  CHECK(unified_diff("a\nb\n", "a\nB\n", "f.arch") == "--- a/f.arch\n+++ b/f.arch\n@@ -1,2 +1,2 @@\n a\n-b\n+B\n");
  // A dropped blank line, and a missing last line end.
  CHECK(unified_diff("a\n\n\nb", "a\n\nb\n", "f") ==
        "--- a/f\n+++ b/f\n@@ -1,4 +1,3 @@\n a\n \n-\n-b\n\\ No newline at end of file\n+b\n");
  // Changes more than six lines apart are two hunks.
  CHECK(unified_diff("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "x\n2\n3\n4\n5\n6\n7\n8\ny\n", "f") ==
        "--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n-1\n+x\n 2\n 3\n 4\n@@ -6,4 +6,4 @@\n 6\n 7\n 8\n-9\n+y\n");
  CHECK(unified_diff("1\n2\n3\n4\n5\n6\n7\n8\n", "x\n2\n3\n4\n5\n6\n7\ny\n", "f") ==
        "--- a/f\n+++ b/f\n@@ -1,8 +1,8 @@\n-1\n+x\n 2\n 3\n 4\n 5\n 6\n 7\n-8\n+y\n");
  CHECK(unified_diff("", "a\n", "f") == "--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+a\n");
}

namespace {

namespace fs = std::filesystem;

std::vector<std::string> rule_messages(const archc::Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.all()) out.push_back(fmt::format("{}: {}", d.id(), d.message));
  return out;
}

std::vector<std::string> comment_texts(const archc::ast::File& tree) {
  std::vector<std::string> out;
  for (const auto& c : tree.comments) out.push_back(c.text);
  return out;
}

std::vector<fs::path> corpus() {
  std::vector<fs::path> files;
  for (const char* dir : {"/samples", "/samples/mistakes", "/tests/fuzz/seeds", "/tests/format"})
    for (const auto& entry : fs::recursive_directory_iterator(std::string(ARCHC_SOURCE_DIR) + dir))
      if (entry.path().extension() == ".arch") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("fmt keeps the meaning of every sample, mistake, fuzz seed and golden input, and is idempotent",
          "[fmt][property]") {
  std::size_t formatted_files = 0, refused = 0;
  for (const fs::path& path : corpus()) {
    INFO(path.string());
    const std::string text = archc::test::read(path.string());
    const auto once = format_source(text);
    const auto original = archc::compile_text(path.string(), text);
    if (!once) {
      // Refused only for a syntax or encoding error, which check reports too.
      const auto rules = rule_messages(original->diags);
      CHECK(std::any_of(rules.begin(), rules.end(),
                        [](const std::string& r) { return r.starts_with("syntax:") || r.starts_with("encoding:"); }));
      ++refused;
      continue;
    }
    ++formatted_files;
    CHECK(format_source(*once) == once);
    const auto copy = archc::compile_text(path.string(), *once);
    CHECK(rule_messages(copy->diags) == rule_messages(original->diags));
    CHECK(comment_texts(copy->syntax) == comment_texts(original->syntax));
    if (original->ok() && copy->ok()) {
      const archc::aws::Stack a = archc::lower(original->model), b = archc::lower(copy->model);
      CHECK(archc::emit_cloudformation(b) == archc::emit_cloudformation(a));
      CHECK(archc::emit_terraform(b) == archc::emit_terraform(a));
    }
  }
  // The corpus holds both kinds: a test that formats nothing proves nothing.
  CHECK(formatted_files >= 30);
  CHECK(refused >= 2);
}
