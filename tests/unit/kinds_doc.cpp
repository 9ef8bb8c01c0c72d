// docs/language.md shows each block kind as it is declared (src/kinds/):
// its one-line doc and its attribute table, row for row. A change to a
// declaration that the page does not follow fails here, and the failure
// prints the section as it should read.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "model/kind.hpp"
#include "model/kind_docs.hpp"

namespace {

std::string language_page() {
  std::ifstream in(ARCHC_SOURCE_DIR "/docs/language.md");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The text of the section headed `### KEYWORD`, up to the next heading.
std::string section(const std::string& page, std::string_view keyword) {
  const std::string heading = fmt::format("\n### {}\n", keyword);
  const auto begin = page.find(heading);
  if (begin == std::string::npos) return {};
  const auto end = page.find("\n#", begin + heading.size());
  return page.substr(begin + heading.size(), end == std::string::npos ? std::string::npos : end - begin - heading.size());
}

std::size_t count(const std::string& text, std::string_view what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("docs/language.md describes every kind as declared", "[kinds][docs]") {
  const std::string page = language_page();
  REQUIRE_FALSE(page.empty());
  for (const auto* kind : archc::model::all_kinds()) {
    SECTION(std::string(kind->keyword)) {
      const std::string text = section(page, kind->keyword);
      const std::string table = archc::model::attribute_table(*kind);
      INFO(fmt::format("### {}\n\n{}\n\n{}", kind->keyword, kind->doc, table));
      CHECK(text.find(std::string(kind->doc)) != std::string::npos);
      CHECK(count(text, "| attribute |") == (table.empty() ? 0 : 1));
      if (!table.empty()) CHECK(text.find(table) != std::string::npos);
    }
  }
}

TEST_CASE("every kind's declaration is complete", "[kinds]") {
  for (const auto* kind : archc::model::all_kinds()) {
    INFO(kind->keyword);
    CHECK_FALSE(kind->doc.empty());
    // Chain endpoints (placed by their `subnets`) and services carry the
    // hooks that give them meaning; the network kinds are read by sema
    // itself. Only what is placed in a tier is drawn there.
    CHECK_FALSE((kind->chain_endpoint && kind->service));
    const bool hooked = kind->chain_endpoint || kind->service;
    CHECK(hooked == (kind->make != nullptr));
    CHECK(hooked == (kind->read != nullptr));
    CHECK(hooked == (kind->lower != nullptr));
    CHECK(hooked == (kind->plan != nullptr));
    CHECK(hooked == !kind->plan_key.empty());
    CHECK(kind->chain_endpoint == (kind->draw != nullptr));
    if (kind->service) CHECK_FALSE(kind->attribute("subnets"));
    if (kind->chain_endpoint) {
      const auto* subnets = kind->attribute("subnets");
      REQUIRE(subnets);
      CHECK((subnets->type == archc::model::ValueType::TierRef && subnets->required));
      CHECK_FALSE(kind->name_tag_word.empty());
    }
    for (const auto& a : kind->attributes) {
      INFO(a.name);
      CHECK_FALSE(a.doc.empty());
      CHECK_FALSE((a.required && !a.default_value.empty()));
      if (a.type == archc::model::ValueType::Integer || a.type == archc::model::ValueType::Number)
        CHECK(a.min <= a.max);
      if (a.type == archc::model::ValueType::ResourceRef) CHECK(archc::model::find_top_level_kind(a.refers_to));
      if (a.type == archc::model::ValueType::ResourceRefList) {
        const auto* target = archc::model::find_top_level_kind(a.refers_to);
        REQUIRE(target);
        CHECK(target->service);  // KindReader::services resolves service kinds only
      }
    }
  }
}
