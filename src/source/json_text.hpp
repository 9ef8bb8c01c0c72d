// JSON as archc writes it: Terraform configurations and lint reports.
#pragma once

#include <string>
#include <string_view>

namespace archc {

// Appends `s` to `out` as a JSON string, in quotes: `"` and `\` escaped,
// the C0 controls too (`\n`, `\t`, `\b`, `\f`, `\r`, else `\u0001`), and every
// other hidden character (is_hidden: DEL, C1 controls, U+FEFF, U+2028 ...)
// written as a `\uXXXX` escape (lowercase hex); any other character raw, as
// UTF-8. A reader gets back the same string, but no tool on the way can
// take a U+FEFF for a byte order mark and drop it, a terminal cannot run a
// C1 control, and a reviewer sees what an invisible character would hide.
// Bytes that are not UTF-8 (which a checked source cannot hold) become
// U+FFFD, one per maximal subpart (utf8_maximal_subpart).
void append_json_string(std::string& out, std::string_view s);

// `dumped`, the text of a JSON document as nlohmann::json::dump writes it
// (C0 controls escaped, everything else raw; error_handler_t::replace for
// bytes that are not UTF-8), with the other hidden
// characters escaped: the strings written as append_json_string writes
// them. Outside strings dumped JSON is ASCII, so only strings change.
std::string escape_hidden_in_json(std::string_view dumped);

}  // namespace archc
