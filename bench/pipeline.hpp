// Everything archc does with one file, in memory: for the fuzz targets
// (tests/fuzz/), the growth benchmark (growth.hpp) and the tests that guard
// its growth. Whatever the input, run_pipeline must return, without a crash
// and in time that grows no faster than n log n in the size of the input.
#pragma once

#include <cstddef>
#include <string>

namespace archc::bench {

// The stages of run_pipeline, each timed on its own.
enum class Stage {
  kFrontEnd,  // compile_text: parse, model, checks
  kRender,    // every diagnostic rendered as text, as `check` shows them
  kLint,      // suppressions and the four lint formats
  kPlan,      // the plan and its text and JSON
  kBuild,     // lowering and both emitters
};
inline constexpr int kStages = 5;
inline constexpr const char* kStageNames[kStages] = {"front end", "render", "lint", "plan", "build"};

// Processor time of each stage, in ms (0 for one that did not run).
struct StageTimes {
  double ms[kStages] = {};
  double operator[](Stage s) const { return ms[static_cast<int>(s)]; }
};

// What `check` does (every diagnostic rendered as text, with the omitted
// line), `lint` in every format, and for a file without errors `plan` in
// both formats and `build` to both targets. Keeps the first `error_limit`
// errors, as --error-limit does (0: all). Stops after stage `last`. Returns
// the bytes all of it wrote, which the caller may use so that nothing is
// optimised away; with `times`, the processor time of each stage.
std::size_t run_pipeline(const std::string& path, std::string text, std::size_t error_limit = 0,
                         StageTimes* times = nullptr, Stage last = Stage::kBuild);

}  // namespace archc::bench
