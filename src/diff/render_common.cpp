// What the text and Markdown renderers share: the summary, values on one
// line, and the sentence of a security change.
#include <algorithm>

#include <fmt/format.h>

#include "diff/render.hpp"
#include "source/line_echo.hpp"

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

std::string one_line(std::string_view value, std::size_t from) {
  constexpr std::size_t kMax = 120, kBefore = 40;
  // Cuts fall on the first byte of a UTF-8 character (not 10xxxxxx).
  const auto character_start = [&](std::size_t at) {
    while (at > 0 && at < value.size() && (static_cast<unsigned char>(value[at]) & 0xC0) == 0x80) --at;
    return std::min(at, value.size());
  };
  const std::size_t begin = character_start(from > kBefore ? from - kBefore : 0);
  const std::size_t end = value.size() - begin > kMax ? character_start(begin + kMax) : value.size();
  std::string raw;
  for (const char ch : value.substr(begin, end - begin)) raw += ch == '\n' ? "\\n" : ch == '\t' ? "\\t" : std::string(1, ch);
  return (begin > 0 ? "..." : "") + printable(raw) + (end < value.size() ? "..." : "");
}

std::size_t first_difference(std::string_view a, std::string_view b) {
  return static_cast<std::size_t>(std::mismatch(a.begin(), a.begin() + std::min(a.size(), b.size()), b.begin()).first -
                                  a.begin());
}

std::string describe(const SecurityChange& c) {
  const std::string ports = port_text(c.protocol, c.from_port, c.to_port);
  std::string what;
  switch (c.kind) {
    case SecurityChange::Kind::Internet: what = fmt::format("opened to the internet ({}) on {}", c.source, ports); break;
    case SecurityChange::Kind::WiderSource: what = fmt::format("source widened from {} to {} on {}", c.was, c.source, ports); break;
    case SecurityChange::Kind::WiderPorts: what = fmt::format("{} now reaches {} (was {})", c.source, ports, c.was); break;
    case SecurityChange::Kind::NewSource: what = fmt::format("newly reachable from {} on {}", c.source, ports); break;
    case SecurityChange::Kind::NaclOpened:
      what = fmt::format("lets {} in on {} that it stopped before ({})", c.source, ports, c.was);
      break;
  }
  if (c.public_subnet) what += ", a public subnet among it";
  return fmt::format("{}{} {} ({}; rule {})", c.database ? "database " : "", c.group, what, printable(c.description),
                     c.rule);
}

}  // namespace archc::diff
