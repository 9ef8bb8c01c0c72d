#include "sema/scope.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "sema/suggest.hpp"

namespace archc {

bool Scope::declare_in(Names& table, const model::KindSpec& kind, const std::string& what, const std::string& qualified,
                       const std::string& name, SourceRange at, const ast::Block& block, std::size_t index) {
  if (auto first = table.by_name.find(name); first != table.by_name.end()) {
    diags_.report(Rule::DuplicateName, at, "{} `{}` is declared twice", what, name)
        .notes.push_back({first->second.at, "first declared here"});
    return false;
  }
  table.by_name.emplace(name, Declared{index, symbols_.declare({&kind, qualified, at, block.range}), at});
  table.names.push_back(name);
  return true;
}

bool Scope::declare(const model::KindSpec& kind, const std::string& name, SourceRange at, const ast::Block& block,
                    std::size_t index) {
  return declare_in(by_kind_[std::string(kind.keyword)], kind, std::string(kind.keyword),
                    fmt::format("{}.{}", kind.keyword, name), name, at, block, index);
}

bool Scope::declare_tier(std::size_t vpc, const std::string& vpc_name, const std::string& name, SourceRange at,
                         const ast::Block& block, std::size_t index) {
  const model::KindSpec& subnet = *model::find_top_level_kind("vpc")->nested_kind("subnet");
  return declare_in(tiers_[vpc], subnet, "subnet tier", fmt::format("vpc.{}.{}", vpc_name, name), name, at, block,
                    index);
}

void Scope::declare_unread(std::string_view kind, std::string_view name) {
  unread_.emplace(std::string(kind), std::string(name));
}

void Scope::declare_unread_tier(std::size_t vpc, std::string_view name) { unread_tiers_.emplace(vpc, std::string(name)); }

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
  Names& table = by_kind_[std::string(e.name())];
  const ast::RefStep& name = e.steps()[0];
  auto it = table.by_name.find(name.name);
  if (it == table.by_name.end()) {
    if (unread_.count({std::string(e.name()), std::string(name.name)}) || unread_.count({std::string(), std::string(name.name)}))
      return std::nullopt;
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
      if (unread_tiers_.count({it->second.index, std::string(tier.name)})) return std::nullopt;
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
