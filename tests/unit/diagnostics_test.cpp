// render_text: the exact text a person reads for one diagnostic.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "source/diagnostic.hpp"
#include "source/line_echo.hpp"

namespace archc {
namespace {

// The range of the first occurrence of `needle` in the file's text.
SourceRange find(const SourceFile& f, std::string_view needle) {
  const auto at = static_cast<std::uint32_t>(f.text().find(needle));
  REQUIRE(at != std::string_view::npos);
  return f.range(at, at + static_cast<std::uint32_t>(needle.size()));
}

TEST_CASE("render_text shows location, rule, source line and carets under the range") {
  SourceFile f("site.arch", "vpc \"lab\" {\n  cidr = \"10.1.0.0/33\"\n}\n");
  Diagnostic d{Rule::InvalidCidr, find(f, "\"10.1.0.0/33\""), "not a CIDR block", {}, {}};
  CHECK(render_text(d, false) ==
        "site.arch:2:10: error[invalid-cidr]: not a CIDR block\n"
        "  |\n"
        "2 |   cidr = \"10.1.0.0/33\"\n"
        "  |          ^^^^^^^^^^^^^\n");
}

TEST_CASE("render_text widens the gutter to the line number") {
  std::string text(11, '\n');
  text += "bad\n";
  SourceFile f("f.arch", text);
  Diagnostic d{Rule::UnusedVariable, find(f, "bad"), "declared and never used", {}, {}};
  CHECK(render_text(d, false) ==
        "f.arch:12:1: warning[unused-variable]: declared and never used\n"
        "   |\n"
        "12 | bad\n"
        "   | ^^^\n");
}

TEST_CASE("render_text expands tabs in the line and under it") {
  SourceFile f("f.arch", "\tx =\t\"v\"\n");
  Diagnostic d{Rule::InvalidValue, find(f, "\"v\""), "m", {}, {}};
  // The column counts the tab as one character, as editors number them;
  // the snippet shows it as four spaces and the carets follow.
  CHECK(render_text(d, false) ==
        "f.arch:1:6: error[invalid-value]: m\n"
        "  |\n"
        "1 |     x =    \"v\"\n"
        "  |            ^^^\n");
}

TEST_CASE("render_text counts code points, not bytes, for columns and carets") {
  SourceFile f("f.arch", "x = \"h\xC3\xA9llo\" oops\n");
  Diagnostic d{Rule::InvalidValue, find(f, "oops"), "m", {}, {}};
  CHECK(render_text(d, false) ==
        "f.arch:1:13: error[invalid-value]: m\n"
        "  |\n"
        "1 | x = \"h\xC3\xA9llo\" oops\n"
        "  |             ^^^^\n");
}

TEST_CASE("render_text marks an empty range with one caret and a multi-line range to its line end") {
  SourceFile f("f.arch", "a = [\n  1,\n]\n");
  SECTION("empty") {
    Diagnostic d{Rule::Syntax, f.range(5, 5), "m", {}, {}};
    CHECK(render_text(d, false) ==
          "f.arch:1:6: error[syntax]: m\n"
          "  |\n"
          "1 | a = [\n"
          "  |      ^\n");
  }
  SECTION("multi-line") {
    Diagnostic d{Rule::Syntax, find(f, "[\n  1,\n]"), "m", {}, {}};
    CHECK(render_text(d, false) ==
          "f.arch:1:5: error[syntax]: m\n"
          "  |\n"
          "1 | a = [\n"
          "  |     ^\n");
  }
}

TEST_CASE("render_text shows notes with their own snippet, or inline without a place") {
  SourceFile f("f.arch", "vpc \"a\" {}\nvpc \"a\" {}\n");
  const auto first = f.range(4, 7);
  const auto second = f.range(15, 18);
  Diagnostic d{Rule::DuplicateName, second, "vpc `a` is declared twice",
               {{first, "first declared here"}, {{}, "rename one of them"}}, {}};
  CHECK(render_text(d, false) ==
        "f.arch:2:5: error[duplicate-name]: vpc `a` is declared twice\n"
        "  |\n"
        "2 | vpc \"a\" {}\n"
        "  |     ^^^\n"
        "f.arch:1:5: note: first declared here\n"
        "  |\n"
        "1 | vpc \"a\" {}\n"
        "  |     ^^^\n"
        "  = note: rename one of them\n");
}

TEST_CASE("render_text shows each fix-it as a help line with its text") {
  SourceFile f("f.arch", "vcp \"a\" {\n  x = 1\n}\n");
  Diagnostic d{Rule::UnknownBlock, f.range(0, 3), "unknown block kind `vcp`", {{{}, "did you mean `vpc`?"}},
               {{f.range(0, 3), "vpc"}, {f.range(12, 12), "  # archc:ignore unknown-block\n"}, {f.range(14, 14), "y"}}};
  CHECK(render_text(d, false) ==
        "f.arch:1:1: error[unknown-block]: unknown block kind `vcp`\n"
        "  |\n"
        "1 | vcp \"a\" {\n"
        "  | ^^^\n"
        "  = note: did you mean `vpc`?\n"
        "  = help: replace `vcp` with `vpc`\n"
        "  = help: insert `# archc:ignore unknown-block` above line 2\n"
        "  = help: insert `y` at 2:5\n");
}

TEST_CASE("render_text of a diagnostic with no place is one line") {
  Diagnostic d{Rule::FileTooLarge, {}, "cannot read", {{{}, "check the path"}}, {}};
  CHECK(render_text(d, false) == "error[file-too-large]: cannot read\n  = note: check the path\n");
}

TEST_CASE("render_text colours only when asked") {
  SourceFile f("f.arch", "x = 1\n");
  Diagnostic d{Rule::UnusedVariable, f.range(0, 1), "m", {{f.range(4, 5), "n"}, {{}, "o"}}, {}};
  const std::string plain = render_text(d, false);
  const std::string coloured = render_text(d, true);
  CHECK(plain.find('\x1b') == std::string::npos);
  CHECK(coloured.find("\x1b[1;33mwarning[unused-variable]\x1b[0m") != std::string::npos);
  // Stripping the escape codes leaves the plain text: colour adds nothing else.
  std::string stripped;
  for (std::size_t i = 0; i < coloured.size(); ++i) {
    if (coloured[i] == '\x1b') i = coloured.find('m', i);
    else stripped += coloured[i];
  }
  CHECK(stripped == plain);
}

TEST_CASE("Diagnostics counts errors apart from warnings and sorts by position, stably") {
  SourceFile f("f.arch", "abcdef\n");
  Diagnostics diags;
  diags.report(Rule::UnusedVariable, f.range(4, 5), "late");
  diags.report(Rule::InvalidValue, f.range(1, 2), "early");
  diags.report(Rule::InvalidValue, f.range(4, 5), "late too");
  CHECK(diags.error_count() == 2);
  CHECK(diags.has_errors());
  diags.sort();
  std::vector<std::string> order;
  for (const auto& d : diags.all()) order.push_back(d.message);
  CHECK(order == std::vector<std::string>{"early", "late", "late too"});
}

TEST_CASE("Diagnostics keeps the first errors, and warnings, up to their limits and counts the others") {
  SourceFile f("f.arch", "abcdef\n");
  Diagnostics diags(2, 1);
  for (std::uint32_t i = 0; i < 5; ++i) {
    diags.report(Rule::InvalidValue, f.range(i, i + 1), fmt::format("error {}", i))
        .notes.push_back({{}, "a note"});  // an omitted error takes notes too, and keeps none
    if (i % 2 == 0) diags.report(Rule::UnusedVariable, f.range(i, i + 1), fmt::format("warning {}", i));
  }
  CHECK(diags.error_count() == 5);
  CHECK(diags.warning_count() == 3);
  CHECK(diags.omitted_errors() == 3);
  CHECK(diags.omitted_warnings() == 2);
  CHECK(diags.has_errors());
  std::vector<std::string> kept;
  for (const auto& d : diags.all()) kept.push_back(d.message);
  CHECK(kept == std::vector<std::string>{"error 0", "warning 0", "error 1"});
  CHECK(render_omitted("f.arch", diags) ==
        "f.arch: too many errors and warnings: 3 more errors and 2 more warnings not shown "
        "(--error-limit 0 shows all)");
  Diagnostics lint(0, 1);  // as lint counts what the compilation left out
  lint.report(Rule::UnusedSuppression, f.range(0, 1), "unused");
  lint.count_omitted(diags);
  CHECK(lint.error_count() == 3);
  CHECK(lint.omitted_errors() == 3);
  CHECK(lint.warning_count() == 3);
  CHECK(lint.omitted_warnings() == 2);
  CHECK(lint.all().size() == 1);
}

TEST_CASE("Diagnostics keeps the first in source order, whatever order they are reported in", "[bounded]") {
  SourceFile f("f.arch", "abcdefghij\n");
  Diagnostics diags(2, 2);
  // Reported as checks report them: late places first.
  for (std::uint32_t at : {7u, 2u, 9u, 0u, 5u, 2u}) {
    diags.report(Rule::InvalidValue, f.range(at, at + 1), "error at {}", at).notes.push_back({{}, "a note"});
    diags.report(Rule::UnusedVariable, f.range(at, at + 1), fmt::format("warning at {}", at));
  }
  CHECK(diags.error_count() == 6);
  CHECK(diags.omitted_errors() == 4);
  CHECK(diags.warning_count() == 6);
  CHECK(diags.omitted_warnings() == 4);
  diags.sort();
  std::vector<std::string> kept;
  for (const auto& d : diags.all()) kept.push_back(d.message + " +" + std::to_string(d.notes.size()));
  // At one place the first reported stays; a replaced one keeps none of its notes.
  CHECK(kept == std::vector<std::string>{"error at 0 +1", "warning at 0 +0", "error at 2 +1", "warning at 2 +0"});
}

// Silences the warnings that start at an even offset, and records what it was asked.
struct EvenOffsets final : WarningFilter {
  std::vector<std::uint32_t> asked;
  bool silence(Rule, const SourceRange& range) override {
    asked.push_back(range.begin.offset);
    return range.begin.offset % 2 == 0;
  }
};

TEST_CASE("Diagnostics drops the warnings its filter silences before they count against the limit") {
  SourceFile f("f.arch", "abcdef\n");
  EvenOffsets even;
  Diagnostics diags(1, 2);
  diags.set_filter(&even);
  for (std::uint32_t i = 0; i < 6; ++i) {
    diags.report(Rule::UnusedVariable, f.range(i, i + 1), "warning {}", i);
    diags.report(Rule::InvalidValue, f.range(i, i + 1), "error {}", i);
  }
  CHECK(even.asked == std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5});  // never about an error
  CHECK(diags.suppressed() == 3);
  CHECK(diags.warning_count() == 3);
  CHECK(diags.omitted_warnings() == 1);
  CHECK(diags.error_count() == 6);
  std::vector<std::string> kept;
  for (const auto& d : diags.all()) kept.push_back(d.message);
  CHECK(kept == std::vector<std::string>{"error 0", "warning 1", "warning 3"});
  Diagnostics lint;
  lint.count_omitted(diags);
  CHECK(lint.suppressed() == 3);
}

TEST_CASE("render_omitted names what was left out, or nothing") {
  Diagnostics errors(1), warnings(0, 1), none;
  SourceFile f("f.arch", "abcdef\n");
  for (int i = 0; i < 3; ++i) {
    errors.report(Rule::InvalidValue, f.range(0, 1), "e");
    warnings.report(Rule::UnusedVariable, f.range(0, 1), "w");
    none.report(Rule::InvalidValue, f.range(0, 1), "e");
  }
  CHECK(render_omitted("f.arch", errors) == "f.arch: too many errors: 2 more not shown (--error-limit 0 shows all)");
  CHECK(render_omitted("f.arch", warnings) ==
        "f.arch: too many warnings: 2 more not shown (--error-limit 0 shows all)");
  CHECK(render_omitted("f.arch", none).empty());
}

TEST_CASE("Diagnostics with no limit keeps every error") {
  SourceFile f("f.arch", "abcdef\n");
  Diagnostics diags;
  for (std::uint32_t i = 0; i < 500; ++i) diags.report(Rule::InvalidValue, f.range(0, 1), "e");
  CHECK(diags.all().size() == 500);
  CHECK(diags.omitted_errors() == 0);
}

TEST_CASE("a message longer than kMaxMessageBytes loses its middle, cut between characters") {
  SourceFile f("f.arch", "abcdef\n");
  Diagnostics diags;
  std::string name;
  for (int i = 0; i < 1000; ++i) name += "\xC3\xA9";  // é, two bytes
  const Diagnostic& d = diags.report(Rule::InvalidValue, f.range(0, 1), "vpc `" + name + "` is wrong");
  CHECK(d.message.size() <= kMaxMessageBytes);
  CHECK(d.message.size() >= kMaxMessageBytes - 2);
  CHECK(d.message.starts_with("vpc `\xC3\xA9\xC3\xA9"));
  CHECK(d.message.ends_with("\xC3\xA9\xC3\xA9` is wrong"));
  const std::size_t cut = d.message.find(" ... ");
  REQUIRE(cut != std::string::npos);
  CHECK((cut - 5) % 2 == 0);  // whole characters before the cut
  CHECK((d.message.size() - (cut + 5) - 10) % 2 == 0);  // and after it
}

TEST_CASE("render_text escapes control characters in messages") {
  SourceFile f("f.arch", "vpc \"a\x1b[2Jb\" {}\n");
  Diagnostic d{Rule::MissingAttribute, f.range(4, 13), "vpc `a\x1b[2Jb` needs `cidr`", {}, {}};
  CHECK(render_text(d, false) ==
        "f.arch:1:5: error[missing-attribute]: vpc `a<U+001B>[2Jb` needs `cidr`\n"
        "  |\n"
        "1 | vpc \"a<U+001B>[2Jb\" {}\n"
        "  |     ^^^^^^^^^^^^^^^^\n");
}

TEST_CASE("render_text shows a window of a long line, carets aligned") {
  const std::string line = "x = \"" + std::string(1000, 'a') + "\" oops";
  SourceFile f("f.arch", line + "\n");
  Diagnostic d{Rule::InvalidValue, f.range(1007, 1011), "m", {}, {}};
  CHECK(render_text(d, false) ==
        "f.arch:1:1008: error[invalid-value]: m\n"
        "  |\n"
        "1 | ..." + line.substr(1007 - kEchoColumnsBefore) + "\n"
        "  | " + std::string(3 + kEchoColumnsBefore, ' ') + "^^^^\n");
}

TEST_CASE("SourceFile skips a BOM and strips CR from line text") {
  SourceFile f("f.arch", "\xEF\xBB\xBFx = 1\r\ny = 2\r\n");
  CHECK(f.text() == "x = 1\r\ny = 2\r\n");
  CHECK(f.line_text(1) == "x = 1");
  CHECK(f.line_text(2) == "y = 2");
  const SourcePos y = f.pos_at(7);
  CHECK((y.line == 2 && y.column == 1));
}

}  // namespace
}  // namespace archc
