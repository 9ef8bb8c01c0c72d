// One .arch file through the front end: load, parse, build the model, run
// the checks. Layers above (commands, tests, benchmarks) start here.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "model/model.hpp"
#include "sema/suppression.hpp"
#include "sema/symbol_index.hpp"
#include "source/diagnostic.hpp"
#include "syntax/ast.hpp"

namespace archc {

struct Compilation {
  // It points into itself (diags asks silencer, which reads syntax and
  // suppressions): it stays where compile_text made it.
  Compilation() = default;
  Compilation(const Compilation&) = delete;
  Compilation& operator=(const Compilation&) = delete;

  std::unique_ptr<SourceFile> source;
  ast::File syntax;
  model::Model model;
  SymbolIndex symbols;
  // The file's `# archc:ignore` comments, and which of them silenced a
  // warning as it was reported (set once the file is parsed).
  std::vector<Suppression> suppressions;
  std::optional<Silencer> silencer;
  // The level of each rule in this run, which diags gives each diagnostic.
  RuleLevels levels;
  Diagnostics diags;
  // No error before the checks: they saw the whole file, so a warning they
  // did not give is one the file does not have.
  bool complete = false;

  // True when the model is complete and may be lowered.
  bool ok() const { return !diags.has_errors(); }
};

// Reads a file; nullopt with `error` set when it cannot be read at all (an
// I/O error, exit status 2). Encoding and size problems are diagnostics:
// at most SourceFile::kMaxBytes + 1 bytes are read, so an endless input
// (/dev/zero) ends.
std::optional<std::string> read_file(const std::string& path, std::string& error);
// The same for an open descriptor (standard input: 0), which stays open;
// `name` is the input's name in `error`. A non-blocking descriptor is
// waited on (poll) until it has more, or ends.
std::optional<std::string> read_descriptor(int fd, const std::string& name, std::string& error);

// How many errors of a file are kept and shown, and how many warnings,
// unless the command line says otherwise (--error-limit).
inline constexpr std::size_t kDefaultErrorLimit = 100;

// Runs the front end over text already in memory. Every error and warning is
// counted, but only the first `error_limit` errors found, and as many
// warnings, are kept (0: all; see Diagnostics). A warning that an
// `# archc:ignore` comment silences is counted as suppressed, not kept.
// `levels` turns warning rules off or makes them errors (docs/cli.md, "Rule
// levels"); by default every rule is as rules.def declares it.
std::unique_ptr<Compilation> compile_text(std::string path, std::string text,
                                          std::size_t error_limit = kDefaultErrorLimit, const RuleLevels& levels = {});

}  // namespace archc
