// A top-level variable that no block uses (directly or through another
// variable that is used) is dead text, often a value meant to be
// interpolated somewhere and forgotten.
#include <unordered_map>

#include <fmt/format.h>

#include "sema/checks/check.hpp"

namespace archc::checks {

namespace {

// Calls `found` with the name of every variable an expression refers to.
template <typename F>
void variables_in(const ast::Expr& e, F&& found) {
  if (e.kind == ast::ExprKind::Reference && e.steps().empty()) found(e.name());
  for (const auto& p : e.parts())
    if (p.expr) variables_in(*p.expr, found);
  for (const auto& i : e.items()) variables_in(*i, found);
  for (const auto& mem : e.members()) variables_in(*mem.value, found);
  for (const auto& s : e.steps())
    if (s.index) variables_in(*s.index, found);
}

template <typename F>
void variables_in(const ast::Block& b, F&& found) {
  for (const auto& item : b.items) {
    if (const auto* a = std::get_if<ast::Attribute>(&item)) variables_in(*a->value, found);
    else if (const auto* e = std::get_if<std::unique_ptr<ast::Edge>>(&item)) {
      for (const auto* ep : {&(*e)->from, &(*e)->to})
        if (ep->expr) variables_in(*ep->expr, found);
    } else if (const auto* nested = std::get_if<std::unique_ptr<ast::Block>>(&item)) {
      variables_in(**nested, found);
    }
  }
}

}  // namespace

void unused_variable(const ast::File& file, Diagnostics& diags) {
  struct Variable {
    const ast::Attribute* first;  // a name defined twice is an error of its own: its first definition counts
    bool used = false;
  };
  std::unordered_map<std::string_view, Variable> variables;  // names are views of the source
  variables.reserve(file.items.size());
  for (const auto& item : file.items)
    if (const auto* a = std::get_if<ast::Attribute>(&item)) variables.try_emplace(a->name(), Variable{a});
  // Blocks use variables; a used variable uses those in its value.
  std::vector<const ast::Attribute*> pending;
  auto mark = [&](std::string_view name) {
    auto v = variables.find(name);
    if (v != variables.end() && !v->second.used) {
      v->second.used = true;
      pending.push_back(v->second.first);
    }
  };
  for (const auto& item : file.items)
    if (const auto* b = std::get_if<std::unique_ptr<ast::Block>>(&item)) variables_in(**b, mark);
  while (!pending.empty()) {
    const ast::Attribute* a = pending.back();
    pending.pop_back();
    variables_in(*a->value, mark);
  }
  // In source order, so that the warnings kept under the limit are the first.
  for (const auto& item : file.items)
    if (const auto* a = std::get_if<ast::Attribute>(&item))
      if (const Variable& v = variables.at(a->name()); v.first == a && !v.used)
        diags.report(Rule::UnusedVariable, a->name_range(), "variable `{}` is never used", a->name());
}

}  // namespace archc::checks
