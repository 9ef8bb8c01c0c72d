// The blocks of a syntax tree with the kind each one is (top-level kinds by
// keyword, nested ones by their parent's declaration): what the outline,
// completion, hover and semantic tokens walk.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "model/kind.hpp"
#include "syntax/ast.hpp"

namespace archc::lsp {

struct BlockAt {
  const ast::Block* block = nullptr;
  const model::KindSpec* kind = nullptr;  // nullptr for a kind archc does not know
};

// Calls `visit` for every block, parents before children; `visit` returns
// whether to enter the block's body.
void for_each_block(const ast::File& file,
                    const std::function<bool(const BlockAt& at, const std::vector<BlockAt>& parents)>& visit);

// The blocks whose body (between its braces, or to the end of the file when
// it is not closed) holds byte `offset`, outermost first; empty at the top
// level. O(depth × items on the way).
std::vector<BlockAt> blocks_at(const ast::File& file, std::uint32_t offset);

}  // namespace archc::lsp
