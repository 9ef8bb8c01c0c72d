#include "sema/kind_reader.hpp"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <stdexcept>

#include <fmt/format.h>

#include "model/aws_catalog.hpp"
#include "sema/suggest.hpp"
#include "source/utf8.hpp"

namespace archc {

namespace {

// ami- and 8 or 17 hex digits: the two forms EC2 image ids take.
bool is_ami_id(const std::string& s) {
  if (s.rfind("ami-", 0) != 0 || (s.size() != 12 && s.size() != 21)) return false;
  return std::all_of(s.begin() + 4, s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

std::string quoted_list(const std::vector<std::string_view>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += i + 1 == values.size() ? " or " : ", ";
    out += fmt::format("\"{}\"", values[i]);
  }
  return out;
}

}  // namespace

KindReader::KindReader(ReadContext& ctx, const ast::Block& block, const model::KindSpec& kind, Subject what)
    : ctx_(ctx), block_(block), kind_(kind), what_(what) {
  for (const auto& item : block.items) {
    if (const auto* attr = std::get_if<ast::Attribute>(&item)) {
      const model::AttributeSpec* spec = kind.attribute(attr->name());
      ctx_.symbols.attribute({&kind, spec, attr->name_range(), attr->value ? attr->value->range : SourceRange{}});
      if (!spec) {
        broken_ = true;
        ctx_.suggester.suggest(
            ctx_.diags.report(Rule::UnknownAttribute, attr->name_range(), "{} has no attribute `{}`", what_, attr->name()),
            attr->name_range(), attr->name(), kind.attribute_names());
      } else if (const auto* first = get(attr->name())) {
        ctx_.diags.report(Rule::DuplicateAttribute, attr->name_range(), "`{}` is set twice in {}", attr->name(), what_)
            .notes.push_back({first->name_range(), "first set here"});
      } else {
        attributes_.push_back(attr);
      }
    } else if (const auto* nested = std::get_if<std::unique_ptr<ast::Block>>(&item)) {
      const auto& b = **nested;
      if (!kind.nested_kind(b.kind)) {
        broken_ = true;
        auto& d = ctx_.diags.report(Rule::UnknownBlock, b.kind_range, "{} cannot contain `{}` blocks", what_, b.kind);
        std::vector<std::string> names;
        for (const auto* k : kind.nested) names.emplace_back(k->keyword);
        if (!names.empty()) ctx_.suggester.suggest(d, b.kind_range, b.kind, names);
      }
    } else if (std::holds_alternative<ast::ErrorItem>(item)) {
      broken_ = true;
    } else if (const auto* edge = std::get_if<std::unique_ptr<ast::Edge>>(&item); edge && !kind.edges) {
      broken_ = true;
      ctx_.diags.report(Rule::MisplacedEdge, (*edge)->range,
                       fmt::format("edges (a -> b) belong in an sg-chain block, not in {}", what_));
    }
  }
  for (const auto& a : kind.attributes)
    if (a.required && !get(a.name) && !broken_) ctx_.diags.report(Rule::MissingAttribute, name_range(), "{} needs `{}`", what_, a.name);
}

SourceRange KindReader::name_range() const {
  return block_.labels.empty() ? block_.kind_range : block_.labels.front().range;
}

const ast::Attribute* KindReader::get(std::string_view name) const {
  for (const auto* a : attributes_)
    if (a->name() == name) return a;
  return nullptr;
}

const model::AttributeSpec& KindReader::spec(std::string_view name, model::ValueType type) const {
  const model::AttributeSpec* s = kind_.attribute(name);
  if (!s || s->type != type)
    throw std::logic_error(fmt::format("`{}` has no attribute `{}` of the type asked for", kind_.keyword, name));
  return *s;
}

std::optional<Value> KindReader::typed(std::string_view name, Value::Kind kind) {
  const auto* attr = get(name);
  if (!attr) return std::nullopt;
  auto v = ctx_.eval.eval(*attr->value);
  if (!v) return std::nullopt;
  if (v->kind != kind) {
    ctx_.diags.report(Rule::TypeMismatch, v->range,
                     fmt::format("`{}` must be {}, not {}", name, kind_name(kind), kind_name(v->kind)));
    return std::nullopt;
  }
  return v;
}

bool KindReader::allowed(const model::AttributeSpec& spec, const Value& v) {
  const auto& catalog = AwsCatalog::get();
  if (!spec.allowed.empty()) {
    if (std::find(spec.allowed.begin(), spec.allowed.end(), v.text) != spec.allowed.end()) return true;
    ctx_.diags.report(Rule::InvalidValue, v.range,
                     fmt::format("`{}` is {}, not \"{}\"", spec.name, quoted_list(spec.allowed), v.text));
    return false;
  }
  switch (spec.catalog) {
    case model::Catalog::None: return true;
    case model::Catalog::Regions:
      if (catalog.zones(v.text)) return true;
      ctx_.suggester.suggest(ctx_.diags.report(Rule::UnknownRegion, v.range, "unknown AWS region `{}`", v.text),
                             quoted_contents(v.range, v.text), v.text, catalog.region_names());
      return false;
    case model::Catalog::Engines:
      if (catalog.engine(v.text)) return true;
      ctx_.suggester.suggest(ctx_.diags.report(Rule::UnknownEngine, v.range, "unknown database engine `{}`", v.text),
                             quoted_contents(v.range, v.text), v.text, catalog.engine_names());
      return false;
    case model::Catalog::Images:
      if (is_ami_id(v.text) || catalog.image_parameter(v.text)) return true;
      ctx_.suggester.suggest(
          ctx_.diags.report(Rule::UnknownImage, v.range,
                            fmt::format("`{}` is neither an AMI id (ami-...) nor a known image alias", v.text)),
          quoted_contents(v.range, v.text), v.text, catalog.image_aliases());
      return false;
    case model::Catalog::InstanceTypes:
      if (catalog.instance_type_exists(v.text)) return true;
      ctx_.suggester.suggest(
          ctx_.diags.report(Rule::UnknownInstanceType, v.range, "unknown EC2 instance type `{}`", v.text),
          quoted_contents(v.range, v.text), v.text, catalog.instance_type_names());
      return false;
    case model::Catalog::DbInstanceClasses:
      if (catalog.db_instance_class_exists(v.text)) return true;
      ctx_.suggester.suggest(
          ctx_.diags.report(Rule::UnknownInstanceClass, v.range, "unknown DB instance class `{}`", v.text),
          quoted_contents(v.range, v.text), v.text, catalog.db_instance_class_names());
      return false;
    case model::Catalog::EndpointServices:
      if (catalog.endpoint_service(v.text)) return true;
      ctx_.suggester.suggest(
          ctx_.diags.report(Rule::InvalidValue, v.range,
                            "`{}` is not an interface endpoint service archc knows (stdlib/endpoint_services.json)",
                            v.text),
          quoted_contents(v.range, v.text), v.text, catalog.endpoint_service_names());
      return false;
  }
  return false;
}

std::optional<std::string> KindReader::string(std::string_view name) {
  const auto& s = spec(name, model::ValueType::String);
  auto v = typed(name, Value::Kind::String);
  if (!v || !allowed(s, *v)) return std::nullopt;
  return std::move(v->text);
}

std::optional<int> KindReader::integer(std::string_view name) {
  const auto& s = spec(name, model::ValueType::Integer);
  auto v = typed(name, Value::Kind::Number);
  if (!v) return std::nullopt;
  if (!v->is_integer || v->number < s.min || v->number > s.max) {
    ctx_.diags.report(Rule::InvalidValue, v->range,
                     fmt::format("`{}` must be a whole number from {} to {}", name, s.min, s.max));
    return std::nullopt;
  }
  return static_cast<int>(v->number);
}

std::optional<double> KindReader::number(std::string_view name) {
  const auto& s = spec(name, model::ValueType::Number);
  auto v = typed(name, Value::Kind::Number);
  if (!v) return std::nullopt;
  if (v->number < s.min || v->number > s.max) {
    ctx_.diags.report(Rule::InvalidValue, v->range, "`{}` must be a number from {} to {}", name, s.min, s.max);
    return std::nullopt;
  }
  // The stack holds the double, written in the shortest form that reads
  // back as it: refused unless that is the value as written, so that
  // neither a bound nor the output rounds what the source says.
  char shortest[64];
  const auto written = std::to_chars(std::begin(shortest), std::end(shortest), v->number, std::chars_format::fixed);
  if (written.ec != std::errc() || decimal_text({shortest, written.ptr}) != v->text) {
    ctx_.diags.report(Rule::InvalidValue, v->range,
                      "`{}` is {}: more digits than AWS keeps (a double, 15 to 17), so it would be written {}", name,
                      v->text, fmt::format("{}", v->number));
    return std::nullopt;
  }
  return v->number;
}

std::optional<bool> KindReader::boolean(std::string_view name) {
  spec(name, model::ValueType::Bool);
  auto v = typed(name, Value::Kind::Bool);
  return v ? std::optional<bool>(v->boolean) : std::nullopt;
}

std::optional<Value> KindReader::string_list(std::string_view name) {
  spec(name, model::ValueType::StringList);
  auto v = typed(name, Value::Kind::List);
  if (!v) return std::nullopt;
  for (const auto& item : v->items) {
    if (item.kind != Value::Kind::String) {
      ctx_.diags.report(Rule::TypeMismatch, item.range,
                       fmt::format("every item of `{}` must be {}, not {}", name, kind_name(Value::Kind::String),
                                   kind_name(item.kind)));
      return std::nullopt;
    }
  }
  return v;
}

std::optional<Value> KindReader::string_map(std::string_view name) {
  spec(name, model::ValueType::StringMap);
  auto v = typed(name, Value::Kind::Object);
  if (!v) return std::nullopt;
  for (const auto& m : v->members) {
    if (m.value.kind != Value::Kind::String) {
      ctx_.diags.report(Rule::TypeMismatch, m.value.range,
                       fmt::format("`{}.{}` must be {}, not {}", name, m.key, kind_name(Value::Kind::String),
                                   kind_name(m.value.kind)));
      return std::nullopt;
    }
  }
  return v;
}

std::optional<model::NameOverride> KindReader::name_tag(const std::string& text, SourceRange range) {
  constexpr std::size_t kMaxTagValue = 256;
  if (text.empty()) {
    diags().report(Rule::InvalidValue, range, "a Name tag cannot be empty: leave the name out for archc's own");
    return std::nullopt;
  }
  if (const std::size_t length = count_code_points(text); length > kMaxTagValue) {
    diags().report(Rule::InvalidValue, range, "this Name tag is {} characters long; AWS takes at most {}", length,
                   kMaxTagValue);
    return std::nullopt;
  }
  return model::NameOverride{text, range};
}

std::optional<model::TierRef> KindReader::tier(std::string_view name) {
  spec(name, model::ValueType::TierRef);
  const auto* attr = get(name);
  if (!attr) return std::nullopt;
  auto ep = ctx_.scope.resolve(*attr->value);
  if (!ep) return std::nullopt;
  if (ep->kind != model::Endpoint::Kind::Tier) {
    ctx_.diags.report(Rule::TypeMismatch, attr->value->range,
                     fmt::format("`{}` must name a subnet tier, as in vpc.main.app", name));
    return std::nullopt;
  }
  return ep->tier;
}

std::optional<std::vector<model::TierRef>> KindReader::tiers(std::string_view name) {
  spec(name, model::ValueType::TierRefList);
  const auto* attr = get(name);
  if (!attr) return std::nullopt;
  if (attr->value->kind != ast::ExprKind::List) {
    ctx_.diags.report(Rule::TypeMismatch, attr->value->range,
                      fmt::format("`{}` must be a list of subnet tiers, as in [vpc.main.app]", name));
    return std::nullopt;
  }
  std::vector<model::TierRef> out;
  bool ok = true;
  for (const auto& item : attr->value->items()) {
    auto ep = ctx_.scope.resolve(*item);
    if (!ep) {
      ok = false;
    } else if (ep->kind != model::Endpoint::Kind::Tier) {
      ctx_.diags.report(Rule::TypeMismatch, item->range,
                        fmt::format("every item of `{}` must name a subnet tier, as in vpc.main.app", name));
      ok = false;
    } else {
      out.push_back(ep->tier);
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::size_t> KindReader::resource(std::string_view name) {
  const auto& s = spec(name, model::ValueType::ResourceRef);
  const auto* attr = get(name);
  if (!attr) return std::nullopt;
  if (model::find_top_level_kind(s.refers_to)->service) return service(*attr->value, s.refers_to, name);
  auto ep = ctx_.scope.resolve(*attr->value);
  if (!ep) return std::nullopt;
  if (s.refers_to == "vpc" && ep->kind == model::Endpoint::Kind::Vpc) return ep->index;
  if (ep->kind != model::Endpoint::Kind::Resource || ctx_.model.resources[ep->index]->kind->keyword != s.refers_to) {
    ctx_.diags.report(Rule::TypeMismatch, attr->value->range,
                     fmt::format("`{}` must name a block of kind `{}`, as in {}.NAME", name, s.refers_to, s.refers_to));
    return std::nullopt;
  }
  return ep->index;
}

std::optional<std::vector<std::size_t>> KindReader::services(std::string_view name) {
  const auto& s = spec(name, model::ValueType::ResourceRefList);
  const auto* attr = get(name);
  if (!attr) return std::nullopt;
  if (attr->value->kind != ast::ExprKind::List) {
    ctx_.diags.report(Rule::TypeMismatch, attr->value->range,
                      fmt::format("`{}` must be a list of references, as in [{}.NAME]", name, s.refers_to));
    return std::nullopt;
  }
  std::vector<std::size_t> out;
  bool ok = true;
  for (const auto& item : attr->value->items()) {
    if (auto index = service(*item, s.refers_to, name)) out.push_back(*index);
    else ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::size_t> KindReader::service(const ast::Expr& e, std::string_view keyword, std::string_view attribute) {
  if (e.kind != ast::ExprKind::Reference || e.name() != keyword || e.steps().size() != 1 || e.steps()[0].index) {
    auto& d = ctx_.diags.report(Rule::TypeMismatch, e.range, "`{}` must name a block of kind `{}`, as in {}.NAME",
                                attribute, keyword, keyword);
    // `rol.web`: the kind misspelt.
    if (e.kind == ast::ExprKind::Reference && e.name() != keyword)
      ctx_.suggester.suggest(d, e.name_range(), e.name(), {std::string(keyword)});
    return std::nullopt;
  }
  return ctx_.scope.resolve_service(keyword, e.steps()[0].name, e.steps()[0].range);
}

std::vector<const ast::Block*> KindReader::blocks(std::string_view kind) const {
  std::vector<const ast::Block*> out;
  for (const auto& item : block_.items)
    if (const auto* b = std::get_if<std::unique_ptr<ast::Block>>(&item); b && (*b)->kind == kind) out.push_back(b->get());
  return out;
}

std::vector<const ast::Edge*> KindReader::edges() const {
  std::vector<const ast::Edge*> out;
  for (const auto& item : block_.items)
    if (const auto* e = std::get_if<std::unique_ptr<ast::Edge>>(&item)) out.push_back(e->get());
  return out;
}

std::optional<std::string_view> block_name(Diagnostics& diags, const ast::Block& block) {
  if (block.labels.empty()) {
    diags.report(Rule::MissingName, block.kind_range,
                 fmt::format("`{}` needs a name, as in {} \"main\" {{ ... }}", block.kind, block.kind));
    return std::nullopt;
  }
  // An extra label is reported, and the first still names the block, so
  // references to it resolve.
  if (block.labels.size() > 1)
    diags.report(Rule::ExtraLabel, block.labels[1].range, "`{}` takes one name", block.kind);
  const std::string& name = block.labels.front().text;
  if (name.empty()) {
    diags.report(Rule::MissingName, block.labels.front().range, "a name cannot be empty");
    return std::nullopt;
  }
  // UTF-8: every byte but a continuation byte starts a character.
  const auto length = std::count_if(name.begin(), name.end(), [](char c) { return (c & 0xC0) != 0x80; });
  if (static_cast<std::size_t>(length) > kMaxNameLength)
    diags.report(Rule::InvalidName, block.labels.front().range,
                 fmt::format("a name holds at most {} characters; this one has {}", kMaxNameLength, length));
  return name;
}

}  // namespace archc
