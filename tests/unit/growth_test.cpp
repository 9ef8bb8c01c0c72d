// How the time archc takes grows with hostile input (issue 9): for each
// input family of bench/growth.hpp, the stage that was once quadratic or
// worse on it must take at most 64 times as long on an input 16 times as
// large (16 for linear, 256 for quadratic), and at most 10 s. Processor time,
// the least of a few runs, so that a loaded machine does not make it flaky;
// the bounds leave a factor of 4 either way. `archc_bench --growth` prints
// the numbers (docs/performance.md).
#include <algorithm>
#include <ctime>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "growth.hpp"
#include "pipeline.hpp"
#include "plan/plan.hpp"

namespace archc::bench {
namespace {

constexpr int kGrowth = 16;
constexpr double kMostRatio = 64;
constexpr double kMostMs = 10'000;
// Below this a time is noise: the ratio is taken from at least it.
constexpr double kLeastMs = 1;

// The least processor time of `runs` runs of `f`, in ms.
template <typename F>
double least_ms(int runs, F&& f) {
  double best = 0;
  for (int run = 0; run < runs; ++run) {
    const std::clock_t start = std::clock();
    f();
    const double ms = 1e3 * static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
    best = run == 0 ? ms : std::min(best, ms);
  }
  return best;
}

TEST_CASE("each hostile input family grows no faster than n log n", "[growth]") {
  for (const GrowthCase& c : growth_cases()) {
    DYNAMIC_SECTION(c.name) {
      const auto stage_ms = [&](int n, int runs) {
        const std::string text = c.make(n);
        double best = 0;
        for (int run = 0; run < runs; ++run) {
          StageTimes t;
          run_pipeline(std::string(c.name) + ".arch", text, c.error_limit, &t, c.stage);
          best = run == 0 ? t[c.stage] : std::min(best, t[c.stage]);
        }
        return best;
      };
      const double small = stage_ms(c.base, 3), large = stage_ms(kGrowth * c.base, 2);
      INFO(fmt::format("{}: the {} took {:.1f} ms at n = {} and {:.1f} ms at n = {}", c.name,
                       kStageNames[static_cast<int>(c.stage)], small, c.base, large, kGrowth * c.base));
      CHECK(large <= kMostRatio * std::max(small, kLeastMs));
      CHECK(large <= kMostMs);
    }
  }
}

// The plan text of one tier holding n resources: it searched every
// resource for each tier and every group for each resource. A plan made
// here, not from a file, so that the rendering is all that is timed.
plan::Plan tier_of(int resources) {
  plan::Plan p;
  p.stack = "s", p.region = "us-east-1";
  plan::Vpc vpc;
  vpc.name = "v", vpc.tag = "s-vpc-v", vpc.cidr = "10.0.0.0/16";
  vpc.tiers.push_back({"t", "vpc.v.t", "private", {}});
  p.vpcs.push_back(std::move(vpc));
  for (int i = 0; i < resources; ++i) {
    const std::string group = fmt::format("s-sg-asg-a{}", i);
    p.security_groups.push_back({group, fmt::format("asg.a{}", i), "v", {{model::Protocol::Tcp, 80, 80, "10.0.0.1/32", "", "10.0.0.1/32"}}, {}});
    plan::Entry e;
    e.tier = "vpc.v.t", e.security_group = group, e.heading = fmt::format("asg a{}", i);
    p.resources.push_back(std::move(e));
  }
  return p;
}

TEST_CASE("the plan text of a tier of many resources grows no faster than n log n", "[growth]") {
  const int base = 1000;
  const plan::Plan small_plan = tier_of(base), large_plan = tier_of(kGrowth * base);
  const double small = least_ms(3, [&] { CHECK(!plan::render_text(small_plan).empty()); });
  const double large = least_ms(2, [&] { CHECK(!plan::render_text(large_plan).empty()); });
  INFO(fmt::format("{:.1f} ms for {} resources, {:.1f} ms for {}", small, base, large, kGrowth * base));
  CHECK(large <= kMostRatio * std::max(small, kLeastMs));
  CHECK(large <= kMostMs);
}

}  // namespace
}  // namespace archc::bench
