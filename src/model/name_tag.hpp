// The Name tag archc gives every AWS resource it makes.
#pragma once

#include <string>
#include <string_view>

#include <fmt/format.h>

namespace archc {

// `<stack>-<kind>-<name>[-<zone letter>]`: stack `lab`, `rds`, `main` →
// `lab-rds-main`. Lowering writes it, `archc plan` shows it, and the
// tag-characters check reads it.
inline std::string name_tag(std::string_view stack, std::string_view kind, std::string_view name,
                            std::string_view zone = {}) {
  return fmt::format("{}-{}-{}{}{}", stack, kind, name, zone.empty() ? "" : "-", zone);
}

}  // namespace archc
