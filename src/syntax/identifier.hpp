// What an identifier is (LANGUAGE.md §1: `[A-Za-z_][A-Za-z0-9_-]*`, a `-`
// never followed by `>`, which would start an edge's arrow): the names a
// reference can spell.
#pragma once

#include <string_view>

namespace archc {

bool is_identifier(std::string_view s);

}  // namespace archc
