// Diagnostics stay bounded whatever the input: a 50 MB line, /dev/zero and
// 100,000 errors each give a short stderr, and the error limit says how
// many errors it left out. Timing is not asserted here (docs/cli.md and the
// report of the change give the measurements); the unit test's ctest
// TIMEOUT only guards against a hang.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "cli_support.hpp"

namespace archc::test {
namespace {

constexpr std::size_t kOneMegabyte = 1 << 20;

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// `vpcs` VPCs with two errors each: a number for the CIDR, no zones.
std::string errors_of(int vpcs) {
  std::string text;
  for (int i = 0; i < vpcs; ++i) text += fmt::format("vpc \"v{}\" {{ cidr = 5 }}\n", i);
  return text;
}

TEST_CASE("a 50 MB line gives a few short diagnostics", "[cli][bounded]") {
  TempDir dir;
  const std::size_t name_length = 50'000'000;
  write(dir / "long.arch", "vpc \"" + std::string(name_length, 'a') + "\" {}");
  const Run r = archc(fmt::format("check {}", quote(dir / "long.arch")));
  CHECK(r.status == 1);
  CHECK(r.err.size() < 8192);
  // The line is shown as its first kEchoColumns columns and `...`; the
  // carets run from the name's quote to the window's end.
  CHECK(r.err.starts_with(fmt::format(
      "{}:1:5: error[invalid-name]: a name holds at most 64 characters; this one has {}\n"
      "  |\n"
      "1 | vpc \"{}...\n"
      "  |     {}\n",
      dir / "long.arch", name_length, std::string(195, 'a'), std::string(196, '^'))));
  // The messages quoting the name lose its middle.
  CHECK(count(r.err, "error[missing-attribute]: vpc `aaaa") == 2);
  CHECK(count(r.err, "aaaa ... aaaa") == 2);
  CHECK(r.err.ends_with(fmt::format("{}: 3 errors, 0 warnings\n", dir / "long.arch")));
}

TEST_CASE("/dev/zero is too large a file, reported at 1:1 with a short echo", "[cli][bounded]") {
  const Run r = archc("check /dev/zero");
  CHECK(r.status == 1);
  CHECK(r.err == "/dev/zero:1:1: error[file-too-large]: file is larger than 64 MiB\n"
                 "  |\n"
                 "1 | " + repeat("<U+0000>", 25) + "...\n"
                 "  | ^\n"
                 "\n"
                 "/dev/zero: 1 error, 0 warnings\n");
  const Run build = archc("build /dev/zero");
  CHECK(build.status == 1);
  CHECK(build.out.empty());
}

TEST_CASE("100,000 errors: the first 100 are shown, then how many more there are", "[cli][bounded]") {
  TempDir dir;
  write(dir / "errors.arch", errors_of(50000));
  const std::string file = dir / "errors.arch";
  const std::string tail = fmt::format(
      "{0}: too many errors: 99900 more not shown (--error-limit 0 shows all)\n{0}: 100000 errors, 0 warnings\n", file);
  SECTION("check, on stderr") {
    const Run r = archc(fmt::format("check {}", quote(file)));
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err.size() < kOneMegabyte);
    CHECK(count(r.err, ": error[") == 100);
    CHECK(r.err.ends_with(tail));
  }
  SECTION("lint text, on standard output") {
    const Run r = archc(fmt::format("lint {}", quote(file)));
    CHECK(r.status == 1);
    CHECK(r.out.size() < kOneMegabyte);
    CHECK(count(r.out, ": error[") == 100);
    CHECK(r.out.ends_with(tail));
  }
  SECTION("lint json: every error counted, the first 100 listed") {
    const Run r = archc(fmt::format("lint --format json {}", quote(file)));
    CHECK(r.status == 1);
    CHECK(r.out.size() < 2 * kOneMegabyte);
    CHECK(contains(r.out, "\"errors\": 100000,\n      \"errors_not_shown\": 99900,"));
    CHECK(count(r.out, "\"severity\": \"error\"") == 100);
  }
}

TEST_CASE("every command and lint format keeps to the limit and says how many more there are", "[cli][bounded]") {
  TempDir dir;
  write(dir / "errors.arch", errors_of(75));
  const std::string file = dir / "errors.arch";
  const std::string omitted = fmt::format("{}: too many errors: 50 more not shown (--error-limit 0 shows all)", file);
  for (const char* command : {"build", "plan"}) {
    INFO(command);
    const Run r = archc(fmt::format("{} {}", command, quote(file)));
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(count(r.err, ": error[") == 100);
    CHECK(r.err.ends_with(fmt::format("{}\n{}: 150 errors, 0 warnings\n", omitted, file)));
  }
  // Annotations and SARIF name the file relative to --base-dir; the message quotes it as given.
  const Run github = archc(fmt::format("lint --format github --base-dir {} {}", quote(dir / ""), quote(file)));
  CHECK(github.status == 1);
  CHECK(count(github.out, "::error file=errors.arch,") == 100);
  CHECK(github.out.ends_with(fmt::format("::error file=errors.arch::{}\n", omitted)));
  const Run sarif = archc(fmt::format("lint --format sarif --base-dir {} {}", quote(dir / ""), quote(file)));
  CHECK(sarif.status == 1);
  CHECK(count(sarif.out, "\"ruleId\"") == 100);
  CHECK(contains(sarif.out, "\"toolExecutionNotifications\": [\n"));
  CHECK(contains(sarif.out, "\"text\": \"" + omitted + "\""));
}

TEST_CASE("the warnings kept are the file's first, whatever order the checks report them in", "[cli][bounded]") {
  // my-vpc warns single-nat at 14:11, then rds-single-az at 60:14; the
  // checks report the second first.
  const std::string sample = std::string(ARCHC_SOURCE_DIR) + "/samples/my-vpc.arch";
  const Run r = archc(fmt::format("--error-limit 1 lint --format json {}", quote(sample)));
  CHECK(r.status == 0);
  CHECK(contains(r.out, "\"rule\": \"single-nat\""));
  CHECK(!contains(r.out, "\"rule\": \"rds-single-az\""));
  CHECK(contains(r.out, "\"warnings_not_shown\": 1"));
}

TEST_CASE("--error-limit sets the limit, before or after the command; 0 shows every error", "[cli][bounded]") {
  TempDir dir;
  write(dir / "errors.arch", errors_of(75));
  const std::string file = quote(dir / "errors.arch");
  const Run five = archc(fmt::format("check --error-limit 5 {}", file));
  CHECK(five.status == 1);
  CHECK(count(five.err, ": error[") == 5);
  CHECK(contains(five.err, ": too many errors: 145 more not shown (--error-limit 0 shows all)\n"));
  const Run before = archc(fmt::format("--error-limit 5 check {}", file));
  CHECK(before.err == five.err);
  // Given twice (a script's default, then the user's), the last wins.
  CHECK(archc(fmt::format("--error-limit 0 check --error-limit 5 {}", file)).err == five.err);
  const Run all = archc(fmt::format("check --error-limit 0 {}", file));
  CHECK(all.status == 1);
  CHECK(count(all.err, ": error[") == 150);
  CHECK_FALSE(contains(all.err, "too many errors"));
  const Run bad = archc(fmt::format("check --error-limit -1 {}", file));
  CHECK(bad.status == 2);
  CHECK(contains(bad.err, "--error-limit: must be a whole number, 0 or more: -1"));
}

TEST_CASE("warnings have the same limit, counted after suppression comments", "[cli][bounded]") {
  TempDir dir;
  // 150 unused variables, the first 10 of them silenced.
  std::string text;
  for (int i = 0; i < 150; ++i) text += fmt::format("{}unused{} = 1\n", i < 10 ? "# archc:ignore unused-variable\n" : "", i);
  write(dir / "warnings.arch", text);
  const std::string file = dir / "warnings.arch";
  const Run r = archc(fmt::format("check {}", quote(file)));
  CHECK(r.status == 0);
  CHECK(count(r.err, ": warning[unused-variable]") == 100);
  CHECK(contains(r.err, "warnings.arch:21:1: warning[unused-variable]: variable `unused10` is never used"));
  CHECK(r.err.ends_with(fmt::format(
      "{0}: too many warnings: 40 more not shown (--error-limit 0 shows all)\n{0}: 0 errors, 140 warnings\n", file)));
  const Run lint = archc(fmt::format("lint --format json --error-limit 120 {}", quote(file)));
  CHECK(lint.status == 0);
  CHECK(contains(lint.out, "\"warnings\": 140,\n      \"warnings_not_shown\": 20,\n      \"suppressed\": 10,"));
  const Run all = archc(fmt::format("check --error-limit 0 {}", quote(file)));
  CHECK(count(all.err, ": warning[unused-variable]") == 140);
  CHECK_FALSE(contains(all.err, "too many"));
}

}  // namespace
}  // namespace archc::test
