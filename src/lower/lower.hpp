#pragma once

#include "lower/aws_resources.hpp"
#include "model/model.hpp"

namespace archc {

// LANGUAGE.md §5: what each block becomes. Expects a model without errors.
aws::Stack lower(const model::Model& m);

}  // namespace archc
