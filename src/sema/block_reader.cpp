#include "sema/block_reader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "sema/suggest.hpp"

namespace archc {

BlockReader::BlockReader(Diagnostics& diags, Evaluator& eval, const ast::Block& block, std::string what,
                         const Schema& schema)
    : diags_(diags), eval_(eval), block_(block), what_(std::move(what)) {
  for (const auto& item : block.items) {
    if (const auto* attr = std::get_if<ast::Attribute>(&item)) {
      if (std::find(schema.attributes.begin(), schema.attributes.end(), attr->name) == schema.attributes.end()) {
        diags_.error("unknown-attribute", attr->name_range, fmt::format("{} has no attribute `{}`", what_, attr->name))
            .notes.push_back({{}, suggestion_note(attr->name, schema.attributes)});
      } else if (const auto* first = get(attr->name)) {
        diags_.error("duplicate-attribute", attr->name_range, fmt::format("`{}` is set twice in {}", attr->name, what_))
            .notes.push_back({first->name_range, "first set here"});
      } else {
        attributes_.push_back(attr);
      }
    } else if (const auto* nested = std::get_if<std::unique_ptr<ast::Block>>(&item)) {
      const auto& b = **nested;
      if (std::find(schema.blocks.begin(), schema.blocks.end(), b.kind) == schema.blocks.end()) {
        auto& d = diags_.error("unknown-block", b.kind_range, fmt::format("{} cannot contain a `{}` block", what_, b.kind));
        if (!schema.blocks.empty()) d.notes.push_back({{}, suggestion_note(b.kind, schema.blocks)});
      }
    } else if (!schema.edges) {
      diags_.error("misplaced-edge", std::get<ast::Edge>(item).range,
                   fmt::format("edges (a -> b) belong in an sg-chain block, not in {}", what_));
    }
  }
}

const ast::Attribute* BlockReader::get(std::string_view name) const {
  for (const auto* a : attributes_)
    if (a->name == name) return a;
  return nullptr;
}

bool BlockReader::require(std::string_view name) {
  if (get(name)) return true;
  const SourceRange where = block_.labels.empty() ? block_.kind_range : block_.labels.front().range;
  diags_.error("missing-attribute", where, fmt::format("{} needs `{}`", what_, name));
  return false;
}

std::optional<Value> BlockReader::typed(std::string_view name, Value::Kind kind) {
  const auto* attr = get(name);
  if (!attr) return std::nullopt;
  auto v = eval_.eval(*attr->value);
  if (!v) return std::nullopt;
  if (v->kind != kind) {
    diags_.error("type-mismatch", v->range,
                 fmt::format("`{}` must be {}, not {}", name, kind_name(kind), kind_name(v->kind)));
    return std::nullopt;
  }
  return v;
}

std::optional<std::string> BlockReader::string(std::string_view name) {
  auto v = typed(name, Value::Kind::String);
  return v ? std::optional<std::string>(std::move(v->text)) : std::nullopt;
}

std::optional<int> BlockReader::integer(std::string_view name, int lo, int hi) {
  auto v = typed(name, Value::Kind::Number);
  if (!v) return std::nullopt;
  if (!v->is_integer || v->number < lo || v->number > hi) {
    diags_.error("invalid-value", v->range, fmt::format("`{}` must be a whole number from {} to {}", name, lo, hi));
    return std::nullopt;
  }
  return static_cast<int>(v->number);
}

std::optional<bool> BlockReader::boolean(std::string_view name) {
  auto v = typed(name, Value::Kind::Bool);
  return v ? std::optional<bool>(v->boolean) : std::nullopt;
}

std::optional<Value> BlockReader::list_of(std::string_view name, Value::Kind item_kind) {
  auto v = typed(name, Value::Kind::List);
  if (!v) return std::nullopt;
  for (const auto& item : v->items) {
    if (item.kind != item_kind) {
      diags_.error("type-mismatch", item.range,
                   fmt::format("every item of `{}` must be {}, not {}", name, kind_name(item_kind), kind_name(item.kind)));
      return std::nullopt;
    }
  }
  return v;
}

std::optional<Value> BlockReader::object_of(std::string_view name, Value::Kind member_kind) {
  auto v = typed(name, Value::Kind::Object);
  if (!v) return std::nullopt;
  for (const auto& [key, member] : v->members) {
    if (member.kind != member_kind) {
      diags_.error("type-mismatch", member.range,
                   fmt::format("`{}.{}` must be {}, not {}", name, key, kind_name(member_kind), kind_name(member.kind)));
      return std::nullopt;
    }
  }
  return v;
}

std::vector<const ast::Block*> BlockReader::blocks(std::string_view kind) const {
  std::vector<const ast::Block*> out;
  for (const auto& item : block_.items)
    if (const auto* b = std::get_if<std::unique_ptr<ast::Block>>(&item); b && (*b)->kind == kind) out.push_back(b->get());
  return out;
}

std::vector<const ast::Edge*> BlockReader::edges() const {
  std::vector<const ast::Edge*> out;
  for (const auto& item : block_.items)
    if (const auto* e = std::get_if<ast::Edge>(&item)) out.push_back(e);
  return out;
}

std::optional<std::string> block_name(Diagnostics& diags, const ast::Block& block) {
  if (block.labels.size() == 1 && !block.labels.front().text.empty()) {
    const std::string& name = block.labels.front().text;
    // UTF-8: every byte but a continuation byte starts a character.
    const auto length = std::count_if(name.begin(), name.end(), [](char c) { return (c & 0xC0) != 0x80; });
    if (static_cast<std::size_t>(length) > kMaxNameLength)
      diags.error("invalid-name", block.labels.front().range,
                  fmt::format("a name holds at most {} characters; this one has {}", kMaxNameLength, length));
    return name;
  }
  if (block.labels.empty()) {
    diags.error("missing-name", block.kind_range, fmt::format("`{}` needs a name, as in {} \"main\" {{ ... }}", block.kind, block.kind));
  } else if (block.labels.size() > 1) {
    diags.error("extra-label", block.labels[1].range, fmt::format("`{}` takes one name", block.kind));
  } else {
    diags.error("missing-name", block.labels.front().range, "a name cannot be empty");
  }
  return std::nullopt;
}

}  // namespace archc
