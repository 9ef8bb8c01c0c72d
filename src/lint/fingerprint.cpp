#include "lint/fingerprint.hpp"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

namespace archc::lint {

namespace {

constexpr std::size_t kFingerprintTextBytes = 1024;

std::string_view range_text(const SourceRange& r) {
  if (!r.valid()) return {};
  return r.file->text().substr(r.begin.offset,
                               std::min<std::size_t>(r.end.offset - r.begin.offset, kFingerprintTextBytes));
}

}  // namespace

std::string fingerprint(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : text) h = (h ^ c) * 0x100000001b3ull;
  return fmt::format("{:016x}", h);
}

std::string diagnostic_key(const Diagnostic& d) {
  return fingerprint(fmt::format("{}\n{}\n{}", d.id(), d.message, range_text(d.range)));
}

}  // namespace archc::lint
