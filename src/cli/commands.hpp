// The subcommands of archc. Each add_*_command registers its options on the
// app and returns the function that runs it once parsed.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "driver/compilation.hpp"

namespace CLI {
class App;
}

namespace archc::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitDiagnostics = 1;
inline constexpr int kExitUsage = 2;

using Command = std::function<int()>;
struct Registered {
  CLI::App* app;
  Command run;
};

Registered add_build_command(CLI::App& app);
Registered add_check_command(CLI::App& app);
Registered add_lint_command(CLI::App& app);
Registered add_plan_command(CLI::App& app);

// Reads and compiles a file; prints an I/O error and returns null when it
// cannot be read.
std::unique_ptr<Compilation> load(const std::string& path);
// Colour only for a terminal, and only when NO_COLOR is unset.
bool wants_color(int fd);
// Prints a file's diagnostics, less those its suppression comments silence,
// as text to stderr, then a summary line; returns the number of errors.
std::size_t report(const Compilation& c);

}  // namespace archc::cli
