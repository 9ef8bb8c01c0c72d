// textDocument/hover (LSP 3.17 "Hover Request"): what a name or attribute
// means, from the kind declarations (model/kind.hpp) and, for a file without
// errors, from its plan (plan/plan.hpp), so hover and `archc plan` agree.
#include <fmt/format.h>

#include "lsp/blocks.hpp"
#include "lsp/protocol.hpp"
#include "model/aws_catalog.hpp"
#include "model/kind_docs.hpp"
#include "plan/plan.hpp"

namespace archc::lsp {

namespace {

std::string describe_attribute(const model::KindSpec& kind, const model::AttributeSpec& a) {
  std::string out = fmt::format("**{}** (`{}` attribute)\n\n{}\n\n", a.name, kind.keyword, a.doc);
  out += fmt::format("- type: {}\n", model::describe_type(a));
  if (a.required) out += "- required\n";
  else if (!a.default_value.empty()) out += fmt::format("- default: {}\n", a.default_value);
  if (!a.unit.empty()) out += fmt::format("- unit: {}\n", a.unit);
  return out;
}

std::string describe_route(const plan::Route& r) {
  switch (r.via) {
    case plan::Route::Via::InternetGateway:
      return fmt::format("internet gateway `{}`", r.gateway);
    case plan::Route::Via::Nat:
      return fmt::format("NAT gateway `{}` ({})", r.gateway, r.zone);
    case plan::Route::Via::None:
      return "none";
  }
  return "none";
}

// A tier (`vpc.lab.app`): its subnets as the plan makes them.
std::string describe_tier(const Compilation& c, const SymbolDeclaration& d) {
  std::string out = fmt::format("**{}** (subnet tier)\n\n", d.name);
  if (!c.ok()) {
    // Without a plan: the CIDRs the file gives, if the tier was read.
    for (const auto& vpc : c.model.vpcs)
      for (const auto& tier : vpc.tiers)
        if (fmt::format("vpc.{}.{}", vpc.name, tier.name) == d.name)
          for (std::size_t z = 0; z < tier.cidrs.size(); ++z)
            out += fmt::format("- {}{}\n", tier.cidrs[z].str(),
                               z < vpc.zones.size() ? fmt::format(" in zone {}", vpc.zones[z]) : "");
    return out + "\nZones, addresses and routes are shown once the file has no errors.";
  }
  const plan::Plan p = plan::make_plan(c.model);
  for (const auto& vpc : p.vpcs)
    for (const auto& tier : vpc.tiers) {
      if (tier.ref != d.name) continue;
      out += fmt::format("{} tier\n\n| subnet | zone | usable addresses | route 0.0.0.0/0 |\n|---|---|---|---|\n",
                         tier.kind);
      for (const auto& s : tier.subnets)
        out += fmt::format("| {} | {} | {} | {} |\n", s.cidr, s.zone, s.usable, describe_route(s.route));
    }
  return out;
}

// A chain endpoint (`alb.web`): the ingress rules of its security group.
std::string describe_resource(const Compilation& c, const SymbolDeclaration& d) {
  std::string out = fmt::format("**{}** — {}\n\n", d.name, d.kind->doc);
  if (!c.ok()) return out + "Its security-group rules are shown once the file has no errors.";
  const plan::Plan p = plan::make_plan(c.model);
  for (const auto& sg : p.security_groups) {
    if (sg.owner != d.name) continue;
    out += fmt::format("Security group `{}`, ingress:\n\n", sg.name);
    if (sg.ingress.empty()) out += "none: no edge of a chain reaches it\n";
    for (const auto& rule : sg.ingress)
      out += fmt::format("- {} {} from {}\n", model::protocol_name(rule.protocol), plan::rule_ports(rule), rule.peer);
    if (sg.egress) {
      out += "\negress:\n\n";
      if (sg.egress->empty()) out += "none: `egress = \"chain\"`, and no edge leaves it\n";
      for (const auto& rule : *sg.egress)
        out += fmt::format("- {} {} to {}\n", model::protocol_name(rule.protocol), plan::rule_ports(rule), rule.peer);
    }
  }
  return out;
}

const ast::Port* port_at(const ast::File& file, std::uint32_t offset) {
  const ast::Port* found = nullptr;
  for_each_block(file, [&](const BlockAt& at, const std::vector<BlockAt>&) {
    for (const auto& item : at.block->items)
      if (const auto* e = std::get_if<std::unique_ptr<ast::Edge>>(&item))
        for (const auto& port : (*e)->ports)
          if (port.kind == ast::Port::Kind::Name && port.range.begin.offset <= offset && offset < port.range.end.offset)
            found = &port;
    return !found;
  });
  return found;
}

json markdown(const Context& c, std::string text, const SourceRange& r) {
  return {{"contents", {{"kind", "markdown"}, {"value", std::move(text)}}}, {"range", to_json(c.range(r))}};
}

}  // namespace

json hover(const Context& c, Position p) {
  const Compilation& comp = c.compilation();
  const std::uint32_t offset = c.document.source_offset(p, c.encoding);
  if (auto hit = comp.symbols.at(offset)) {
    using What = SymbolIndex::Hit::What;
    if ((hit->what == What::Declaration || hit->what == What::Reference) && !hit->declaration->kind) {
      // A variable: its definition as written, cut after a few lines.
      const SymbolDeclaration& d = *hit->declaration;
      std::string_view text = d.block.file->text().substr(d.block.begin.offset, d.block.end.offset - d.block.begin.offset);
      constexpr std::size_t kShown = 300;
      const bool cut = text.size() > kShown;
      if (cut) text = text.substr(0, kShown);
      return markdown(c, fmt::format("**{}** — a variable\n\n```\n{}{}\n```", d.name, text, cut ? "…" : ""),
                      hit->range);
    }
    if ((hit->what == What::Declaration || hit->what == What::Reference) && hit->declaration->kind) {
      const SymbolDeclaration& d = *hit->declaration;
      if (d.kind->keyword == "subnet") return markdown(c, describe_tier(comp, d), hit->range);
      if (d.kind->chain_endpoint) return markdown(c, describe_resource(comp, d), hit->range);
      return markdown(c, fmt::format("**{}** — {}", d.name, d.kind->doc), hit->range);
    }
    if (hit->what == What::Attribute && hit->attribute->spec)
      return markdown(c, describe_attribute(*hit->attribute->kind, *hit->attribute->spec), hit->range);
  }
  if (const ast::Port* port = port_at(comp.syntax, offset)) {
    if (port->protocol.empty() && (port->name == "icmp" || port->name == "all"))
      return markdown(c, port->name == "icmp" ? "**icmp**: every ICMP type and code" : "**all**: every protocol and port",
                      port->range);
    if (auto number = AwsCatalog::get().port(port->name))
      return markdown(c, fmt::format("port **{}**: {} {}", port->name, port->protocol == "udp" ? "UDP" : "TCP", *number),
                      port->range);
  }
  // A block's keyword: its kind.
  std::optional<json> found;
  for_each_block(comp.syntax, [&](const BlockAt& at, const std::vector<BlockAt>&) {
    const SourceRange& k = at.block->kind_range;
    if (at.kind && k.begin.offset <= offset && offset < k.end.offset)
      found = markdown(c, fmt::format("**{}** block — {}", at.kind->keyword, at.kind->doc), k);
    return !found && at.block->range.begin.offset <= offset && offset < at.block->range.end.offset;
  });
  return found ? *found : json(nullptr);
}

}  // namespace archc::lsp
