// The schema is documented in docs/lint.md; change it only by bumping
// "schema".
#include <nlohmann/json.hpp>

#include "lint/formats.hpp"
#include "source/json_text.hpp"

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

class JsonFormat : public Format {
 public:
  explicit JsonFormat(std::ostream& out) : out_(out) {
    doc_["schema"] = "archc-lint/1";
    doc_["archc"] = ARCHC_VERSION;
    doc_["files"] = ordered_json::array();
    doc_["failures"] = ordered_json::array();
  }

  void file(const LintedFile& f) override {
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
    doc_["files"].push_back({{"path", f.path},
                             {"errors", f.diags.error_count()},
                             {"errors_not_shown", f.diags.omitted_errors()},
                             {"warnings", f.diags.warning_count()},
                             {"warnings_not_shown", f.diags.omitted_warnings()},
                             {"suppressed", f.diags.suppressed()},
                             {"diagnostics", std::move(diags)}});
    errors_ += f.diags.error_count();
    errors_not_shown_ += f.diags.omitted_errors();
    warnings_ += f.diags.warning_count();
    warnings_not_shown_ += f.diags.omitted_warnings();
    suppressed_ += f.diags.suppressed();
  }

  void failed(const std::string& path, const std::string& reason) override {
    doc_["failures"].push_back({{"path", path}, {"message", reason}});
  }

  void finish() override {
    doc_["summary"] = {{"files", doc_["files"].size()},
                       {"failures", doc_["failures"].size()},
                       {"errors", errors_},
                       {"errors_not_shown", errors_not_shown_},
                       {"warnings", warnings_},
                       {"warnings_not_shown", warnings_not_shown_},
                       {"suppressed", suppressed_}};
    // A file name need not be UTF-8, and JSON must be: its other bytes are
    // written as U+FFFD (nlohmann would throw).
    out_ << escape_hidden_in_json(doc_.dump(2, ' ', false, ordered_json::error_handler_t::replace)) << '\n';
  }

 private:
  std::ostream& out_;
  ordered_json doc_;
  std::size_t errors_ = 0, errors_not_shown_ = 0, warnings_ = 0, warnings_not_shown_ = 0, suppressed_ = 0;
};

}  // namespace

std::unique_ptr<Format> json_format(std::ostream& out) { return std::make_unique<JsonFormat>(out); }

}  // namespace archc::lint
