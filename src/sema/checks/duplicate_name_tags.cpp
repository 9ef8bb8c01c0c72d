// The Name tags the source chooses (`name`, `igw_name`, `nat_names`) must
// differ: the console and the CLI find resources by them. archc's own tags
// (model/name_tag.hpp) are distinct by construction, so only these are
// compared. The error is at the later one, in source order, with a note at
// the earlier.
#include <algorithm>
#include <map>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "model/efs.hpp"
#include "model/instance.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

void duplicate_name_tags(const model::Model& m, Diagnostics& diags) {
  std::vector<const model::NameOverride*> names;
  for (const auto& vpc : m.vpcs) {
    if (vpc.igw_name) names.push_back(&*vpc.igw_name);
    for (const auto& n : vpc.nat_names) names.push_back(&n);
  }
  for (const model::Instance* instance : m.all<model::Instance>())
    if (instance->name_tag) names.push_back(&*instance->name_tag);
  for (const model::Efs* efs : m.all<model::Efs>())
    if (efs->name_tag) names.push_back(&*efs->name_tag);
  std::sort(names.begin(), names.end(), [](const model::NameOverride* a, const model::NameOverride* b) {
    return a->range.begin.offset < b->range.begin.offset;
  });
  std::map<std::string_view, const model::NameOverride*> first;
  for (const auto* n : names) {
    const auto [at, inserted] = first.emplace(n->value, n);
    if (inserted) continue;
    diags.report(Rule::DuplicateNameTag, n->range, "the Name tag `{}` is already given to another resource", n->value)
        .notes.push_back({at->second->range, "it is given here first"});
  }
}

}  // namespace archc::checks
