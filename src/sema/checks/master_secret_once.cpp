// An rds has one master user secret, which RDS makes: two `secret` blocks
// naming it would be two names, and two outputs, for one secret.
#include <map>

#include <fmt/format.h>

#include "model/secret.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

void master_secret_once(const model::Model& m, Diagnostics& diags) {
  std::map<std::size_t, const model::Secret*> first;  // rds → the first secret naming it
  for (const model::Secret* secret : m.all<model::Secret>()) {
    if (!secret->rds) continue;
    const auto [it, added] = first.try_emplace(*secret->rds, secret);
    if (added) continue;
    diags
        .report(Rule::InvalidValue, secret->range, "rds `{}` has one master user secret, already secret `{}`",
                m.resources[*secret->rds]->name, it->second->name)
        .notes.push_back({it->second->range, fmt::format("secret `{}` names it here", it->second->name)});
  }
}

}  // namespace archc::checks
