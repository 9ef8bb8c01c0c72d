#include "model/role.hpp"

#include "model/asg.hpp"
#include "model/instance.hpp"

namespace archc::model {

std::optional<std::size_t> role_of(const Resource& r) {
  if (const auto* asg = dynamic_cast<const Asg*>(&r)) return asg->role;
  if (const auto* instance = dynamic_cast<const Instance*>(&r)) return instance->role;
  return std::nullopt;
}

bool role_unresolved(const Resource& r) {
  if (const auto* asg = dynamic_cast<const Asg*>(&r)) return asg->role_range.valid() && !asg->role;
  if (const auto* instance = dynamic_cast<const Instance*>(&r)) return instance->role_range.valid() && !instance->role;
  return false;
}

}  // namespace archc::model
