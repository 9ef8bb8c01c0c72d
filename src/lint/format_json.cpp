// The schema is documented in docs/lint.md; change it only by bumping
// "schema".
#include <nlohmann/json.hpp>

#include "lint/formats.hpp"

namespace archc::lint {

namespace {

using nlohmann::ordered_json;

ordered_json position(const SourcePos& p) {
  return {{"line", p.line}, {"column", p.column}, {"offset", p.offset}};
}

ordered_json range(const SourceRange& r) {
  if (!r.valid()) return nullptr;
  return {{"start", position(r.begin)}, {"end", position(r.end)}};
}

}  // namespace

std::string format_json(const std::vector<LintedFile>& files) {
  ordered_json doc;
  doc["schema"] = "archc-lint/1";
  doc["archc"] = ARCHC_VERSION;
  doc["files"] = ordered_json::array();
  std::size_t errors = 0, warnings = 0, suppressed = 0;
  for (const auto& f : files) {
    ordered_json diags = ordered_json::array();
    for (const auto& d : f.diags.all()) {
      ordered_json notes = ordered_json::array();
      for (const auto& n : d.notes) notes.push_back({{"message", n.message}, {"range", range(n.range)}});
      ordered_json fixes = ordered_json::array();
      for (const auto& fix : d.fixits) fixes.push_back({{"range", range(fix.range)}, {"replacement", fix.replacement}});
      diags.push_back({{"rule", d.id()},
                       {"severity", severity_name(d.severity())},
                       {"message", d.message},
                       {"range", range(d.range)},
                       {"notes", std::move(notes)},
                       {"fixes", std::move(fixes)}});
    }
    doc["files"].push_back({{"path", f.path},
                            {"errors", f.diags.error_count()},
                            {"warnings", f.warning_count()},
                            {"suppressed", f.suppressed},
                            {"diagnostics", std::move(diags)}});
    errors += f.diags.error_count();
    warnings += f.warning_count();
    suppressed += f.suppressed;
  }
  doc["summary"] = {{"files", files.size()}, {"errors", errors}, {"warnings", warnings}, {"suppressed", suppressed}};
  return doc.dump(2) + "\n";
}

}  // namespace archc::lint
