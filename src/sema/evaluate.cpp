#include "sema/evaluate.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "model/cidr.hpp"
#include "sema/case_mapping.hpp"
#include "sema/suggest.hpp"

namespace archc {

const char* kind_name(Value::Kind k) {
  switch (k) {
    case Value::Kind::Null: return "null";
    case Value::Kind::Bool: return "a bool";
    case Value::Kind::Number: return "a number";
    case Value::Kind::String: return "a string";
    case Value::Kind::Range: return "a range";
    case Value::Kind::List: return "a list";
    case Value::Kind::Object: return "an object";
  }
  return "a value";
}

namespace {
// Defined below, with what it appends.
void uses_in(const ast::Expr& e, std::vector<const ast::Expr*>& uses);
}  // namespace

void Evaluator::declare_variables(const ast::File& file) {
  std::vector<Variable*> order;
  variables_.reserve(file.items.size());
  for (const auto& item : file.items) {
    if (const auto* broken = std::get_if<ast::ErrorItem>(&item))
      if (auto name = broken->attribute_name()) broken_variables_.emplace(*name);
    const auto* attr = std::get_if<ast::Attribute>(&item);
    if (!attr) continue;
    const auto [it, added] = variables_.try_emplace(attr->name(), Variable{attr, Variable::State::Unread, std::nullopt, 0});
    if (added) {
      it->second.symbol = symbols_.declare({nullptr, std::string(attr->name()), attr->name_range(), attr->range});
      order.push_back(&it->second);
      continue;
    }
    diags_.report(Rule::DuplicateName, attr->name_range(), "variable `{}` is defined twice", attr->name())
        .notes.push_back({it->second.attribute->name_range(), "first defined here"});
  }
  report_cycles(order);
  // Every use of a variable in another's value, for the editor, whether or
  // not evaluation ever reads that value.
  std::vector<const ast::Expr*> uses;
  for (const Variable* v : order) {
    uses.clear();
    if (v->attribute->value) uses_in(*v->attribute->value, uses);
    for (const ast::Expr* use : uses)
      if (const Variable* used = resolve(use)) symbols_.use(use->name_range(), used->symbol);
  }
}

namespace {

// The built-in functions, for "did you mean" too.
const std::vector<std::string>& functions() {
  static const std::vector<std::string> names = {"cidrsubnet", "join", "lower", "upper"};
  return names;
}

bool is_function(std::string_view name) {
  return std::find(functions().begin(), functions().end(), name) != functions().end();
}

// What a value takes besides its text, about its size in memory; a
// constant, so that where the limit is met does not depend on the platform.
constexpr std::size_t kValueBytes = 128;

// The bytes a copy of `v` takes. Values nest no deeper than expressions do,
// or than variables can make them within Evaluator::kMaxBuiltBytes.
std::size_t bytes_of(const Value& v) {
  std::size_t n = kValueBytes + v.text.size();
  for (const auto& item : v.items) n += bytes_of(item);
  for (const auto& member : v.members) n += member.key.size() + bytes_of(member.value);
  return n;
}

// The references in `e` in the order evaluation meets them, up to the first
// place where it is sure to stop (a call of an unknown function, whose
// arguments are never evaluated: nullptr ends the list).
void uses_in(const ast::Expr& e, std::vector<const ast::Expr*>& uses) {
  switch (e.kind) {
    case ast::ExprKind::Reference: uses.push_back(&e); return;
    case ast::ExprKind::String:
      for (const auto& part : e.parts())
        if (part.expr) uses_in(*part.expr, uses);
      return;
    case ast::ExprKind::List:
      for (const auto& item : e.items()) uses_in(*item, uses);
      return;
    case ast::ExprKind::Object:
      for (const auto& m : e.members()) uses_in(*m.value, uses);
      return;
    case ast::ExprKind::Call:
      if (!is_function(e.name())) {
        uses.push_back(nullptr);
        return;
      }
      for (const auto& arg : e.items()) uses_in(*arg, uses);
      return;
    case ast::ExprKind::Number:
    case ast::ExprKind::Bool:
    case ast::ExprKind::Null:
    case ast::ExprKind::Range: return;
  }
}

}  // namespace

void Evaluator::read(Variable& first) {
  // A depth-first walk over the variables `first` uses, with a stack of its
  // own: a variable is evaluated once every variable it uses is read, so
  // evaluating it never recurses into another. The walk of a value ends at
  // the first use where its evaluation will stop too (a variable that
  // failed, one that does not exist), and evaluation reports what is wrong
  // there. It never meets a variable on its own path: that would be a
  // cycle, and report_cycles failed the variables of every cycle.
  struct Open {
    Variable* variable;
    std::vector<const ast::Expr*> uses;
    std::size_t next = 0;
  };
  std::vector<Open> path;
  const auto open = [&](Variable& v) {
    v.state = Variable::State::Reading;
    path.push_back({&v, {}});
    if (v.attribute->value) uses_in(*v.attribute->value, path.back().uses);
  };
  open(first);
  while (!path.empty()) {
    Open& top = path.back();
    if (top.next < top.uses.size()) {
      Variable* used = resolve(top.uses[top.next++]);
      if (used && used->state == Variable::State::Unread) open(*used);
      else if (!used || !used->value) top.next = top.uses.size();
      continue;
    }
    Variable& v = *top.variable;
    std::optional<Value> value = v.attribute->value ? eval(*v.attribute->value) : std::nullopt;
    path.pop_back();
    v.state = Variable::State::Read;
    if (value) v.bytes = bytes_of(*value);
    v.value = std::move(value);
  }
}

Evaluator::Variable* Evaluator::resolve(const ast::Expr* use) {
  const auto it = use && use->steps().empty() ? variables_.find(use->name()) : variables_.end();
  return it == variables_.end() ? nullptr : &it->second;
}

std::vector<std::pair<const ast::Expr*, Evaluator::Variable*>> Evaluator::uses_of(const Variable& v) {
  std::vector<const ast::Expr*> uses;
  if (v.attribute->value) uses_in(*v.attribute->value, uses);
  std::vector<std::pair<const ast::Expr*, Variable*>> out;
  for (const ast::Expr* use : uses) {
    Variable* used = resolve(use);
    if (!used) break;
    out.emplace_back(use, used);
  }
  return out;
}

namespace {
// A cycle through more variables than this is shown by its first and last
// half of them, so that a report costs the same however long the cycle.
constexpr std::size_t kShownVariables = 12;
}  // namespace

void Evaluator::report_cycles(const std::vector<Variable*>& order) {
  // Iterative depth-first search from each variable in the order written:
  // a use of a variable on the current path closes a cycle.
  enum class Mark { New, OnPath, Done };
  struct Walk {
    Mark mark = Mark::New;
    std::size_t depth = 0;  // where it stands on the path, while OnPath
  };
  std::unordered_map<const Variable*, Walk> walks;
  struct Frame {
    Variable* variable;
    std::vector<std::pair<const ast::Expr*, Variable*>> uses;
    std::size_t next;
    const ast::Expr* via;  // the previous variable's use of this one
  };
  std::vector<Frame> path;
  const auto enter = [&](Variable* v, const ast::Expr* via) {
    walks[v] = {Mark::OnPath, path.size()};
    path.push_back({v, uses_of(*v), 0, via});
  };
  for (Variable* root : order) {
    if (walks[root].mark != Mark::New) continue;
    enter(root, nullptr);
    while (!path.empty()) {
      Frame& top = path.back();
      if (top.next == top.uses.size()) {
        walks[top.variable].mark = Mark::Done;
        path.pop_back();
        continue;
      }
      const auto [use, used] = top.uses[top.next++];
      const Walk walk = walks[used];
      if (walk.mark == Mark::New) enter(used, use);
      if (walk.mark != Mark::OnPath) continue;
      // The cycle is path[walk.depth..] and back: each member's
      // use of the next is the next one's `via`, the last one's is `use`.
      // It is reported from the member written first.
      struct CycleMember {
        const Variable* variable;
        const ast::Expr* use;  // of the next member
      };
      std::vector<CycleMember> cycle;
      for (std::size_t i = walk.depth; i < path.size(); ++i)
        cycle.push_back({path[i].variable, i + 1 < path.size() ? path[i + 1].via : use});
      std::rotate(cycle.begin(),
                  std::min_element(cycle.begin(), cycle.end(),
                                   [](const CycleMember& a, const CycleMember& b) {
                                     return a.variable->attribute->range.begin.offset <
                                            b.variable->attribute->range.begin.offset;
                                   }),
                  cycle.end());
      const std::size_t n = cycle.size();
      const std::size_t half = n > kShownVariables ? kShownVariables / 2 : n;
      const auto name = [&](std::size_t i) -> std::string_view { return cycle[i].variable->attribute->name(); };
      std::string message = fmt::format("variable `{}` depends on itself", name(0));
      if (n > 1) {
        message += fmt::format(": {}", name(0));
        for (std::size_t i = 1; i < half; ++i) message += fmt::format(" -> {}", name(i));
        if (half < n) {
          message += fmt::format(" -> ({} more)", n - 2 * half);
          for (std::size_t i = n - half; i < n; ++i) message += fmt::format(" -> {}", name(i));
        }
        message += fmt::format(" -> {}", name(0));
      }
      auto& d = diags_.report(Rule::ReferenceCycle, cycle[0].use->range, std::move(message));
      const auto note = [&](std::size_t i) {
        d.notes.push_back({cycle[i].use->range, fmt::format("`{}` uses `{}`", name(i), cycle[i].use->name())});
      };
      for (std::size_t i = 1; i < half; ++i) note(i);
      if (half < n) {
        d.notes.push_back({{}, fmt::format("{} more variables of the cycle are not shown", n - 2 * half)});
        for (std::size_t i = n - half; i < n; ++i) note(i);
      }
      for (std::size_t i = walk.depth; i < path.size(); ++i) {
        path[i].variable->state = Variable::State::Read;
        path[i].variable->value = std::nullopt;
      }
    }
  }
}

bool Evaluator::build(std::size_t bytes, SourceRange at) {
  if (!over_limit_ && bytes <= kMaxBuiltBytes - built_) {
    built_ += bytes;
    return true;
  }
  if (!over_limit_)
    diags_.report(Rule::ValueTooLarge, at, "the values of this file would grow past {} MiB here", kMaxBuiltBytes >> 20);
  over_limit_ = true;
  return false;
}

std::optional<Value> Evaluator::variable(const ast::Expr& e) {
  const std::string_view name = e.name();
  if (e.steps().empty() && !variables_.contains(name) && broken_variables_.contains(name)) return std::nullopt;
  const auto it = e.steps().empty() ? variables_.find(name) : variables_.end();
  if (it == variables_.end()) {
    auto& d = e.steps().empty()
                  ? diags_.report(Rule::UnknownReference, e.range, "no variable named `{}`", name)
                  : diags_.report(Rule::UnknownReference, e.range,
                                  "a value here cannot refer to a block; only top-level variables");
    if (e.steps().empty()) {
      if (names_.size() != variables_.size()) {
        for (const auto& [known, v] : variables_) names_.emplace_back(known);
        std::sort(names_.begin(), names_.end());  // the suggestion on a tie must not depend on hashing
      }
      suggester_.suggest(d, e.name_range(), name, names_);
    }
    return std::nullopt;
  }
  Variable& v = it->second;
  symbols_.use(e.name_range(), v.symbol);
  if (v.state == Variable::State::Unread) read(v);
  if (!v.value || !build(v.bytes, e.range)) return std::nullopt;
  Value out = *v.value;
  out.range = e.range;
  return out;
}

namespace {
// The text of a string, number or bool value, as interpolation writes it:
// a number exactly, as decimal_text writes it.
std::string to_text(const Value& v) {
  switch (v.kind) {
    case Value::Kind::String:
    case Value::Kind::Number: return v.text;
    case Value::Kind::Bool: return v.boolean ? "true" : "false";
    default: return std::string();
  }
}
}  // namespace

std::string decimal_text(std::string_view written) {
  const bool negative = written.starts_with('-');
  if (negative) written.remove_prefix(1);
  const std::size_t point = std::min(written.find('.'), written.size());
  std::string_view whole = written.substr(0, point);
  std::string_view fraction = written.substr(std::min(point + 1, written.size()));
  whole.remove_prefix(std::min(whole.find_first_not_of('0'), whole.size()));
  fraction.remove_suffix(fraction.size() - std::min(fraction.find_last_not_of('0') + 1, fraction.size()));
  std::string out = negative && (!whole.empty() || !fraction.empty()) ? "-" : "";
  out += whole.empty() ? "0" : whole;
  if (!fraction.empty()) out.append(".").append(fraction);
  return out;
}

std::optional<Value> Evaluator::eval(const ast::Expr& e) {
  Value v;
  v.range = e.range;
  switch (e.kind) {
    case ast::ExprKind::String:
      v.kind = Value::Kind::String;
      for (const auto& part : e.parts()) {
        if (!part.expr) {
          v.text += part.text;
          continue;
        }
        auto inner = eval(*part.expr);
        if (!inner) return std::nullopt;
        if (inner->kind != Value::Kind::String && inner->kind != Value::Kind::Number &&
            inner->kind != Value::Kind::Bool) {
          diags_.report(Rule::TypeMismatch, part.expr->range,
                       fmt::format("cannot interpolate {} into a string", kind_name(inner->kind)));
          return std::nullopt;
        }
        v.text += to_text(*inner);
      }
      return v;
    case ast::ExprKind::Number:
      v.kind = Value::Kind::Number;
      v.number = e.number();
      v.is_integer = e.is_integer;
      v.text = decimal_text(e.digits());
      return v;
    case ast::ExprKind::Bool:
      v.kind = Value::Kind::Bool;
      v.boolean = e.boolean;
      return v;
    case ast::ExprKind::Null: return v;
    case ast::ExprKind::Range:
      v.kind = Value::Kind::Range;
      v.lo = e.lo();
      v.hi = e.hi();
      return v;
    case ast::ExprKind::List:
      v.kind = Value::Kind::List;
      for (const auto& item : e.items()) {
        auto iv = eval(*item);
        if (!iv) return std::nullopt;
        v.items.push_back(std::move(*iv));
      }
      return v;
    case ast::ExprKind::Object: {
      v.kind = Value::Kind::Object;
      std::set<std::string_view> keys;
      for (const auto& m : e.members()) {
        if (!keys.insert(m.key).second) {
          diags_.report(Rule::DuplicateName, m.key_range, "key `{}` appears twice in this object", m.key);
          return std::nullopt;
        }
        auto mv = eval(*m.value);
        if (!mv) return std::nullopt;
        v.members.push_back({std::string(m.key), std::move(*mv), m.key_range});
      }
      return v;
    }
    case ast::ExprKind::Call: return call(e);
    case ast::ExprKind::Reference: return variable(e);
  }
  return std::nullopt;
}

std::optional<Value> Evaluator::call(const ast::Expr& e) {
  const std::string_view name = e.name();
  if (!is_function(name)) {
    suggester_.suggest(diags_.report(Rule::UnknownFunction, e.name_range(), "unknown function `{}`", name),
                       e.name_range(), name, functions());
    return std::nullopt;
  }
  std::vector<Value> args;
  for (const auto& a : e.items()) {
    auto v = eval(*a);
    if (!v) return std::nullopt;
    args.push_back(std::move(*v));
  }
  auto expect = [&](std::initializer_list<Value::Kind> kinds, const char* signature) {
    bool ok = args.size() == kinds.size();
    for (std::size_t i = 0; ok && i < args.size(); ++i) ok = args[i].kind == kinds.begin()[i];
    if (!ok) diags_.report(Rule::TypeMismatch, e.range, "`{}` takes {}", name, signature);
    return ok;
  };
  Value out;
  out.range = e.range;
  out.kind = Value::Kind::String;
  if (name == "lower" || name == "upper") {
    if (!expect({Value::Kind::String}, "one string")) return std::nullopt;
    out.text = name == "lower" ? to_lower(args[0].text) : to_upper(args[0].text);
    return out;
  }
  if (name == "join") {
    if (!expect({Value::Kind::String, Value::Kind::List}, "a separator string and a list")) return std::nullopt;
    std::vector<std::string> texts;
    std::size_t size = 0;
    for (const auto& item : args[1].items) {
      texts.push_back(to_text(item));
      size += texts.back().size();
    }
    // The separator is repeated, so the result is counted before it is made.
    if (!texts.empty()) size += (texts.size() - 1) * args[0].text.size();
    if (!build(size, e.range)) return std::nullopt;
    out.text.reserve(size);
    for (std::size_t i = 0; i < texts.size(); ++i) {
      if (i) out.text += args[0].text;
      out.text += texts[i];
    }
    return out;
  }
  // cidrsubnet(prefix, newbits, netnum), as in Terraform.
  if (!expect({Value::Kind::String, Value::Kind::Number, Value::Kind::Number}, "a CIDR string and two numbers"))
    return std::nullopt;
  auto prefix = parse_cidr(args[0].text);
  if (!prefix) {
    diags_.report(Rule::InvalidCidr, args[0].range, "`{}` is not a CIDR block", args[0].text);
    return std::nullopt;
  }
  const double newbits = args[1].number, netnum = args[2].number;
  if (!args[1].is_integer || newbits < 0 || prefix->prefix + newbits > 32) {
    diags_.report(Rule::InvalidValue, args[1].range,
                 fmt::format("newbits must be a whole number from 0 to {}", 32 - prefix->prefix));
    return std::nullopt;
  }
  const int bits = static_cast<int>(newbits);
  if (!args[2].is_integer || netnum < 0 || netnum >= std::ldexp(1.0, bits)) {
    diags_.report(Rule::InvalidValue, args[2].range,
                 fmt::format("netnum must be a whole number below {}", std::uint64_t{1} << bits));
    return std::nullopt;
  }
  Cidr sub{prefix->network().base, prefix->prefix + bits};
  sub.base += static_cast<std::uint32_t>(static_cast<std::uint64_t>(netnum) << (32 - sub.prefix));
  out.text = sub.str();
  return out;
}

}  // namespace archc
