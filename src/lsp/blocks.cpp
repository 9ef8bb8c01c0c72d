#include "lsp/blocks.hpp"

namespace archc::lsp {

namespace {

const model::KindSpec* kind_of(const ast::Block& b, const model::KindSpec* parent, bool top_level) {
  if (top_level) return model::find_top_level_kind(b.kind);
  return parent ? parent->nested_kind(b.kind) : nullptr;
}

bool walk(const std::vector<ast::BodyItem>& items, const model::KindSpec* parent, bool top_level,
          std::vector<BlockAt>& parents,
          const std::function<bool(const BlockAt&, const std::vector<BlockAt>&)>& visit) {
  for (const auto& item : items) {
    const auto* b = std::get_if<std::unique_ptr<ast::Block>>(&item);
    if (!b) continue;
    BlockAt at{b->get(), kind_of(**b, parent, top_level)};
    if (!visit(at, parents)) continue;
    parents.push_back(at);
    walk((*b)->items, at.kind, false, parents, visit);
    parents.pop_back();
  }
  return true;
}

bool body_holds(const ast::Block& b, std::uint32_t offset) {
  if (!b.open_brace.valid() || offset < b.open_brace.end.offset) return false;
  return !b.close_brace.valid() || offset <= b.close_brace.begin.offset;
}

}  // namespace

void for_each_block(const ast::File& file,
                    const std::function<bool(const BlockAt& at, const std::vector<BlockAt>& parents)>& visit) {
  std::vector<BlockAt> parents;
  walk(file.items, nullptr, true, parents, visit);
}

std::vector<BlockAt> blocks_at(const ast::File& file, std::uint32_t offset) {
  std::vector<BlockAt> out;
  const std::vector<ast::BodyItem>* items = &file.items;
  const model::KindSpec* parent = nullptr;
  bool top_level = true;
  while (true) {
    const ast::Block* inside = nullptr;
    for (const auto& item : *items) {
      const auto* b = std::get_if<std::unique_ptr<ast::Block>>(&item);
      if (b && body_holds(**b, offset)) inside = b->get();
    }
    if (!inside) return out;
    parent = kind_of(*inside, parent, top_level);
    out.push_back({inside, parent});
    items = &inside->items, top_level = false;
  }
}

}  // namespace archc::lsp
