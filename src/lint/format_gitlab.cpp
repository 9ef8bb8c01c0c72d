// GitLab Code Quality (artifacts:reports:codequality): a JSON array of
// issues, as GitLab's "Implement a custom tool" documents them: description,
// check_name, fingerprint, severity (info, minor, major, critical, blocker),
// location.path relative to the repository root and location.lines.begin.
// GitLab compares fingerprints between the base and the head of a merge
// request to tell new issues from fixed ones, so each is unique in a report
// and follows the issue as the file changes (lint/fingerprint.hpp).
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "lint/fingerprint.hpp"
#include "lint/formats.hpp"
#include "source/json_text.hpp"

namespace archc::lint {

namespace {

using nlohmann::ordered_json;

// An error breaks the build or the deployment; a warning is advice.
const char* severity(bool error) { return error ? "critical" : "minor"; }

ordered_json issue(std::string description, std::string_view check, const std::string& fingerprint_text,
                   const char* level, const std::string& path, std::uint32_t line) {
  return {{"description", std::move(description)},
          {"check_name", check},
          {"fingerprint", fingerprint(fingerprint_text)},
          {"severity", level},
          {"location", {{"path", path}, {"lines", {{"begin", line}}}}}};
}

class GitlabFormat : public Format {
 public:
  GitlabFormat(std::ostream& out, RepositoryPaths paths) : out_(out), paths_(std::move(paths)) {}

  void file(const LintedFile& f) override {
    // `archc lint` refuses a file outside the repository root before it is linted.
    const std::string path = paths_.relative(f.path).value();
    for (const auto& d : f.diags.all()) {
      std::string description = d.message;
      for (const auto& n : d.notes)
        description += n.range.valid() ? fmt::format("\nnote: {}:{}:{}: {}", path, n.range.begin.line,
                                                     n.range.begin.column, n.message)
                                       : fmt::format("\nnote: {}", n.message);
      issues_.push_back(issue(std::move(description), d.id(), occurrence(path + '\n' + diagnostic_key(d)),
                              severity(d.severity() == Severity::Error), path,
                              d.range.valid() ? d.range.begin.line : 1));
    }
    // What was over the limit exists too: an issue of the file's first line.
    if (const std::string omitted = render_omitted(f.path, f.diags); !omitted.empty())
      issues_.push_back(issue(omitted, "diagnostics-not-shown", occurrence(path + "\ndiagnostics-not-shown"),
                              severity(f.diags.omitted_errors() > 0), path, 1));
  }

  // A blocker: the merge request shows that a file went unchecked. A file
  // outside the repository root keeps the name it was given.
  void failed(const std::string& path, const std::string& reason) override {
    const std::string name = paths_.relative(path).value_or(path);
    issues_.push_back(issue(reason, "not-linted", occurrence(name + "\nnot-linted"), "blocker", name, 1));
  }

  void finish() override {
    // A file name need not be UTF-8, and JSON must be: its other bytes are
    // written as U+FFFD.
    out_ << escape_hidden_in_json(issues_.dump(2, ' ', false, ordered_json::error_handler_t::replace)) << '\n';
  }

 private:
  // `text` with how often it came before, so that equal diagnostics (of a
  // file, or of a file given twice) get fingerprints of their own.
  std::string occurrence(const std::string& text) { return fmt::format("{}:{}", text, ++seen_[text]); }

  std::ostream& out_;
  RepositoryPaths paths_;
  ordered_json issues_ = ordered_json::array();
  std::map<std::string, int> seen_;
};

}  // namespace

std::unique_ptr<Format> gitlab_format(std::ostream& out, RepositoryPaths paths) {
  return std::make_unique<GitlabFormat>(out, std::move(paths));
}

}  // namespace archc::lint
