#include "sema/symbol_index.hpp"

#include <algorithm>

namespace archc {

namespace {

bool contains(const SourceRange& r, std::uint32_t offset) {
  return r.valid() && r.begin.offset <= offset && offset < r.end.offset;
}

// The last element of a vector sorted by `begin(x)` that starts at or
// before `offset`, as an index; nullopt when none does.
template <typename T, typename Begin>
std::optional<std::size_t> last_starting_by(const std::vector<T>& sorted, std::uint32_t offset, Begin begin) {
  auto it = std::upper_bound(sorted.begin(), sorted.end(), offset,
                             [&](std::uint32_t o, const T& x) { return o < begin(x); });
  if (it == sorted.begin()) return std::nullopt;
  return static_cast<std::size_t>(it - sorted.begin()) - 1;
}

}  // namespace

std::size_t SymbolIndex::declare(SymbolDeclaration d) {
  declarations_.push_back(std::move(d));
  return declarations_.size() - 1;
}

void SymbolIndex::use(SourceRange range, std::size_t declaration) { uses_.push_back({range, declaration}); }

void SymbolIndex::attribute(AttributeSite site) { attributes_.push_back(site); }

void SymbolIndex::finish() {
  std::stable_sort(uses_.begin(), uses_.end(),
                   [](const SymbolUse& a, const SymbolUse& b) { return a.range.begin.offset < b.range.begin.offset; });
  uses_.erase(std::unique(uses_.begin(), uses_.end(),
                          [](const SymbolUse& a, const SymbolUse& b) {
                            return a.range.begin.offset == b.range.begin.offset && a.declaration == b.declaration;
                          }),
              uses_.end());
  std::stable_sort(attributes_.begin(), attributes_.end(), [](const AttributeSite& a, const AttributeSite& b) {
    return a.name_range.begin.offset < b.name_range.begin.offset;
  });
  declarations_by_offset_.resize(declarations_.size());
  for (std::size_t i = 0; i < declarations_.size(); ++i) declarations_by_offset_[i] = i;
  std::stable_sort(declarations_by_offset_.begin(), declarations_by_offset_.end(), [&](std::size_t a, std::size_t b) {
    return declarations_[a].range.begin.offset < declarations_[b].range.begin.offset;
  });
}

std::optional<SymbolIndex::Hit> SymbolIndex::at(std::uint32_t offset) const {
  // Names, uses and attribute names never overlap one another, and a value
  // holds uses: so the most precise hit is a name or a use, then a value.
  if (auto i = last_starting_by(declarations_by_offset_, offset,
                                [&](std::size_t d) { return declarations_[d].range.begin.offset; })) {
    const SymbolDeclaration& d = declarations_[declarations_by_offset_[*i]];
    if (contains(d.range, offset)) return Hit{Hit::What::Declaration, &d, nullptr, d.range};
  }
  if (auto i = last_starting_by(uses_, offset, [](const SymbolUse& u) { return u.range.begin.offset; })) {
    const SymbolUse& u = uses_[*i];
    if (contains(u.range, offset)) return Hit{Hit::What::Reference, &declarations_[u.declaration], nullptr, u.range};
  }
  if (auto i = last_starting_by(attributes_, offset, [](const AttributeSite& a) { return a.name_range.begin.offset; })) {
    const AttributeSite& a = attributes_[*i];
    if (contains(a.name_range, offset)) return Hit{Hit::What::Attribute, nullptr, &a, a.name_range};
    if (contains(a.value_range, offset)) return Hit{Hit::What::Value, nullptr, &a, a.value_range};
  }
  return std::nullopt;
}

std::optional<SymbolIndex::Hit> SymbolIndex::at(const SourceFile& file, std::uint32_t line,
                                                std::uint32_t column) const {
  auto offset = file.offset_at(line, column);
  if (!offset) return std::nullopt;
  return at(*offset);
}

std::vector<SourceRange> SymbolIndex::references_to(std::size_t declaration) const {
  std::vector<SourceRange> out;
  for (const auto& u : uses_)
    if (u.declaration == declaration) out.push_back(u.range);
  return out;
}

}  // namespace archc
