// GitHub Actions workflow commands; the runner turns each into an annotation
// on the pull request. Escaping follows the runner's rules: % is
// percent-encoded, and in properties `:` and `,` too. A line end would end
// the command, and a control character (an ESC) would reach the log viewer
// as it is: both are written as `<U+XXXX>`, as printable() writes them.
#include <fmt/format.h>

#include "lint/formats.hpp"
#include "source/line_echo.hpp"
#include "source/utf8.hpp"

namespace archc::lint {

namespace {

// Also replaces what is not UTF-8 (a file name may hold anything) by U+FFFD.
std::string escape(std::string_view text, bool property) {
  std::string out;
  for (char c : printable(valid_utf8(text))) {
    switch (c) {
      case '%': out += "%25"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

std::string location(std::string_view path, const SourceRange& r) {
  return fmt::format("{}:{}:{}", path, r.begin.line, r.begin.column);
}

class GithubFormat : public Format {
 public:
  GithubFormat(std::ostream& out, RepositoryPaths paths) : out_(out), paths_(std::move(paths)) {}

  void file(const LintedFile& f) override {
    // `archc lint` refuses a file outside the repository root before it is linted.
    const std::string path = paths_.relative(f.path).value();
    for (const auto& d : f.diags.all()) {
      // Notes follow on lines of their own: `%0A` is the runner's line feed.
      std::string message = escape(d.message, false);
      for (const auto& n : d.notes)
        message += n.range.valid()
                       ? fmt::format("%0Anote: {}: {}", escape(location(path, n.range), false), escape(n.message, false))
                       : fmt::format("%0Anote: {}", escape(n.message, false));
      // Annotation columns are inclusive; our ranges end one past the last.
      const SourcePos& b = d.range.begin;
      const SourcePos& e = d.range.end;
      const std::uint32_t end_column = std::max<std::uint32_t>(e.column > 1 ? e.column - 1 : 1,
                                                               e.line == b.line ? b.column : 1);
      out_ << fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                          severity_name(d.severity()), escape(path, true), b.line, b.column, e.line, end_column,
                          escape(d.id(), true), message);
    }
    // A file-level annotation: what was over the limit exists too.
    if (const std::string omitted = render_omitted(f.path, f.diags); !omitted.empty())
      out_ << fmt::format("::{} file={}::{}\n", f.diags.omitted_errors() ? "error" : "warning", escape(path, true),
                          escape(omitted, false));
  }
  // An error annotation: the job's summary shows that a file went unchecked.
  void failed(const std::string& path, const std::string& reason) override {
    if (const auto relative = paths_.relative(path))
      out_ << fmt::format("::error file={}::{}\n", escape(*relative, true), escape(reason, false));
    else
      out_ << fmt::format("::error::{}\n", escape(reason, false));
  }
  void finish() override {}

 private:
  std::ostream& out_;
  RepositoryPaths paths_;
};

}  // namespace

std::unique_ptr<Format> github_format(std::ostream& out, RepositoryPaths paths) {
  return std::make_unique<GithubFormat>(out, std::move(paths));
}

}  // namespace archc::lint
