// The rules of src/source/rules.def, docs/rules.md and the rules the code
// reports are the same set, with the same texts.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "source/rule.hpp"

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::set<std::string> declared_ids() {
  std::set<std::string> ids;
  for (const auto& r : archc::kRules) ids.emplace(r.id);
  return ids;
}

}  // namespace

TEST_CASE("every declared rule is reported somewhere in the code", "[lint][rules]") {
  // A misspelt Rule:: does not build; what is left to catch is a rule that
  // nothing reports any more.
  const std::regex named(R"(\bRule::([A-Z][A-Za-z0-9]*))");
  std::set<std::string> in_code;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(ARCHC_SOURCE_DIR "/src")) {
    if (entry.path().extension() != ".cpp") continue;
    const std::string text = slurp(entry.path());
    for (std::sregex_iterator it(text.begin(), text.end(), named), end; it != end; ++it) in_code.insert((*it)[1]);
  }
  std::set<std::string> declared;
  for (const auto& r : archc::kRules) declared.emplace(r.name);
  CHECK(in_code == declared);
}

TEST_CASE("docs/rules.md documents every rule with examples", "[lint][rules]") {
  const std::string doc = slurp(ARCHC_SOURCE_DIR "/docs/rules.md");
  const std::regex heading(R"(\n### ([a-z0-9-]+)\n)");
  std::set<std::string> documented;
  for (std::sregex_iterator it(doc.begin(), doc.end(), heading), end; it != end; ++it) {
    documented.insert((*it)[1]);
    const std::size_t next = doc.find("\n### ", static_cast<std::size_t>(it->position() + 1));
    const std::string section = doc.substr(static_cast<std::size_t>(it->position()), next - it->position());
    INFO((*it)[1]);
    CHECK(section.find("Fails:\n```") != std::string::npos);
    CHECK(section.find("Passes:\n```") != std::string::npos);
  }
  CHECK(documented == declared_ids());
}

TEST_CASE("docs/rules.md gives each rule the severity and texts of rules.def", "[lint][rules]") {
  const std::string doc = slurp(ARCHC_SOURCE_DIR "/docs/rules.md");
  for (const auto& r : archc::kRules) {
    INFO(r.id);
    const std::string head = fmt::format("### {}\n\n**{}.** {}\n\n*Why:* {}\n\n*Fix:* {}\n", r.id,
                                         archc::severity_name(r.severity), r.summary, r.why, r.fix);
    CHECK(doc.find(head) != std::string::npos);
  }
}
