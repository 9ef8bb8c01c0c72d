#include <vector>

#include <fmt/format.h>

#include "diff/render.hpp"
#include "source/line_echo.hpp"

namespace archc::diff {

namespace {

char sign(ResourceChange::Kind kind) {
  switch (kind) {
    case ResourceChange::Kind::Added: return '+';
    case ResourceChange::Kind::Removed: return '-';
    case ResourceChange::Kind::Modified: return '~';
  }
  return '~';
}

std::string side(bool present, const std::string& value, std::size_t from) {
  return present ? one_line(value, from) : "(none)";
}

// `old -> new`, or for a list what it gained and lost: `+[a] -[b]`; a list
// only reordered shows both lists.
std::string change(const PropertyChange& p) {
  if (!p.is_list || (p.added.empty() && p.removed.empty())) {
    const std::size_t from = first_difference(p.old_value, p.new_value);
    return fmt::format("{} -> {}", side(p.old_present, p.old_value, from), side(p.new_present, p.new_value, from));
  }
  std::vector<std::string> parts;
  for (const auto* items : {&p.added, &p.removed}) {
    if (items->empty()) continue;
    std::vector<std::string> shown;
    for (const auto& item : *items) shown.push_back(one_line(item));
    parts.push_back(fmt::format("{}[{}]", items == &p.added ? '+' : '-', fmt::join(shown, ", ")));
  }
  return fmt::format("{}", fmt::join(parts, " "));
}

}  // namespace

std::string render_text(const Diff& d, std::string_view old_name, std::string_view new_name) {
  std::string out = fmt::format("archc diff {} -> {}: {}\n", printable(old_name), printable(new_name), summary(d));
  if (d.empty()) return out;
  out += "\nResources:\n";
  for (const auto& r : d.resources) {
    out += fmt::format("  {} {} ({}){}\n", sign(r.kind), r.id, r.type, r.replaced() ? " REPLACED" : "");
    if (!r.follows.empty())
      out += fmt::format("      {} refers to {}, which is replaced  [replaces: {}]\n", r.follows_property, r.follows,
                         replaced_by(*replacement_rule(r.type, r.follows_property)));
    for (const auto& p : r.properties) {
      out += fmt::format("      {}: {}", p.name, change(p));
      if (p.replaces()) out += fmt::format("  [replaces: {}]", replaced_by(*p.replacement));
      out += '\n';
    }
  }
  if (!d.subnets.empty()) {
    out += "\nSubnets moved:\n";
    for (const auto& s : d.subnets)
      out += fmt::format("  {} ({}): {} -> {}{}\n", s.id, s.zone, s.old_cidr, s.new_cidr,
                         s.onto.empty() ? "" : ", onto the addresses of " + s.onto + " (a CIDR conflict while both exist)");
  }
  if (!d.security.empty()) {
    out += "\nSecurity:\n";
    for (const auto& c : d.security) out += fmt::format("  ! {}: {}\n", kind_name(c.kind), describe(c));
  }
  return out;
}

}  // namespace archc::diff
