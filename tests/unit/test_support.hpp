// Helpers shared by the unit tests: compile or parse text held in memory and
// flatten diagnostics to one line each, so a test compares them exactly and
// a failure shows every diagnostic that was produced.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "driver/compilation.hpp"
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

// The text a range covers.
inline std::string text_of(const SourceRange& r) {
  return std::string(r.file->text().substr(r.begin.offset, r.end.offset - r.begin.offset));
}

}  // namespace archc::test
