// libFuzzer target: `archc fmt` on any bytes. Formatting must not crash,
// must refuse exactly what does not parse, must be idempotent, and must keep
// every comment in order (a formatted file parses to the same comments).
// See docs/testing.md, "Fuzzing", and docs/fmt.md.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "format/format.hpp"
#include "syntax/parser.hpp"

namespace {

std::vector<std::string> comments_of(const std::string& text) {
  const archc::SourceFile file("fuzz.arch", text);
  archc::Diagnostics diags;
  std::vector<std::string> out;
  for (const auto& c : archc::parse_file(file, diags).comments) out.push_back(c.text);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto once = archc::format::format_source(text);
  if (!once) return 0;
  const auto twice = archc::format::format_source(*once);
  if (!twice || *twice != *once) __builtin_trap();
  if (comments_of(*once) != comments_of(text)) __builtin_trap();
  return 0;
}
