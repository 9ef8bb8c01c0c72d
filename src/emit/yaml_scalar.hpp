#pragma once

#include <string>

namespace YAML {
class Emitter;
}

namespace archc {

// Writes a string so every YAML reader reads it back as that string:
// quoted when YAML 1.1 would take it for a bool, null or number (`yes`,
// `on`, `012`, `1e3`), as a literal block when it spans lines.
void emit_string(YAML::Emitter& y, const std::string& s);
bool yaml11_needs_quotes(const std::string& s);

}  // namespace archc
