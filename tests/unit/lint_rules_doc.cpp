// The rule catalog (what SARIF shows), docs/rules.md and the rule ids the
// code reports are the same set.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "lint/rule_catalog.hpp"

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::set<std::string> catalog_ids() {
  std::set<std::string> ids;
  for (const auto& r : archc::lint::rule_catalog()) ids.emplace(r.id);
  return ids;
}

}  // namespace

TEST_CASE("every rule the code reports is in the catalog, and only those", "[lint][rules]") {
  // diags.error("id", ...), .warning("id", ...) in every source file.
  const std::regex reported(R"(\b(error|warning)\(\s*"([a-z][a-z0-9-]*)\")");
  std::set<std::string> in_code;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(ARCHC_SOURCE_DIR "/src")) {
    if (entry.path().extension() != ".cpp") continue;
    const std::string text = slurp(entry.path());
    for (std::sregex_iterator it(text.begin(), text.end(), reported), end; it != end; ++it) in_code.insert((*it)[2]);
  }
  CHECK(in_code == catalog_ids());
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
    CHECK(section.find("*Why:*") != std::string::npos);
    CHECK(section.find("*Fix:*") != std::string::npos);
    CHECK(section.find("Fails:\n```") != std::string::npos);
    CHECK(section.find("Passes:\n```") != std::string::npos);
  }
  CHECK(documented == catalog_ids());
  for (const auto& r : archc::lint::rule_catalog()) {
    INFO(r.id);
    const std::string severity = r.severity == archc::Severity::Error ? "**error.**" : "**warning.**";
    CHECK(doc.find("### " + std::string(r.id) + "\n\n" + severity) != std::string::npos);
  }
}
