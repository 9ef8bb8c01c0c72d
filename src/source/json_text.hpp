// JSON as archc writes it: Terraform configurations and lint reports.
#pragma once

#include <string>
#include <string_view>

namespace archc {

// `dumped`, the text of a JSON document as nlohmann::json::dump writes it
// (C0 controls escaped, everything else raw), with every other hidden
// character (is_hidden: DEL, C1 controls, U+FEFF, U+2028 ...) written as a
// `\uXXXX` escape. A reader gets back the same string, but no tool on the
// way can take a U+FEFF for a byte order mark and drop it, a terminal
// cannot run a C1 control, and a reviewer sees what an invisible character
// would hide. Outside strings dumped JSON is ASCII, so only strings change.
std::string escape_hidden_in_json(std::string_view dumped);

}  // namespace archc
