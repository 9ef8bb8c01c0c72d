// SVG from DOT by Graphviz's `dot` program, run as a child process.
#pragma once

#include <string>
#include <string_view>

namespace archc::graph {

struct SvgResult {
  std::string svg;    // what `dot -Tsvg` wrote, when error is empty
  std::string error;  // why there is no SVG, a sentence for `archc: error: ...`
};

// `dot`'s path: the first executable file named `dot` in a directory of
// PATH (an empty entry is the current directory); empty when there is none.
std::string find_dot();

// Runs `dot -Tsvg` with `dot_text` on its standard input and returns its
// standard output. Errors (in `error`, `svg` then empty):
// - no `dot` on PATH: "--format svg needs Graphviz's dot program, which is
//   not on PATH (Debian: apt-get install graphviz)";
// - it could not be started, or ended with a status other than 0 or by a
//   signal: "dot failed (exit N): " or "dot failed (signal N): " and the
//   first line of what it wrote to stderr (control characters escaped).
SvgResult render_svg(std::string_view dot_text);

}  // namespace archc::graph
