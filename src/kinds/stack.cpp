// `stack`: the deployment as a whole (at most one per file). Read by sema
// itself (sema/build_model.cpp): every other block depends on its region.
#include "kinds/kinds.hpp"

namespace archc::kinds {

using model::AttributeSpec;
using model::ValueType;

const model::KindSpec& stack() {
  static const model::KindSpec kind{
      .keyword = "stack",
      .doc = "The deployment: its name (used in every Name tag), region and tags. At most one per file.",
      .labels = model::Labels::OptionalOne,
      .attributes =
          {
              AttributeSpec{.name = "region",
                            .default_value = "`us-east-1`",
                            .catalog = model::Catalog::Regions,
                            .doc = "an AWS commercial region (stdlib/regions.json)"},
              AttributeSpec{.name = "tags",
                            .type = ValueType::StringMap,
                            .doc = "added to every taggable resource; `Name` is reserved"},
          },
  };
  return kind;
}

}  // namespace archc::kinds
