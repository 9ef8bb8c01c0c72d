// samples/*.arch lint with only the warnings their architecture deserves;
// each samples/mistakes/*.arch shows the errors its `# expect:` lines name,
// and no other error.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <fmt/format.h>

#include "lint/lint.hpp"

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> lint_file(const std::filesystem::path& p, bool errors_only = false) {
  auto c = archc::compile_text(p.filename().string(), slurp(p));
  auto linted = archc::lint::lint_compilation(*c);
  std::vector<std::string> out;
  for (const auto& d : linted.diags.all())
    if (!errors_only || d.severity() == archc::Severity::Error)
      out.push_back(fmt::format("{} {}:{}", d.id(), d.range.begin.line, d.range.begin.column));
  return out;
}

}  // namespace

TEST_CASE("the samples lint as their architecture deserves", "[lint][samples]") {
  const std::filesystem::path dir = ARCHC_SOURCE_DIR "/samples";
  CHECK(lint_file(dir / "lab-vpc.arch").empty());
  CHECK(lint_file(dir / "shop.arch").empty());
  CHECK(lint_file(dir / "sessions.arch").empty());
  // The lab's dev/test choices: one NAT gateway, a single-AZ database.
  CHECK(lint_file(dir / "my-vpc.arch") == std::vector<std::string>{"single-nat 14:11", "rds-single-az 60:14"});
}

TEST_CASE("each mistake shows the error it is about", "[lint][samples]") {
  const std::regex expect(R"(# expect: ([a-z0-9-]+) at (\d+):(\d+))");
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(ARCHC_SOURCE_DIR "/samples/mistakes")) {
    if (entry.path().extension() != ".arch") continue;
    ++files;
    const std::string text = slurp(entry.path());
    std::vector<std::string> expected;
    for (std::sregex_iterator it(text.begin(), text.end(), expect), end; it != end; ++it)
      expected.push_back(fmt::format("{} {}:{}", (*it)[1].str(), (*it)[2].str(), (*it)[3].str()));
    INFO(entry.path().filename().string());
    CHECK(!expected.empty());
    CHECK(lint_file(entry.path(), true) == expected);
  }
  CHECK(files >= 20);
}
