// JUnit XML, the Apache Ant layout that GitLab (artifacts:reports:junit) and
// Jenkins (the junit step) read, valid against the Ant JUnit schema
// (tests/lint/schemas/JUnit.xsd): one <testsuite> per file, one <testcase>
// per diagnostic with a <failure> (errors and warnings both: a CI page lists
// failed cases only, and the exit status, not the report, decides whether a
// warning fails the job), one passing <testcase> for a clean file, and an
// <error> for a file that was not linted. Each suite is written as its file
// is linted.
#include <fmt/format.h>

#include "lint/formats.hpp"
#include "source/utf8.hpp"

namespace archc::lint {

namespace {

// `text` as XML 1.0 character data (`attribute` false) or a quoted attribute
// value. XML 1.0 cannot hold C0 controls other than tab, line feed and
// carriage return, nor U+FFFE and U+FFFF, even as character references
// (XML 1.0 §2.2): they are written as `<U+XXXX>`, as printable() writes
// them. A byte that is not UTF-8 becomes U+FFFD. In an attribute, tab, line
// feed and carriage return are references, or a reader would normalize them
// to spaces (§3.3.3).
std::string xml_escape(std::string_view raw, bool attribute) {
  const std::string text = valid_utf8(raw);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"' && attribute) out += "&quot;";
    else if ((c == '\t' || c == '\n' || c == '\r') && attribute) out += fmt::format("&#{};", c);
    else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') out += fmt::format("&lt;U+{:04X}&gt;", c);
    else if (c == 0xEF && text.compare(i, 2, "\xEF\xBF") == 0 && i + 2 < text.size() &&
             (text[i + 2] == '\xBE' || text[i + 2] == '\xBF')) {
      out += text[i + 2] == '\xBE' ? "&lt;U+FFFE&gt;" : "&lt;U+FFFF&gt;";
      i += 2;
    } else
      out += static_cast<char>(c);
  }
  return out;
}

std::string place(std::string_view path, const SourceRange& r) {
  return r.valid() ? fmt::format("{}:{}:{}", path, r.begin.line, r.begin.column) : std::string(path);
}

class JunitFormat : public Format {
 public:
  JunitFormat(std::ostream& out, RepositoryPaths paths, std::string timestamp)
      : out_(out), paths_(std::move(paths)), timestamp_(std::move(timestamp)) {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n";
  }

  void file(const LintedFile& f) override {
    // `archc lint` refuses a file outside the repository root before it is linted.
    const std::string path = paths_.relative(f.path).value();
    const std::string classname = xml_escape(path, true);
    std::string cases;
    std::size_t failures = 0;
    for (const auto& d : f.diags.all()) {
      std::string body = fmt::format("{}: {}[{}]: {}", place(path, d.range), severity_name(d.severity()), d.id(),
                                     d.message);
      for (const auto& n : d.notes)
        body += n.range.valid() ? fmt::format("\nnote: {}: {}", place(path, n.range), n.message)
                                : fmt::format("\nnote: {}", n.message);
      cases += fmt::format(
          "    <testcase name=\"{} at {}:{}\" classname=\"{}\" time=\"0\">\n"
          "      <failure type=\"{}\" message=\"{}\">{}</failure>\n"
          "    </testcase>\n",
          d.id(), d.range.begin.line, d.range.begin.column, classname, severity_name(d.severity()),
          xml_escape(d.message, true), xml_escape(body, false));
      ++failures;
    }
    // What was over the limit exists too: a failed case for the file.
    if (const std::string omitted = render_omitted(f.path, f.diags); !omitted.empty()) {
      cases += fmt::format(
          "    <testcase name=\"diagnostics not shown\" classname=\"{}\" time=\"0\">\n"
          "      <failure type=\"{}\" message=\"{}\">{}</failure>\n"
          "    </testcase>\n",
          classname, f.diags.omitted_errors() ? "error" : "warning", xml_escape(omitted, true),
          xml_escape(omitted, false));
      ++failures;
    }
    // A clean file passes one case, so that the report shows it was linted.
    if (failures == 0) cases = fmt::format("    <testcase name=\"lint\" classname=\"{}\" time=\"0\"/>\n", classname);
    suite(path, std::max<std::size_t>(failures, 1), failures, 0, cases);
  }

  void failed(const std::string& path, const std::string& reason) override {
    const std::string name = paths_.relative(path).value_or(path);
    suite(name, 1, 0, 1,
          fmt::format("    <testcase name=\"lint\" classname=\"{}\" time=\"0\">\n"
                      "      <error type=\"not-linted\" message=\"{}\">{}</error>\n"
                      "    </testcase>\n",
                      xml_escape(name, true), xml_escape(reason, true), xml_escape(reason, false)));
  }

  void finish() override { out_ << "</testsuites>\n"; }

 private:
  void suite(const std::string& name, std::size_t tests, std::size_t failures, std::size_t errors,
             const std::string& cases) {
    out_ << fmt::format(
        "  <testsuite package=\"archc\" id=\"{}\" name=\"{}\" timestamp=\"{}\" hostname=\"localhost\" tests=\"{}\" "
        "failures=\"{}\" errors=\"{}\" time=\"0\">\n"
        "    <properties/>\n{}"
        "    <system-out/>\n"
        "    <system-err/>\n"
        "  </testsuite>\n",
        next_id_++, xml_escape(name, true), timestamp_, tests, failures, errors, cases);
  }

  std::ostream& out_;
  RepositoryPaths paths_;
  std::string timestamp_;
  std::size_t next_id_ = 0;
};

}  // namespace

std::unique_ptr<Format> junit_format(std::ostream& out, RepositoryPaths paths, std::string timestamp) {
  return std::make_unique<JunitFormat>(out, std::move(paths), std::move(timestamp));
}

}  // namespace archc::lint
