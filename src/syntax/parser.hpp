#pragma once

#include "source/diagnostic.hpp"
#include "syntax/ast.hpp"

namespace archc {

// Deepest nesting of blocks and expressions accepted: hostile input gets a
// diagnostic instead of exhausting the stack.
inline constexpr std::size_t kMaxNesting = 64;

// Parses a whole file. A syntax error is reported and parsing resumes at the
// next top-level block, so errors in one block do not hide the others; the
// returned tree holds every item that parsed.
ast::File parse_file(const SourceFile& file, Diagnostics& diags);

}  // namespace archc
