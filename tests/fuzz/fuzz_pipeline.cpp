// libFuzzer target: everything archc does with a file (bench/pipeline.hpp):
// check, lint in every format, and for a file without errors plan in both
// formats and build to both targets. Any crash, sanitizer report, exception
// or timeout is a bug. See docs/testing.md, "Fuzzing".
#include <cstddef>
#include <cstdint>
#include <string>

#include "pipeline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  archc::bench::run_pipeline("fuzz.arch", std::string(reinterpret_cast<const char*>(data), size), 100);
  return 0;
}
