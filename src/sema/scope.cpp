#include "sema/scope.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "sema/suggest.hpp"

namespace archc {

bool Scope::declare_in(Names& table, const model::KindSpec& kind, std::string_view what, std::string qualified,
                       std::string_view name, SourceRange at, const ast::Block& block, std::size_t index) {
  const auto [it, added] = table.by_name.try_emplace(name);
  if (!added) {
    diags_.report(Rule::DuplicateName, at, "{} `{}` is declared twice", what, name)
        .notes.push_back({symbols_.declarations()[it->second.symbol].range, "first declared here"});
    return false;
  }
  it->second = {index, symbols_.declare({&kind, std::move(qualified), at, block.range})};
  table.names.emplace_back(name);
  return true;
}

namespace {

// `a.b` or `a.b.c`, without formatting: declaring is done once per block.
std::string dotted(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view p : parts) (out.empty() ? out : out += '.') += p;
  return out;
}

}  // namespace

bool Scope::declare(const model::KindSpec& kind, std::string_view name, SourceRange at, const ast::Block& block,
                    std::size_t index) {
  const auto [table, added] = by_kind_.try_emplace(kind.keyword);
  if (added) table->second.by_name.reserve(expected_);
  return declare_in(table->second, kind, kind.keyword, dotted({kind.keyword, name}), name, at, block, index);
}

bool Scope::declare_tier(std::size_t vpc, std::string_view vpc_name, std::string_view name, SourceRange at,
                         const ast::Block& block, std::size_t index) {
  const model::KindSpec& subnet = *model::find_top_level_kind("vpc")->nested_kind("subnet");
  return declare_in(tiers_[vpc], subnet, "subnet tier", dotted({"vpc", vpc_name, name}), name, at, block, index);
}

void Scope::declare_unread(std::string_view kind, std::string_view name) { unread_.emplace(kind, name); }

void Scope::declare_unread_tier(std::size_t vpc, std::string_view name) { unread_tiers_.emplace(vpc, name); }

const Scope::Declared* Scope::find(std::string_view keyword, std::string_view written_kind, std::string_view name,
                                   SourceRange at, bool record) {
  Names& table = by_kind_[keyword];
  const auto it = table.by_name.find(name);
  if (it == table.by_name.end()) {
    if (unread_.count({keyword, name}) || unread_.count({std::string_view(), name})) return nullptr;
    suggester_.suggest(diags_.report(Rule::UnknownReference, at, "no {} named `{}`", written_kind, name), at, name,
                       table.names);
    return nullptr;
  }
  if (record) symbols_.use(at, it->second.symbol);
  return &it->second;
}

const Scope::Declared* Scope::find_tier(std::size_t vpc, std::string_view vpc_name, std::string_view tier, SourceRange at,
                                        bool record) {
  Names& tiers = tiers_[vpc];
  const auto it = tiers.by_name.find(tier);
  if (it == tiers.by_name.end()) {
    if (unread_tiers_.count({vpc, tier})) return nullptr;
    suggester_.suggest(diags_.report(Rule::UnknownReference, at, "vpc `{}` has no subnet tier `{}`", vpc_name, tier), at,
                       tier, tiers.names);
    return nullptr;
  }
  if (record) symbols_.use(at, it->second.symbol);
  return &it->second;
}

std::optional<model::TierRef> Scope::resolve_tier(std::string_view vpc_name, SourceRange name_at, std::string_view tier,
                                                  SourceRange tier_at, SourceRange at, bool as_written) {
  const Declared* vpc = find("vpc", "vpc", vpc_name, name_at, as_written);
  if (!vpc) return std::nullopt;
  const Declared* t = find_tier(vpc->index, vpc_name, tier, tier_at, as_written);
  if (!t) return std::nullopt;
  return model::TierRef{vpc->index, t->index, at};
}

std::optional<std::size_t> Scope::resolve_service(std::string_view keyword, std::string_view name, SourceRange at) {
  const Declared* declared = find(keyword, keyword, name, at);
  if (!declared) return std::nullopt;
  return declared->index;
}

std::optional<model::Endpoint> Scope::resolve(const ast::Expr& e) {
  using Kind = model::Endpoint::Kind;
  if (e.kind != ast::ExprKind::Reference) {
    diags_.report(Rule::TypeMismatch, e.range, "expected a reference such as asg.app or vpc.main.app");
    return std::nullopt;
  }
  const model::KindSpec* kind = model::find_top_level_kind(e.name());
  if (!kind || !(kind->chain_endpoint || kind->keyword == "vpc")) {
    std::vector<std::string> referable{"vpc"};
    for (const auto* k : model::all_kinds())
      if (k->chain_endpoint) referable.emplace_back(k->keyword);
    suggester_.suggest(
        diags_.report(Rule::UnknownReference, e.name_range(), "`{}` is not a kind that can be referenced", e.name()),
        e.name_range(), e.name(), referable);
    return std::nullopt;
  }
  const bool vpc = !kind->chain_endpoint;
  const std::size_t max_steps = vpc ? 2 : 1;
  if (e.steps().empty() || e.steps().size() > max_steps ||
      std::any_of(e.steps().begin(), e.steps().end(), [](const ast::RefStep& s) { return s.index != nullptr; })) {
    diags_.report(Rule::UnknownReference, e.range,
                 vpc ? "expected vpc.NAME or vpc.NAME.TIER" : fmt::format("expected {}.NAME", e.name()));
    return std::nullopt;
  }
  const ast::RefStep& name = e.steps()[0];
  const Declared* declared = find(kind->keyword, e.name(), name.name, name.range);
  if (!declared) return std::nullopt;
  model::Endpoint ep;
  ep.range = e.range;
  ep.kind = vpc ? Kind::Vpc : Kind::Resource;
  ep.index = declared->index;
  if (e.steps().size() == 2) {
    const ast::RefStep& tier = e.steps()[1];
    const Declared* t = find_tier(declared->index, name.name, tier.name, tier.range);
    if (!t) return std::nullopt;
    ep.kind = Kind::Tier;
    ep.tier = {declared->index, t->index, e.range};
  }
  return ep;
}

}  // namespace archc
