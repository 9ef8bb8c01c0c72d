// What the text and Markdown renderers share: the summary, values on one
// line, and the sentence of a security change.
#include <fmt/format.h>

#include "diff/render.hpp"

namespace archc::diff {

namespace {

std::string counted(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

std::string summary(const Diff& d) {
  if (d.empty()) return "no changes";
  std::string out = fmt::format("{} added, {} removed, {} modified ({} replaced), {}, {}",
                                d.count(ResourceChange::Kind::Added), d.count(ResourceChange::Kind::Removed),
                                d.count(ResourceChange::Kind::Modified), d.replacements(),
                                counted(d.security.size(), "security change", "security changes"),
                                counted(d.subnets.size(), "subnet moved", "subnets moved"));
  return out;
}

std::string one_line(std::string_view value) {
  constexpr std::size_t kMax = 120;
  std::string out;
  for (const char ch : value) {
    if (out.size() >= kMax) return out + "...";
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7f) out += fmt::format("\\x{:02x}", c);
    else out += ch;
  }
  return out;
}

std::string describe(const SecurityChange& c) {
  const std::string ports = port_text(c.from_port, c.to_port);
  std::string what;
  switch (c.kind) {
    case SecurityChange::Kind::Internet: what = fmt::format("opened to the internet ({}) on {}", c.source, ports); break;
    case SecurityChange::Kind::WiderSource: what = fmt::format("source widened from {} to {} on {}", c.was, c.source, ports); break;
    case SecurityChange::Kind::WiderPorts: what = fmt::format("{} now reaches {} (was {})", c.source, ports, c.was); break;
    case SecurityChange::Kind::NewSource: what = fmt::format("newly reachable from {} on {}", c.source, ports); break;
  }
  if (c.public_subnet) what += ", a public subnet among it";
  return fmt::format("{}{} {} ({}; rule {})", c.database ? "database " : "", c.group, what, c.description, c.rule);
}

}  // namespace archc::diff
