// textDocument/completion (LSP 3.17 "Completion Request"), by the context
// the cursor is in: what the enclosing block's kind declares, what the file
// declares, and the catalogs of stdlib/.
#include <regex>
#include <set>

#include <fmt/format.h>

#include "lsp/blocks.hpp"
#include "lsp/protocol.hpp"
#include "model/aws_catalog.hpp"
#include "model/kind_docs.hpp"
#include "model/rds.hpp"

namespace archc::lsp {

namespace {

// CompletionItemKind.
enum Kind { kField = 5, kClass = 7, kModule = 9, kProperty = 10, kValue = 12, kKeyword = 14, kEnumMember = 20,
            kConstant = 21, kReference = 18 };

json item(std::string label, int kind, std::string detail, std::string insert = {}) {
  json out = {{"label", label}, {"kind", kind}};
  if (!detail.empty()) out["detail"] = std::move(detail);
  if (!insert.empty()) out["insertText"] = std::move(insert);
  return out;
}

// A string value: quoted unless the cursor is already after a quote.
std::string quoted(const std::string& value, bool in_string) { return in_string ? value : "\"" + value + "\""; }

std::set<std::string, std::less<>> written_attributes(const ast::Block& b, std::uint32_t offset) {
  std::set<std::string, std::less<>> out;
  for (const auto& item : b.items) {
    if (const auto* a = std::get_if<ast::Attribute>(&item)) {
      const SourceRange n = a->name_range();
      if (offset < n.begin.offset || offset > n.end.offset) out.emplace(a->name());
    } else if (const auto* e = std::get_if<ast::ErrorItem>(&item)) {
      if (auto name = e->attribute_name(); name && (offset < e->range.begin.offset || offset > e->range.end.offset))
        out.emplace(*name);
    }
  }
  return out;
}

// The engine a block's `engine` attribute names as a plain string, else
// the default's (model::Rds).
std::string engine_of(const ast::Block& b) {
  for (const auto& i : b.items)
    if (const auto* a = std::get_if<ast::Attribute>(&i); a && a->name() == "engine" && a->value &&
                                                         a->value->kind == ast::ExprKind::String &&
                                                         a->value->parts().size() == 1 && !a->value->parts()[0].expr)
      return std::string(a->value->parts()[0].text);
  return model::Rds{}.engine;
}

json values_of(const Context& c, const ast::Block& block, const model::AttributeSpec& a, bool in_string) {
  const Compilation& comp = c.compilation();
  const AwsCatalog& catalog = AwsCatalog::get();
  json out = json::array();
  auto strings = [&](const std::vector<std::string>& values, std::string detail) {
    for (const auto& v : values) out.push_back(item(v, kValue, detail, quoted(v, in_string)));
  };
  if (a.name == "zones") {
    if (const auto* zones = catalog.zones(comp.model.stack.region))
      for (const auto& z : *zones)
        out.push_back(item(z, kEnumMember, comp.model.stack.region + z, quoted(z, in_string)));
    return out;
  }
  switch (a.type) {
    case model::ValueType::TierRef:
    case model::ValueType::TierRefList:
      for (const auto& d : comp.symbols.declarations())
        if (d.kind && d.kind->keyword == "subnet") out.push_back(item(d.name, kReference, "subnet tier"));
      return out;
    case model::ValueType::ResourceRef:
    case model::ValueType::ResourceRefList:
      for (const auto& d : comp.symbols.declarations())
        if (d.kind && d.kind->keyword == a.refers_to) out.push_back(item(d.name, kReference, std::string(d.kind->doc)));
      return out;
    case model::ValueType::Bool:
      out.push_back(item("true", kKeyword, "")), out.push_back(item("false", kKeyword, ""));
      return out;
    default:
      break;
  }
  if (!a.allowed.empty()) {
    for (const auto& v : a.allowed) out.push_back(item(std::string(v), kValue, std::string(a.name), quoted(std::string(v), in_string)));
  } else if (a.catalog == model::Catalog::Engines) {
    for (const auto& e : catalog.engine_names()) {
      const EngineInfo* info = catalog.engine(e);
      out.push_back(item(e, kValue, info ? fmt::format("port {}", info->port) : "", quoted(e, in_string)));
    }
  } else if (a.catalog == model::Catalog::Regions) {
    strings(catalog.region_names(), "region");
  } else if (a.catalog == model::Catalog::InstanceTypes) {
    strings(catalog.instance_type_names(), "EC2 instance type");
  } else if (a.catalog == model::Catalog::DbInstanceClasses) {
    strings(catalog.db_instance_class_names(), "DB instance class");
  } else if (a.catalog == model::Catalog::Images) {
    strings(catalog.image_aliases(), "image alias");
  } else if (a.catalog == model::Catalog::EndpointServices) {
    for (const auto& s : catalog.endpoint_service_names())
      out.push_back(item(s, kValue, *catalog.endpoint_service(s), quoted(s, in_string)));
  } else if (a.name == "version") {
    // The majors of the block's engine, newest first, then their releases.
    if (const EngineInfo* engine = catalog.engine(engine_of(block)))
      for (auto major = engine->versions.rbegin(); major != engine->versions.rend(); ++major) {
        out.push_back(item(major->major, kValue, fmt::format("{} {}, written as {}", engine->engine, major->major,
                                                             major->pinned),
                           quoted(major->major, in_string)));
        strings(major->releases, fmt::format("{} release", engine->engine));
      }
  }
  return out;
}

// The attribute whose list the cursor is in, when the list opened on an
// earlier line (`zones = [` then items a line each): the nearest `[` left
// open before `offset`, within the block, and the `NAME =` before it. Looks
// back at most 4 KiB; brackets inside strings and comments are not told
// apart (a completion list, not a parse).
std::optional<std::string> open_list_attribute(std::string_view text, std::uint32_t offset) {
  const std::size_t stop = offset > 4096 ? offset - 4096 : 0;
  int depth = 0;
  for (std::size_t i = offset; i > stop; --i) {
    const char ch = text[i - 1];
    if (ch == ']') ++depth;
    else if (ch == '{' || ch == '}') return std::nullopt;
    else if (ch == '[' && depth-- == 0) {
      static const std::regex name_eq(R"(([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*$)");
      std::cmatch m;
      const std::size_t from = i - 1 > 256 ? i - 1 - 256 : 0;
      if (std::regex_search(text.data() + from, text.data() + i - 1, m, name_eq)) return m[1].str();
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

json completion(const Context& c, Position p) {
  const Compilation& comp = c.compilation();
  const std::string_view text = comp.source->text();
  const std::uint32_t offset = c.document.source_offset(p, c.encoding);
  const std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  const std::string prefix(text.substr(line_start == std::string_view::npos || offset == 0 ? 0 : line_start + 1,
                                       offset - (line_start == std::string_view::npos || offset == 0 ? 0 : line_start + 1)));
  const std::vector<BlockAt> blocks = blocks_at(comp.syntax, offset);
  const BlockAt* inside = blocks.empty() ? nullptr : &blocks.back();
  json out = json::array();
  std::smatch m;

  // After `vpc.NAME.`: that VPC's tiers.
  static const std::regex tier_step(R"(\bvpc\.([A-Za-z_][A-Za-z0-9_-]*)\.[A-Za-z0-9_-]*$)");
  if (std::regex_search(prefix, m, tier_step)) {
    for (const auto& vpc : comp.model.vpcs)
      if (vpc.name == m[1].str())
        for (const auto& tier : vpc.tiers)
          out.push_back(item(tier.name, kField, fmt::format("vpc.{}.{}", vpc.name, tier.name)));
    return out;
  }
  // After `KIND.` (asg.app, alb.web ...): the names declared of that kind.
  static const std::regex kind_step(R"((?:^|[^A-Za-z0-9_.-])([a-z][a-z0-9-]*)\.[A-Za-z0-9_-]*$)");
  if (std::regex_search(prefix, m, kind_step))
    if (const model::KindSpec* kind = model::find_top_level_kind(m[1].str())) {
      for (const auto& d : comp.symbols.declarations())
        if (d.kind == kind) out.push_back(item(d.name.substr(d.name.find('.') + 1), kField, d.name));
      return out;
    }
  // After `:` in an edge: port names, and the protocols that take no
  // ports; after `udp:` or `tcp:`, the port names alone.
  static const std::regex edge_ports(R"(->[^:#]*:[^#]*$)"), after_protocol(R"((tcp|udp):[A-Za-z0-9_-]*$)");
  if (inside && inside->kind && inside->kind->edges && std::regex_search(prefix, edge_ports)) {
    const AwsCatalog& catalog = AwsCatalog::get();
    const bool udp = std::regex_search(prefix, m, after_protocol) && m[1] == "udp";
    for (const auto& name : catalog.port_names())
      out.push_back(item(name, kConstant, fmt::format("{} {}", udp ? "UDP" : "TCP", catalog.port(name).value_or(0))));
    if (!std::regex_search(prefix, after_protocol)) {
      out.push_back(item("icmp", kKeyword, "ICMP: every type and code"));
      out.push_back(item("all", kKeyword, "every protocol and port"));
    }
    return out;
  }
  // In an edge, where an endpoint goes: `internet` and every chain endpoint
  // (at the start of a line, with the block's attributes below).
  static const std::regex edge_target(R"(->\s*[A-Za-z_-]*$)"), item_start(R"(^\s*[A-Za-z_-]*$)");
  const bool in_edges = inside && inside->kind && inside->kind->edges;
  if (in_edges && (std::regex_search(prefix, edge_target) || std::regex_search(prefix, item_start))) {
    out.push_back(item("internet", kKeyword, "any address (0.0.0.0/0)"));
    for (const auto& d : comp.symbols.declarations())
      if (d.kind && d.kind->chain_endpoint) out.push_back(item(d.name, kReference, std::string(d.kind->doc)));
    if (!std::regex_search(prefix, item_start)) return out;
  }
  // After `NAME =`, on its line or in a list it opened on an earlier line: its values.
  static const std::regex value(R"(([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*([^=,]*)$)");
  std::string typed;
  const model::AttributeSpec* a = nullptr;
  if (std::regex_search(prefix, m, value)) {
    a = inside && inside->kind ? inside->kind->attribute(m[1].str()) : nullptr;
    if (!a) return out;
    typed = m[2].str();
  } else if (auto list = open_list_attribute(text, offset); list && inside && inside->kind) {
    a = inside->kind->attribute(*list);
    typed = prefix.substr(prefix.find_last_of(",[") == std::string::npos ? 0 : prefix.find_last_of(",[") + 1);
  }
  if (a) {
    const bool in_string = std::count(typed.begin(), typed.end(), '"') % 2 == 1;
    // What is typed of the value (after its quote, `[` or a blank) is
    // replaced by the item: a client's own word boundaries stop at `.`,
    // which would turn `"t3.` into `"t3.t3.micro"`.
    const std::size_t cut = typed.find_last_of("\"[ \t");
    const std::size_t partial = cut == std::string::npos ? typed.size() : typed.size() - cut - 1;
    const json range =
        to_json(c.range(comp.source->range(offset - static_cast<std::uint32_t>(partial), offset)));
    json items = values_of(c, *inside->block, *a, in_string);
    for (auto& i : items) {
      i["textEdit"] = {{"range", range}, {"newText", i.contains("insertText") ? i["insertText"] : i["label"]}};
      i.erase("insertText");
    }
    return items;
  }
  // At the start of an item: what the block may hold, or the top-level kinds.
  if (!std::regex_search(prefix, item_start)) return out;
  if (!inside) {
    for (const auto& keyword : model::top_level_keywords()) {
      const model::KindSpec* k = model::find_top_level_kind(keyword);
      out.push_back(item(keyword, kClass, k ? std::string(k->doc) : ""));
    }
    return out;
  }
  if (!inside->kind) return out;
  const auto written = written_attributes(*inside->block, offset);
  for (const auto& spec : inside->kind->attributes)
    if (!written.count(spec.name)) {
      json i = item(std::string(spec.name), kProperty, std::string(spec.doc));
      const std::string presence = spec.required                 ? "required"
                                   : spec.default_value.empty() ? "optional"
                                                                : fmt::format("default {}", spec.default_value);
      i["documentation"] = {{"kind", "markdown"},
                            {"value", fmt::format("{}\n\n{}; {}", spec.doc, model::describe_type(spec), presence)}};
      out.push_back(std::move(i));
    }
  for (const auto* nested : inside->kind->nested) out.push_back(item(std::string(nested->keyword), kModule, std::string(nested->doc)));
  return out;
}

}  // namespace archc::lsp
