// SARIF 2.1.0 for GitHub code scanning: one run, every rule of rules.def as
// tool.driver.rules, one result per diagnostic with its notes as related
// locations and its fix-its as fixes. GitHub needs each result's location as
// a URI relative to the repository root, uses partialFingerprints to follow
// an alert as the file changes, and closes the alerts a successful run no
// longer reports: a file that could not be read makes the run a failed one.
#include <cctype>
#include <map>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "lint/fingerprint.hpp"
#include "lint/formats.hpp"
#include "source/json_text.hpp"

namespace archc::lint {

namespace {

using nlohmann::ordered_json;

// The relative reference of `path` from the repository root, RFC 3986:
// everything but unreserved characters and `/` is percent-encoded.
std::string uri_path(const RepositoryPaths& paths, const std::string& path) {
  const auto relative = paths.relative(path);
  // `archc lint` refuses such a file before it is linted.
  if (!relative) throw std::logic_error("a SARIF artifact outside the repository root");
  std::string out;
  for (unsigned char c : *relative) {
    if (std::isalnum(c) || std::string_view("-._~/").find(static_cast<char>(c)) != std::string_view::npos)
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

ordered_json region(const SourceRange& r) {
  if (!r.valid()) return {{"startLine", 1}};
  return {{"startLine", r.begin.line},
          {"startColumn", r.begin.column},
          {"endLine", r.end.line},
          {"endColumn", std::max(r.end.column, r.begin.line == r.end.line ? r.begin.column : 1u)}};
}

ordered_json physical_location(const std::string& uri, const SourceRange& r) {
  return {{"physicalLocation", {{"artifactLocation", {{"uri", uri}}}, {"region", region(r)}}}};
}

// A SARIF 2.1.0 `fix`: one artifact change of one replacement; an insertion deletes an
// empty region (startColumn == endColumn).
ordered_json fix(const std::string& uri, const FixIt& f) {
  ordered_json replacement = {{"deletedRegion", region(f.range)}, {"insertedContent", {{"text", f.replacement}}}};
  return {{"description", {{"text", describe(f)}}},
          {"artifactChanges", ordered_json::array({{{"artifactLocation", {{"uri", uri}}},
                                                    {"replacements", ordered_json::array({replacement})}}})}};
}

ordered_json rules_json() {
  ordered_json rules = ordered_json::array();
  for (const auto& r : kRules) {
    ordered_json properties = {{"tags", {"archc", r.severity == Severity::Error ? "correctness" : "best-practice"}}};
    // GitHub ranks security alerts by this score (CVSS-like, 0.0 to 10.0,
    // a string) and tags them `security`.
    if (const auto score = security_severity(r.rule)) {
      properties["tags"].push_back("security");
      properties["security-severity"] = *score;
    }
    rules.push_back({{"id", r.id},
                     {"name", r.name},
                     {"shortDescription", {{"text", r.summary}}},
                     {"fullDescription", {{"text", fmt::format("{} {}", r.summary, r.why)}}},
                     {"helpUri", rule_help_uri(r.rule)},
                     {"help", {{"text", r.fix}, {"markdown", fmt::format("**{}**\n\n{}\n\nFix: {}", r.id, r.why, r.fix)}}},
                     {"defaultConfiguration", {{"level", severity_name(r.severity)}}},
                     {"properties", std::move(properties)}});
  }
  return rules;
}

class SarifFormat : public Format {
 public:
  SarifFormat(std::ostream& out, RepositoryPaths paths) : out_(out), paths_(std::move(paths)) {}

  void file(const LintedFile& f) override {
    // Notes and fix-its point into the same file (a compilation has one
    // source): its URI is resolved once, not once per place.
    const std::string uri = uri_path(paths_, f.path);
    std::map<std::string, int> seen;  // equal fingerprints get an occurrence count, as GitHub's own do
    for (const auto& d : f.diags.all()) {
      std::string text = d.message;
      ordered_json related = ordered_json::array();
      for (const auto& n : d.notes) {
        if (!n.range.valid()) {
          text += "\nnote: " + n.message;
          continue;
        }
        ordered_json loc = physical_location(uri, n.range);
        loc["id"] = related.size();
        loc["message"] = {{"text", n.message}};
        related.push_back(std::move(loc));
      }
      const std::string key = diagnostic_key(d);
      ordered_json result = {{"ruleId", d.id()}, {"ruleIndex", static_cast<std::size_t>(d.rule)}};
      result["level"] = severity_name(d.severity());
      result["message"] = {{"text", text}};
      result["locations"] = ordered_json::array({physical_location(uri, d.range)});
      if (!related.empty()) result["relatedLocations"] = std::move(related);
      ordered_json fixes = ordered_json::array();
      for (const auto& fixit : d.fixits)
        if (fixit.range.valid()) fixes.push_back(fix(uri, fixit));
      if (!fixes.empty()) result["fixes"] = std::move(fixes);
      result["partialFingerprints"] = {{"archcDiagnostic/v1", fmt::format("{}:{}", key, ++seen[key])}};
      results_.push_back(std::move(result));
    }
    // What was over the limit exists too: a notification for the file.
    if (const std::string omitted = render_omitted(f.path, f.diags); !omitted.empty())
      notifications_.push_back({{"level", f.diags.omitted_errors() ? "error" : "warning"},
                                {"message", {{"text", omitted}}},
                                {"locations", ordered_json::array({physical_location(uri, {})})}});
  }

  void failed(const std::string& path, const std::string& reason) override {
    ordered_json notification = {{"level", "error"}, {"message", {{"text", reason}}}};
    if (paths_.relative(path))
      notification["locations"] = ordered_json::array({physical_location(uri_path(paths_, path), {})});
    notifications_.push_back(std::move(notification));
    successful_ = false;
  }

  void finish() override {
    ordered_json driver = {{"name", "archc"},
                           {"version", ARCHC_VERSION},
                           {"semanticVersion", ARCHC_VERSION},
                           {"informationUri", ARCHC_DOCS_URL},
                           {"rules", rules_json()}};
    ordered_json run = {{"tool", {{"driver", std::move(driver)}}},
                        {"columnKind", "unicodeCodePoints"},
                        {"results", std::move(results_)}};
    // Always said, so that an upload step that runs after a failure cannot
    // take the run for a clean one and close every open alert.
    ordered_json invocation = {{"executionSuccessful", successful_}};
    if (!notifications_.empty()) invocation["toolExecutionNotifications"] = std::move(notifications_);
    run["invocations"] = ordered_json::array({std::move(invocation)});
    ordered_json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                        {"version", "2.1.0"},
                        {"runs", ordered_json::array({std::move(run)})}};
    // Messages may quote a file name, which need not be UTF-8 (URIs are
    // percent-encoded): its other bytes are written as U+FFFD.
    out_ << escape_hidden_in_json(doc.dump(2, ' ', false, ordered_json::error_handler_t::replace)) << '\n';
  }

 private:
  std::ostream& out_;
  RepositoryPaths paths_;
  ordered_json results_ = ordered_json::array();
  ordered_json notifications_ = ordered_json::array();
  bool successful_ = true;
};

}  // namespace

std::unique_ptr<Format> sarif_format(std::ostream& out, RepositoryPaths paths) {
  return std::make_unique<SarifFormat>(out, std::move(paths));
}

}  // namespace archc::lint
