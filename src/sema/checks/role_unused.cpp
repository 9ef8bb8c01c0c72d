// role-unused: a role that no asg or instance takes on grants its
// permissions to nothing.
#include <algorithm>
#include <vector>

#include "model/role.hpp"
#include "sema/checks/check.hpp"
#include "syntax/identifier.hpp"

namespace archc::checks {

void role_unused(const model::Model& m, Diagnostics& diags) {
  // A block that could not be read, or a `role` that could not be (a
  // misspelt name), may be the one that names the role.
  if (!m.all_placements_read ||
      std::any_of(m.resources.begin(), m.resources.end(), [](const auto& r) { return model::role_unresolved(*r); }))
    return;
  std::vector<bool> used(m.services.size());
  for (const auto& r : m.resources)
    if (const auto role = model::role_of(*r)) used[*role] = true;
  for (std::size_t i = 0; i < m.services.size(); ++i)
    if (!used[i] && dynamic_cast<const model::Role*>(m.services[i].get())) {
      auto& d = diags.report(Rule::RoleUnused, m.services[i]->range, "no asg or instance takes on role `{}`",
                             m.services[i]->name);
      // Only an identifier can be referred to.
      if (is_identifier(m.services[i]->name))
        d.notes.push_back({{}, fmt::format("set `role = role.{}` on the asg or instance that needs it",
                                           m.services[i]->name)});
    }
}

}  // namespace archc::checks
