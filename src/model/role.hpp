// An IAM role that EC2 instances take on through an instance profile
// (kinds/role.cpp declares the `role` block). Its permissions come from
// what it is granted, never from hand-written policy JSON.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "model/model.hpp"

namespace archc::model {

struct Role : Block {
  // The secrets it may read (GetSecretValue, DescribeSecret), each by its
  // ARN: indexes into Model::services, each a model::Secret.
  std::vector<std::size_t> read_secrets;
  SourceRange read_secrets_range;  // of the list, when written
  // AWS's managed policy AmazonSSMManagedInstanceCore: Session Manager
  // instead of SSH, and the SSM agent's registration.
  bool session_manager = false;
};

// The role resource `r` takes on, an index into Model::services: an asg's
// or instance's `role`; none for any other kind.
std::optional<std::size_t> role_of(const Resource& r);
// Whether `r` names a role that could not be resolved (reported).
bool role_unresolved(const Resource& r);

}  // namespace archc::model
