// libFuzzer target: the parser alone, on any bytes. The encoding check, the
// parse with its recovery, every token looked up by offset, and every
// diagnostic rendered as text (the line echo meets the same bytes). Any
// crash, sanitizer report, exception or timeout is a bug. See
// docs/testing.md, "Fuzzing".
#include <cstddef>
#include <cstdint>
#include <string>

#include "source/diagnostic.hpp"
#include "syntax/parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const archc::SourceFile file("fuzz.arch", std::string(reinterpret_cast<const char*>(data), size));
  archc::Diagnostics diags(100);
  if (auto bad = archc::check_encoding(file.text())) {
    diags.report(archc::Rule::Encoding, file.range(bad->offset, bad->offset + 1), bad->message);
  } else {
    const archc::ast::File tree = archc::parse_file(file, diags);
    // Every token is found where it is (tokens do not overlap).
    for (const auto& token : tree.tokens)
      if (token.begin < token.end() && tree.token_at(token.begin) != &token) __builtin_trap();
  }
  for (const auto& d : diags.all()) archc::render_text(d, true);
  return 0;
}
