// archc_bench: times each phase of the compiler over inputs of growing size
// and prints the median of several runs. Not a test: it asserts nothing
// about time. See docs/performance.md.
//
//   archc_bench [--repeat N] [--input NAME]   time every input, or only NAME
//                                              (default 7 runs each)
//   archc_bench --write DIR                    write the generated inputs to DIR, for run.sh
//   archc_bench --growth [NAME]                how the time of every phase together grows
//                                              with hostile inputs (growth.hpp), or NAME's
//   archc_bench --lsp [--repeat N]             archc lsp: from an edit of a 5,000-line file
//                                              to its publishDiagnostics, written
#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "driver/compilation.hpp"
#include "emit/cloudformation.hpp"
#include "emit/terraform.hpp"
#include "generate.hpp"
#include "growth.hpp"
#include "pipeline.hpp"
#include "lower/lower.hpp"
#include "lsp/document.hpp"
#include "lsp/protocol.hpp"
#include "sema/build_model.hpp"
#include "sema/checks.hpp"
#include "syntax/parser.hpp"

namespace archc::bench {

namespace {

struct Input {
  std::string name;
  std::string text;
};

std::vector<Input> inputs() {
  std::string error;
  auto sample = read_file(ARCHC_SOURCE_DIR "/samples/lab-vpc.arch", error);
  if (!sample) throw std::runtime_error(error);
  return {{"lab-vpc.arch", std::move(*sample)},
          {"lab-x10.arch", lab_copies(10)},
          {"lab-x100.arch", lab_copies(100)},
          {"subnets-100k.arch", wide_subnets(1000, 50)}};
}

// The phases in pipeline order. Checks are part of the model phase and
// also shown on their own, since they have a target of their own; so is the
// front end (parse and model: what an editor re-runs on every keystroke).
enum Phase { kParse, kModel, kChecks, kFrontEnd, kLower, kCloudFormation, kTerraform, kTotal, kPhases };
constexpr const char* kPhaseNames[kPhases] = {"parse", "model", "  of which checks", "front end", "lower",
                                              "cloudformation", "terraform", "total"};

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Run {
  double ms[kPhases] = {};
  std::size_t resources = 0, warnings = 0, cloudformation_bytes = 0, terraform_bytes = 0;
};

// One pass through the pipeline, the way compile_text and `archc build` go,
// with a clock around each phase. Exits on an error diagnostic: the inputs
// are meant to be valid, and timing a failed build would mean nothing.
Run run_once(const Input& in) {
  Run r;
  std::string text = in.text;  // the copy is the file read, not timed
  Diagnostics diags;

  auto start = Clock::now();
  const SourceFile source(in.name, std::move(text));
  if (auto bad = check_encoding(source.text())) diags.report(Rule::Encoding, source.range(bad->offset, bad->offset + 1), bad->message);
  const ast::File syntax = parse_file(source, diags);
  r.ms[kParse] = ms_since(start);

  if (!diags.has_errors()) {
    start = Clock::now();
    SymbolIndex symbols;
    const model::Model model = build_model(syntax, source, diags, symbols);
    const auto checks_start = Clock::now();
    if (!diags.has_errors()) run_checks(model, diags);
    diags.sort();
    r.ms[kChecks] = ms_since(checks_start);
    r.ms[kModel] = ms_since(start);

    if (!diags.has_errors()) {
      start = Clock::now();
      const aws::Stack stack = lower(model);
      r.ms[kLower] = ms_since(start);
      r.resources = stack.resources.size();

      start = Clock::now();
      r.cloudformation_bytes = emit_cloudformation(stack).size();
      r.ms[kCloudFormation] = ms_since(start);

      start = Clock::now();
      r.terraform_bytes = emit_terraform(stack).size();
      r.ms[kTerraform] = ms_since(start);
    }
  }
  if (diags.has_errors()) {
    for (const auto& d : diags.all()) std::cerr << render_text(d, false) << '\n';
    std::cerr << fmt::format("archc_bench: {} does not compile; the generator is wrong or archc is\n", in.name);
    std::exit(1);
  }
  r.warnings = diags.all().size();
  r.ms[kFrontEnd] = r.ms[kParse] + r.ms[kModel];
  for (int p = 0; p < kTotal; ++p)
    if (p != kChecks && p != kFrontEnd) r.ms[kTotal] += r.ms[p];
  return r;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

void report(const Input& in, const std::vector<Run>& runs) {
  const Run& first = runs.front();
  const double mb = static_cast<double>(in.text.size()) / 1e6;
  fmt::print("\n{}: {:.3f} MB in, {} resources out, {} warnings; CloudFormation {:.2f} MB, Terraform {:.2f} MB; "
             "median of {} runs\n",
             in.name, mb, first.resources, first.warnings, static_cast<double>(first.cloudformation_bytes) / 1e6,
             static_cast<double>(first.terraform_bytes) / 1e6, runs.size());
  fmt::print("  {:<18} {:>10} {:>10} {:>14}\n", "phase", "ms", "MB/s", "resources/s");
  for (int p = 0; p < kPhases; ++p) {
    std::vector<double> ms;
    for (const auto& r : runs) ms.push_back(r.ms[p]);
    const double t = median(ms);
    const double s = t / 1e3;
    fmt::print("  {:<18} {:>10.3f} {:>10.1f} {:>14.0f}\n", kPhaseNames[p], t, s > 0 ? mb / s : 0.0,
               s > 0 ? static_cast<double>(first.resources) / s : 0.0);
  }
}

int write_inputs(const std::string& dir) {
  for (const auto& in : inputs()) {
    const std::string path = dir + "/" + in.name;
    std::ofstream out(path, std::ios::binary);
    out << in.text;
    if (!out.flush()) {
      std::cerr << "archc_bench: cannot write " << path << '\n';
      return 2;
    }
  }
  return 0;
}

int usage() {
  std::cerr << "usage: archc_bench [--repeat N] [--input NAME] | archc_bench --write DIR | "
               "archc_bench --growth [NAME] | archc_bench --lsp [--repeat N]\n";
  return 2;
}

// Each growth case at n, 2n, ... 64n: the processor time of each stage of
// run_pipeline (the least of three runs) and the exponent of the growth of
// the stage the case is about from the size before (1 is linear, 2
// quadratic).
int run_growth(const std::string& only) {
  bool found = false;
  for (const auto& c : growth_cases()) {
    if (!only.empty() && only != c.name) continue;
    found = true;
    const int watched = static_cast<int>(c.stage);
    fmt::print("\n{}: {}; the {} grew too fast\n  {:>8} {:>10}", c.name, c.what, kStageNames[watched], "n",
               "bytes");
    for (const char* stage : kStageNames) fmt::print(" {:>10}", stage);
    fmt::print(" {:>9}\n", "exponent");
    double previous = 0;
    for (int n = c.base; n <= 64 * c.base; n *= 2) {
      const std::string text = c.make(n);
      StageTimes best;
      for (int run = 0; run < 3; ++run) {
        StageTimes t;
        run_pipeline(std::string(c.name) + ".arch", text, c.error_limit, &t);
        for (int s = 0; s < kStages; ++s) best.ms[s] = run == 0 ? t.ms[s] : std::min(best.ms[s], t.ms[s]);
      }
      fmt::print("  {:>8} {:>10}", n, text.size());
      for (double ms : best.ms) fmt::print(" {:>10.1f}", ms);
      const double now = best.ms[watched];
      fmt::print(" {:>9}\n", previous > 0 && now > 0 ? fmt::format("{:.2f}", std::log2(now / previous)) : "");
      previous = now;
    }
  }
  return found ? 0 : usage();
}

}  // namespace

// What `archc lsp` does between a didChange and its publishDiagnostics, in
// a file of about 5,000 lines (the lab sample copied): apply one incremental
// edit (a digit of a CIDR in the middle of the file, changed and changed
// back, so every other run checks the same text), compile, convert the
// diagnostics and write the notification's JSON. The median of `repeat`
// runs, after one run that warms the caches, in wall-clock time and in
// processor time (which a machine shared with other work inflates less).
int run_lsp(int repeat) {
  const std::string text = lab_copies(95);
  lsp::Document doc("file:///bench.arch", 1, text);
  const auto lines = static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n'));
  const std::size_t middle = text.find("10.", text.size() / 2);
  const auto line = static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(middle), '\n'));
  const auto character = static_cast<std::uint32_t>(middle - text.rfind('\n', middle) - 1);
  const lsp::Range digit{{line, character + 1}, {line, character + 2}};
  std::vector<double> ms, cpu_ms;
  std::size_t bytes = 0, diagnostics = 0;
  for (int i = 0; i <= repeat; ++i) {
    const auto start = Clock::now();
    const std::clock_t cpu_start = std::clock();
    doc.apply_change(digit, i % 2 ? "0" : "1", lsp::PositionEncoding::Utf16);
    const lsp::json params = lsp::diagnostics(lsp::Context{doc, lsp::PositionEncoding::Utf16, "rules.md"});
    bytes = params.dump().size();
    diagnostics = params["diagnostics"].size();
    if (i == 0) continue;
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    cpu_ms.push_back(1e3 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);
  }
  fmt::print("archc lsp: {} lines, {:.3f} MB; an edit to its publishDiagnostics ({} diagnostics, {} bytes): "
             "{:.3f} ms ({:.3f} ms of processor time), median of {} runs\n",
             lines, static_cast<double>(text.size()) / 1e6, diagnostics, bytes, median(ms), median(cpu_ms), ms.size());
  return 0;
}

int run_bench(int argc, char** argv) {
  int repeat = 7;
  std::string only;
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 2 && args[0] == "--write") return write_inputs(args[1]);
  if (!args.empty() && args[0] == "--lsp")
    return args.size() == 1 ? run_lsp(21) : args.size() == 3 && args[1] == "--repeat" ? run_lsp(std::atoi(args[2].c_str())) : usage();
  if (!args.empty() && args.size() <= 2 && args[0] == "--growth") return run_growth(args.size() == 2 ? args[1] : "");
  for (std::size_t i = 0; i < args.size(); i += 2) {
    if (i + 1 == args.size()) return usage();
    if (args[i] == "--repeat") repeat = std::atoi(args[i + 1].c_str());
    else if (args[i] == "--input") only = args[i + 1];
    else return usage();
  }
  if (repeat < 1) return usage();

  for (const auto& in : inputs()) {
    if (!only.empty() && in.name != only) continue;
    std::vector<Run> runs;
    for (int i = 0; i < repeat; ++i) runs.push_back(run_once(in));
    report(in, runs);
  }
  return 0;
}

}  // namespace archc::bench

int main(int argc, char** argv) { return archc::bench::run_bench(argc, argv); }
