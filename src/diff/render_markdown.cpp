#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "diff/render.hpp"

namespace archc::diff {

namespace {

// A value inside a table cell: on one line, `|` escaped so it cannot end
// the cell, in a code span that backticks inside cannot close (CommonMark:
// a longer run of backticks around it).
std::string code(bool present, const std::string& value, std::size_t from = 0) {
  if (!present) return "*none*";
  std::string text;
  for (const char c : one_line(value, from)) text += c == '|' ? std::string("\\|") : std::string(1, c);
  std::size_t run = 0, longest = 0;
  for (const char c : text) longest = std::max(longest, run = c == '`' ? run + 1 : 0);
  const std::string fence(longest + 1, '`');
  return fence + (longest ? " " + text + " " : text) + fence;
}

// `old` → `new`, or for a list what it gained and lost: added `a`, removed `b`.
std::string change(const PropertyChange& p) {
  if (!p.is_list || (p.added.empty() && p.removed.empty())) {
    const std::size_t from = first_difference(p.old_value, p.new_value);
    return fmt::format("{} → {}", code(p.old_present, p.old_value, from), code(p.new_present, p.new_value, from));
  }
  std::vector<std::string> parts;
  for (const auto* items : {&p.added, &p.removed}) {
    if (items->empty()) continue;
    std::vector<std::string> shown;
    for (const auto& item : *items) shown.push_back(code(true, item));
    parts.push_back(fmt::format("{} {}", items == &p.added ? "added" : "removed", fmt::join(shown, ", ")));
  }
  return fmt::format("{}", fmt::join(parts, "; "));
}

std::string details(const ResourceChange& r) {
  std::string out;
  if (!r.follows.empty()) out = fmt::format("{} refers to **{}**, which is replaced", r.follows_property, r.follows);
  for (const auto& p : r.properties) {
    if (!out.empty()) out += "<br>";
    out += fmt::format("{}: {}{}", p.name, change(p), p.replaces() ? " **(replaces)**" : "");
  }
  return out;
}

}  // namespace

std::string render_markdown(const Diff& d, std::string_view old_name, std::string_view new_name) {
  std::string out = fmt::format("**archc diff** `{}` → `{}`: {}\n", one_line(old_name), one_line(new_name), summary(d));
  if (d.empty()) return out;
  if (!d.security.empty()) {
    out += "\n### ⚠️ Security changes\n\n";
    for (const auto& c : d.security) out += fmt::format("- **{}**: {}\n", kind_name(c.kind), describe(c));
  }
  if (d.replacements()) {
    out += "\n### Replaced resources\n\n";
    for (const auto& r : d.resources)
      if (r.replaced())
        out += fmt::format("- **{}** (`{}`){}\n", r.id, r.type,
                           r.follows.empty() ? "" : fmt::format(", as its {} refers to {}", r.follows_property, r.follows));
  }
  if (!d.subnets.empty()) {
    out += "\n### Subnets moved\n\n| Subnet | Zone | Old CIDR | New CIDR | Onto the addresses of |\n|---|---|---|---|---|\n";
    for (const auto& s : d.subnets)
      out += fmt::format("| {} | {} | `{}` | `{}` | {} |\n", s.id, s.zone, s.old_cidr, s.new_cidr,
                         s.onto.empty() ? "" : "**" + s.onto + "** (a CIDR conflict while both exist)");
  }
  out += "\n### Resources\n\n| Change | Resource | Type | Properties |\n|---|---|---|---|\n";
  for (const auto& r : d.resources)
    out += fmt::format("| {} | {} | `{}` | {} |\n", r.replaced() ? "**replaced**" : kind_name(r.kind), r.id, r.type,
                       details(r));
  return out;
}

}  // namespace archc::diff
