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
  Names& table = by_kind_[kind->keyword];
  const ast::RefStep& name = e.steps()[0];
  auto it = table.by_name.find(name.name);
  if (it == table.by_name.end()) {
    if (unread_.count({kind->keyword, name.name}) || unread_.count({std::string_view(), name.name})) return std::nullopt;
    suggester_.suggest(diags_.report(Rule::UnknownReference, name.range, "no {} named `{}`", e.name(), name.name),
                       name.range, name.name, table.names);
    return std::nullopt;
  }
  symbols_.use(name.range, it->second.symbol);
  model::Endpoint ep;
  ep.range = e.range;
  ep.kind = vpc ? Kind::Vpc : Kind::Resource;
  ep.index = it->second.index;
  if (e.steps().size() == 2) {
    Names& tiers = tiers_[it->second.index];
    const ast::RefStep& tier = e.steps()[1];
    auto t = tiers.by_name.find(tier.name);
    if (t == tiers.by_name.end()) {
      if (unread_tiers_.count({it->second.index, tier.name})) return std::nullopt;
      suggester_.suggest(diags_.report(Rule::UnknownReference, tier.range, "vpc `{}` has no subnet tier `{}`",
                                       name.name, tier.name),
                         tier.range, tier.name, tiers.names);
      return std::nullopt;
    }
    symbols_.use(tier.range, t->second.symbol);
    ep.kind = Kind::Tier;
    ep.tier = {it->second.index, t->second.index, e.range};
  }
  return ep;
}

}  // namespace archc
