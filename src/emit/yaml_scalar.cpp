#include "emit/yaml_scalar.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include <yaml-cpp/yaml.h>

namespace archc {

bool yaml11_needs_quotes(const std::string& s) {
  static constexpr std::array<std::string_view, 26> kWords = {
      "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
      "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL", "~"};
  if (s.empty() || std::find(kWords.begin(), kWords.end(), s) != kWords.end()) return true;
  // Anything shaped like a YAML 1.1 number, timestamp or sexagesimal: ints
  // in any base, floats, .inf/.nan, 1:20, 2001-12-14.
  const char c = s.front();
  if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
    return std::all_of(s.begin(), s.end(), [](char ch) {
      return std::string_view("0123456789abcdefABCDEFxXoO_.:+-infINFNa").find(ch) != std::string_view::npos;
    });
  }
  return false;
}

void emit_string(YAML::Emitter& y, const std::string& s) {
  // A literal block reads back exactly only in its plain form: one final
  // line end, no leading blank, no carriage returns; else quote and escape.
  const bool multiline = s.find('\n') != std::string::npos;
  const bool literal_safe = multiline && s.back() == '\n' && (s.size() < 2 || s[s.size() - 2] != '\n') &&
                            s.front() != ' ' && s.front() != '\t' && s.find('\r') == std::string::npos;
  if (literal_safe) y << YAML::Literal << s;
  else if (multiline) y << YAML::DoubleQuoted << s;
  else if (yaml11_needs_quotes(s)) y << YAML::DoubleQuoted << s;
  else y << s;
}

}  // namespace archc
