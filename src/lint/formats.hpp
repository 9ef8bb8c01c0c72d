// The output formats of `archc lint`, one per file (format_*.cpp). Each is
// given the linted files one at a time, as they are linted, and writes to
// standard output (or any stream): the text formats as they go, so a run
// holds one file's diagnostics at a time; the JSON documents keep what
// they will print (what was shown, not the files) until finish().
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "lint/lint.hpp"
#include "lint/repository_paths.hpp"

namespace archc::lint {

class Format {
 public:
  virtual ~Format() = default;
  // One linted file; its compilation may be freed once this returns.
  virtual void file(const LintedFile& f) = 0;
  // A file that was not linted: it could not be read, or lies outside the
  // repository root. `reason` is the message stderr has already shown. The
  // machine formats record it, so that a reader that ignores the exit
  // status does not take the run for a clean one.
  virtual void failed(const std::string& path, const std::string& reason) = 0;
  // After the last file (or when there was none).
  virtual void finish() = 0;
};

// rustc-style text: source lines with carets, then a summary per file.
// `columns`: the width of the terminal `out` is, for the window of a long
// source line (render_text); 0 for a file or a pipe (200 columns).
std::unique_ptr<Format> text_format(std::ostream& out, bool color, std::size_t columns = 0);
// The stable JSON schema of docs/lint.md.
std::unique_ptr<Format> json_format(std::ostream& out);
// SARIF 2.1.0 as GitHub code scanning accepts it. Every file given to it
// must lie inside the repository root of `paths`, to which its URIs are
// relative (std::logic_error otherwise).
std::unique_ptr<Format> sarif_format(std::ostream& out, RepositoryPaths paths);
// GitHub Actions workflow commands (::error / ::warning), one per line; file
// paths relative to the repository root of `paths`, as for SARIF.
std::unique_ptr<Format> github_format(std::ostream& out, RepositoryPaths paths);
// JUnit XML (the Ant schema, as GitLab and Jenkins read it): a <testsuite>
// per file, a failed <testcase> per diagnostic; paths relative to the
// repository root of `paths`, as for SARIF. `timestamp` is each suite's
// `timestamp` attribute, the time of the run in UTC as the schema wants it:
// YYYY-MM-DDTHH:MM:SS, without a zone.
std::unique_ptr<Format> junit_format(std::ostream& out, RepositoryPaths paths, std::string timestamp);
// GitLab Code Quality JSON: an array of issues with unique fingerprints;
// paths relative to the repository root of `paths`, as for SARIF.
std::unique_ptr<Format> gitlab_format(std::ostream& out, RepositoryPaths paths);

// Every format of `formats` given each file, in order: one lint for several
// reports.
std::unique_ptr<Format> all_formats(std::vector<std::unique_ptr<Format>> formats);

}  // namespace archc::lint
