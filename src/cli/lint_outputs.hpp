// Where `archc lint` writes its reports: `--format FORMAT[:PATH]`, given
// once or more, and `--output-file FILE` (docs/lint.md, "Several formats").
// Every format is fed the same linted files in one pass; the reports bound
// for files are kept in memory and written when the run is over, each
// completely or not at all (write_output, as `build -o` writes).
#pragma once

#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "cli/standard_output.hpp"
#include "lint/formats.hpp"

namespace archc::cli {

// The names `--format` takes, in the order --help lists them.
inline constexpr std::string_view kLintFormats[] = {"text", "json", "sarif", "github", "junit", "gitlab"};

struct LintOutput {
  std::string format;               // one of kLintFormats
  std::optional<std::string> path;  // nullopt: standard output
};

// The outputs of the `--format` values `formats` (FORMAT or FORMAT:PATH,
// split at the first `:`; none means `text`) and of `output_file`, the path
// of the single format without one. A PATH of `-` is standard output. Returns nullopt with `error` set (a
// message without the `archc: error: ` prefix) for an unknown format, an
// empty PATH, two formats on standard output, one path (by name, or the
// same existing file under two names) given twice, or `output_file` beside
// several formats or one with a PATH.
std::optional<std::vector<LintOutput>> parse_lint_outputs(const std::vector<std::string>& formats,
                                                          const std::optional<std::string>& output_file,
                                                          std::string& error);

// Whether `format` names files relative to the repository root (and so
// refuses a file outside it).
bool repository_relative(std::string_view format);
// What a report of `format` is called in messages: "SARIF", "annotation",
// "JUnit", "Code Quality" (and the name itself for the others).
std::string_view report_name(std::string_view format);

// The error for an output that is one of the linted `files` (by any name:
// a hard link, a symlink; `-` is the file standard input reads), else
// nothing.
std::optional<std::string> output_over_input(const std::vector<LintOutput>& outputs,
                                             const std::vector<std::string>& files);

// The formats of one run: format() takes every file; after its finish(),
// write_files() writes the reports bound for files.
class LintReports {
 public:
  // Text is coloured on standard output as `color` says, never in a file.
  LintReports(const std::vector<LintOutput>& outputs, const lint::RepositoryPaths& paths, StandardOutput& out,
              ColorMode color);
  lint::Format& format() { return *format_; }
  // Writes each file report; says on stderr what could not be written and
  // returns false then.
  bool write_files();

 private:
  struct FileReport {
    std::string path;
    std::ostringstream text;
  };
  std::vector<std::unique_ptr<FileReport>> files_;
  std::unique_ptr<lint::Format> format_;
};

}  // namespace archc::cli
