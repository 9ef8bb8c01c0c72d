#include "model/kind.hpp"

#include <algorithm>

namespace archc::model {

const AttributeSpec* KindSpec::attribute(std::string_view name) const {
  for (const auto& a : attributes)
    if (a.name == name) return &a;
  return nullptr;
}

std::vector<std::string> KindSpec::attribute_names() const {
  std::vector<std::string> out;
  for (const auto& a : attributes) out.emplace_back(a.name);
  return out;
}

const KindSpec* KindSpec::nested_kind(std::string_view word) const {
  for (const auto* k : nested)
    if (k->keyword == word) return k;
  return nullptr;
}

const KindSpec* find_top_level_kind(std::string_view keyword) {
  for (const auto* k : all_kinds())
    if (k->top_level && k->keyword == keyword) return k;
  return nullptr;
}

std::vector<std::string> top_level_keywords() {
  std::vector<std::string> out;
  for (const auto* k : all_kinds())
    if (k->top_level) out.emplace_back(k->keyword);
  return out;
}

}  // namespace archc::model
