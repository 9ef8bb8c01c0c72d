#include "format/format.hpp"

#include <fmt/format.h>

#include "format/layout.hpp"
#include "syntax/parser.hpp"

namespace archc::format {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// The line end of the file's first line: a file keeps its style. A line of
// a heredoc or a comment that ends otherwise keeps its own end, as all of
// their text.
std::string_view line_end_of(std::string_view text) {
  const auto newline = text.find('\n');
  return newline != std::string_view::npos && newline > 0 && text[newline - 1] == '\r' ? "\r\n" : "\n";
}

}  // namespace

std::optional<std::string> format_file(const SourceFile& file, Diagnostics& diags) {
  const std::string_view text = file.text();
  if (text.size() > SourceFile::kMaxBytes) {
    diags.report(Rule::FileTooLarge, file.range(0, 0),
                 fmt::format("file is larger than {} MiB", SourceFile::kMaxBytes >> 20));
    return std::nullopt;
  }
  if (auto bad = check_encoding(text)) {
    diags.report(Rule::Encoding, file.range(bad->offset, bad->offset + 1), bad->message);
    return std::nullopt;
  }
  const std::size_t errors_before = diags.error_count();
  const ast::File tree = parse_file(file, diags);
  if (diags.error_count() > errors_before) return std::nullopt;
  return lay_out(tree, line_end_of(text));
}

std::optional<std::string> format_source(std::string_view text) {
  const SourceFile file("", std::string(text));
  Diagnostics diags;
  auto formatted = format_file(file, diags);
  if (formatted && text.starts_with(kBom)) formatted->insert(0, kBom);
  return formatted;
}

}  // namespace archc::format
