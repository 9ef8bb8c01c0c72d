// A Secrets Manager secret (kinds/secret.cpp declares the `secret` block):
// one archc has Secrets Manager generate, or the master secret RDS manages
// for a database of the file. Its value never appears in the source, the
// stack or any output.
#pragma once

#include <cstddef>
#include <optional>

#include "model/model.hpp"

namespace archc::model {

struct Secret : Block {
  // The rds whose master user secret this is (index into Model::resources);
  // absent: a secret generated with the options below.
  std::optional<std::size_t> rds;
  int length = 32;  // characters of the generated value, 8-4096
  bool punctuation = true;  // whether the value may hold punctuation
};

}  // namespace archc::model
