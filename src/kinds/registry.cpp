// Defines all_kinds() (model/kind.hpp) from the registration list.
#include "kinds/kinds.hpp"

namespace archc::model {

std::span<const KindSpec* const> all_kinds() {
#define ARCHC_KIND_ENTRY(name) &kinds::name(),
  static const std::vector<const KindSpec*> kinds = {ARCHC_KINDS(ARCHC_KIND_ENTRY)};
#undef ARCHC_KIND_ENTRY
  return kinds;
}

}  // namespace archc::model
