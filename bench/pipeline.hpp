// Everything archc does with one file, in memory: for the fuzz targets
// (tests/fuzz/), the growth benchmark (growth.hpp) and the tests that guard
// its growth. Whatever the input, run_pipeline must return, without a crash
// and in time that grows no faster than n log n in the size of the input.
#pragma once

#include <cstddef>
#include <string>

namespace archc::bench {

// What `check` does (every diagnostic rendered as text, with the omitted
// line), `lint` in every format, and for a file without errors `plan` in
// both formats and `build` to both targets. Keeps the first `error_limit`
// errors, as --error-limit does (0: all). Returns the bytes all of it wrote,
// which the caller may use so that nothing is optimised away.
std::size_t run_pipeline(const std::string& path, std::string text, std::size_t error_limit = 0);

}  // namespace archc::bench
