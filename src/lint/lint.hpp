// `archc lint`: a file's diagnostics after its `# archc:ignore` comments,
// ready for one of the output formats (lint/format_*.cpp).
#pragma once

#include <string>
#include <vector>

#include "driver/compilation.hpp"

namespace archc::lint {

struct LintedFile {
  std::string path;
  // What the compilation kept (after suppression), plus unused-suppression
  // warnings; sorted. Every warning kept (but unused-suppression) carries
  // the fix-it that would suppress it, after any fix-it that corrects it.
  // Errors and warnings over the compilation's limit are counted in it, not
  // kept, and so are the suppressed warnings (Diagnostics::suppressed).
  Diagnostics diags;
};

// The compilation must outlive the result: diagnostics point into its source.
LintedFile lint_compilation(const Compilation& c);

}  // namespace archc::lint
