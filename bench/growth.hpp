// Inputs that grow with a number n, one family per kind of hostile input
// that once made a phase quadratic or worse (issue 9): the growth benchmark
// (`archc_bench --growth`) times each at sizes n to 64 n, and
// tests/unit/growth_test.cpp holds the phase that grew too fast to a bound.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "pipeline.hpp"

namespace archc::bench {

struct GrowthCase {
  const char* name;
  const char* what;  // the input, in a few words
  std::string (*make)(int n);
  int base;  // an n whose input takes milliseconds
  // The errors kept and shown, as --error-limit: 0 (all) where showing them
  // is what grew, else archc's default.
  std::size_t error_limit;
  Stage stage;  // the one that grew too fast on this input
};

const std::vector<GrowthCase>& growth_cases();

}  // namespace archc::bench
