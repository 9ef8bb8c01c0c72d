// Defines all_kinds() (model/kind.hpp) from the registration list.
#include "kinds/kinds.hpp"

namespace archc::kinds {

model::AttributeSpec egress_attribute() {
  return {.name = "egress",
          .default_value = "`\"all\"`",
          .allowed = {"all", "chain"},
          .extension = true,
          .doc = "what its security group sends: `all` (AWS's default) or `chain`, only what the chain edges from "
                 "it open"};
}

model::AttributeSpec name_attribute() {
  return {.name = "name",
          .default_value = "`<stack>-<kind>-<name>`",
          .extension = true,
          .doc = "its Name tag, when the one archc derives will not do; unique in the stack"};
}

}  // namespace archc::kinds

namespace archc::model {

std::span<const KindSpec* const> all_kinds() {
#define ARCHC_KIND_ENTRY(name) &kinds::name(),
  static const std::vector<const KindSpec*> kinds = {ARCHC_KINDS(ARCHC_KIND_ENTRY)};
#undef ARCHC_KIND_ENTRY
  return kinds;
}

}  // namespace archc::model
