// Helpers shared by the unit tests: compile or parse text held in memory and
// flatten diagnostics to one line each, so a test compares them exactly and
// a failure shows every diagnostic that was produced.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "driver/compilation.hpp"
#include "plan/plan.hpp"
#include "source/utf8.hpp"
#include "syntax/parser.hpp"

namespace archc::test {

// "LINE:COLUMN: severity[rule]: message" — what a user reads, minus the path.
inline std::string brief(const Diagnostic& d) {
  return fmt::format("{}:{}: {}[{}]: {}", d.range.begin.line, d.range.begin.column,
                     severity_name(d.severity()), d.id(), d.message);
}

inline std::vector<std::string> briefs(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.all()) out.push_back(brief(d));
  return out;
}

// The errors only, for tests whose fixtures also warn.
inline std::vector<std::string> error_briefs(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.all())
    if (d.severity() == Severity::Error) out.push_back(brief(d));
  return out;
}

// The notes of a diagnostic, "LINE:COLUMN: message" or just the message for
// a note about no place in particular.
inline std::vector<std::string> notes(const Diagnostic& d) {
  std::vector<std::string> out;
  for (const auto& n : d.notes)
    out.push_back(n.range.valid() ? fmt::format("{}:{}: {}", n.range.begin.line, n.range.begin.column, n.message)
                                  : n.message);
  return out;
}

inline std::unique_ptr<Compilation> compile(std::string text) { return compile_text("test.arch", std::move(text)); }

// The diagnostics of the whole front end over `text`.
inline std::vector<std::string> diagnostics_of(std::string text) { return briefs(compile(std::move(text))->diags); }

// A parse on its own. The file outlives the tree, whose ranges point into it.
struct Parsed {
  std::unique_ptr<SourceFile> file;
  Diagnostics diags;
  ast::File tree;
};

inline std::unique_ptr<Parsed> parse(std::string text) {
  auto p = std::make_unique<Parsed>();
  p->file = std::make_unique<SourceFile>("test.arch", std::move(text));
  p->tree = parse_file(*p->file, p->diags);
  return p;
}

// The first character in the YAML document `yaml` that a reader would not
// give back as itself, standing raw there: a C0 control but tab and line
// feed, DEL, a C1 control (NEL U+0085 among them), LS U+2028, PS U+2029, the
// byte order mark, U+FFFE or U+FFFF. The readers differ (yaml-cpp keeps most
// of them, PyYAML and CloudFormation do not), so the tests look for them in
// the text as well as reading it back.
inline std::optional<char32_t> raw_unreadable(std::string_view yaml) {
  for (std::size_t i = 0; i < yaml.size();) {
    const auto c = decode_utf8(yaml.substr(i));
    if (!c) FAIL("not UTF-8 at byte " << i);
    const char32_t cp = c->cp;
    if ((cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
        cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF)
      return cp;
    i += c->length;
  }
  return std::nullopt;
}

// The text a range covers.
inline std::string text_of(const SourceRange& r) {
  return std::string(r.file->text().substr(r.begin.offset, r.end.offset - r.begin.offset));
}

// The diagnostics of one rule over `text`, sorted, each followed by its
// notes indented by two spaces.
inline std::vector<std::string> of_rule(std::string text, std::string_view rule) {
  auto c = compile(std::move(text));
  c->diags.sort();
  std::vector<std::string> out;
  for (const auto& d : c->diags.all()) {
    if (d.id() != rule) continue;
    out.push_back(brief(d));
    for (const auto& n : notes(d)) out.push_back("  " + n);
  }
  return out;
}

// Seven lines: stack "lab" in us-east-1 and vpc "main" with a public tier
// and a private tier `app` over zones a and b; `rest` starts on line 8.
inline std::string with_public_and_app(const std::string& rest) {
  return R"(stack "lab" { region = "us-east-1" }
vpc "main" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "public" { public = true, cidrs = ["10.0.1.0/24", "10.0.2.0/24"] }
  subnet "app"    { cidrs = ["10.0.3.0/24", "10.0.4.0/24"] }
}
)" + rest;
}

// The plan JSON (`archc plan --format json`) of a text that compiles with no error.
inline nlohmann::json plan_of(const std::string& text) {
  auto c = compile(text);
  REQUIRE(error_briefs(c->diags).empty());
  return nlohmann::json::parse(plan::render_json(plan::make_plan(c->model)));
}

}  // namespace archc::test
