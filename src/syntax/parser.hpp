#pragma once

#include "source/diagnostic.hpp"
#include "syntax/ast.hpp"

namespace archc {

// Deepest nesting of blocks and expressions accepted: hostile input gets a
// diagnostic instead of exhausting the stack.
inline constexpr std::size_t kMaxNesting = 64;

// Parses a whole file into its tree, tokens and comments. Each syntax error
// is reported to `diags` (rule `syntax`) and its item becomes an
// ast::ErrorItem; parsing resumes at the next item of the same block, so the
// returned tree holds every other item of the file. Ranges in the tree point
// into `file`, which must outlive it.
ast::File parse_file(const SourceFile& file, Diagnostics& diags);

}  // namespace archc
