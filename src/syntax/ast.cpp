#include "syntax/ast.hpp"

#include <algorithm>

namespace archc::ast {

const Token* File::token_at(std::uint32_t offset) const {
  // The first token that ends after `offset`; it holds the offset unless the
  // offset lies in the blanks before it.
  auto it = std::upper_bound(tokens.begin(), tokens.end(), offset,
                             [](std::uint32_t o, const Token& t) { return o < t.range.end.offset; });
  return it != tokens.end() && it->range.begin.offset <= offset ? &*it : nullptr;
}

}  // namespace archc::ast
