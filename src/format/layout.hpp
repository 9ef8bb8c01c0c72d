// The layout rules of `archc fmt` over a parsed file (format.hpp is the
// entry point; docs/fmt.md the rules).
#pragma once

#include <string>
#include <string_view>

#include "syntax/ast.hpp"

namespace archc::format {

// The canonical text of `tree`, which has no syntax error: its tokens in
// order, with the blanks between them laid out anew, lines ended by
// `line_end`. Linear in the size of the file, but for sorting the strings
// that hold interpolations.
std::string lay_out(const ast::File& tree, std::string_view line_end);

}  // namespace archc::format
