#include "sema/evaluate.hpp"

#include <algorithm>
#include <cmath>

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

void Evaluator::declare_variables(const ast::File& file) {
  for (const auto& item : file.items) {
    if (const auto* broken = std::get_if<ast::ErrorItem>(&item))
      if (auto name = broken->attribute_name()) broken_variables_.emplace(*name);
    const auto* attr = std::get_if<ast::Attribute>(&item);
    if (!attr) continue;
    const auto it = variables_.lower_bound(attr->name);
    if (it == variables_.end() || it->first != attr->name) {
      variables_.emplace_hint(it, attr->name, attr);
      continue;
    }
    diags_.report(Rule::DuplicateName, attr->name_range, "variable `{}` is defined twice", attr->name)
        .notes.push_back({it->second->name_range, "first defined here"});
  }
}

std::optional<Value> Evaluator::variable(const ast::Expr& e) {
  if (e.steps.empty() && !variables_.count(e.name) && broken_variables_.count(e.name)) return std::nullopt;
  if (!e.steps.empty() || !variables_.count(e.name)) {
    std::vector<std::string> names;
    for (const auto& [name, attr] : variables_) names.push_back(name);
    auto& d = diags_.report(Rule::UnknownReference, e.range,
                           e.steps.empty() ? fmt::format("no variable named `{}`", e.name)
                                           : "a value here cannot refer to a block; only top-level variables");
    if (e.steps.empty()) suggest(d, e.name_range, e.name, names);
    return std::nullopt;
  }
  if (auto done = evaluated_.find(e.name); done != evaluated_.end()) {
    Value v = done->second;
    v.range = e.range;
    return v;
  }
  if (std::find(evaluating_.begin(), evaluating_.end(), e.name) != evaluating_.end()) {
    diags_.report(Rule::ReferenceCycle, e.range, "variable `{}` depends on itself", e.name);
    return std::nullopt;
  }
  evaluating_.push_back(e.name);
  auto v = eval(*variables_.find(e.name)->second->value);
  evaluating_.pop_back();
  if (!v) return std::nullopt;
  evaluated_[e.name] = *v;
  v->range = e.range;
  return v;
}

namespace {
std::string to_text(const Value& v) {
  switch (v.kind) {
    case Value::Kind::String: return v.text;
    case Value::Kind::Bool: return v.boolean ? "true" : "false";
    case Value::Kind::Number:
      return v.is_integer ? fmt::format("{}", static_cast<std::int64_t>(v.number)) : fmt::format("{}", v.number);
    default: return {};
  }
}
}  // namespace

std::optional<Value> Evaluator::eval(const ast::Expr& e) {
  Value v;
  v.range = e.range;
  switch (e.kind) {
    case ast::ExprKind::String:
      v.kind = Value::Kind::String;
      for (const auto& part : e.parts) {
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
      v.number = e.number;
      v.is_integer = e.is_integer;
      return v;
    case ast::ExprKind::Bool:
      v.kind = Value::Kind::Bool;
      v.boolean = e.boolean;
      return v;
    case ast::ExprKind::Null: return v;
    case ast::ExprKind::Range:
      v.kind = Value::Kind::Range;
      v.lo = e.lo;
      v.hi = e.hi;
      return v;
    case ast::ExprKind::List:
      v.kind = Value::Kind::List;
      for (const auto& item : e.items) {
        auto iv = eval(*item);
        if (!iv) return std::nullopt;
        v.items.push_back(std::move(*iv));
      }
      return v;
    case ast::ExprKind::Object:
      v.kind = Value::Kind::Object;
      for (const auto& m : e.members) {
        auto dup = std::find_if(v.members.begin(), v.members.end(), [&](const auto& p) { return p.first == m.key; });
        if (dup != v.members.end()) {
          diags_.report(Rule::DuplicateName, m.key_range, "key `{}` appears twice in this object", m.key);
          return std::nullopt;
        }
        auto mv = eval(*m.value);
        if (!mv) return std::nullopt;
        v.members.emplace_back(m.key, std::move(*mv));
      }
      return v;
    case ast::ExprKind::Call: return call(e);
    case ast::ExprKind::Reference: return variable(e);
  }
  return std::nullopt;
}

std::optional<Value> Evaluator::call(const ast::Expr& e) {
  static const std::vector<std::string> kFunctions = {"cidrsubnet", "join", "lower", "upper"};
  if (std::find(kFunctions.begin(), kFunctions.end(), e.name) == kFunctions.end()) {
    suggest(diags_.report(Rule::UnknownFunction, e.name_range, "unknown function `{}`", e.name),
            e.name_range, e.name, kFunctions);
    return std::nullopt;
  }
  std::vector<Value> args;
  for (const auto& a : e.items) {
    auto v = eval(*a);
    if (!v) return std::nullopt;
    args.push_back(std::move(*v));
  }
  auto expect = [&](std::initializer_list<Value::Kind> kinds, const char* signature) {
    bool ok = args.size() == kinds.size();
    for (std::size_t i = 0; ok && i < args.size(); ++i) ok = args[i].kind == kinds.begin()[i];
    if (!ok) diags_.report(Rule::TypeMismatch, e.range, "`{}` takes {}", e.name, signature);
    return ok;
  };
  Value out;
  out.range = e.range;
  out.kind = Value::Kind::String;
  if (e.name == "lower" || e.name == "upper") {
    if (!expect({Value::Kind::String}, "one string")) return std::nullopt;
    out.text = e.name == "lower" ? to_lower(args[0].text) : to_upper(args[0].text);
    return out;
  }
  if (e.name == "join") {
    if (!expect({Value::Kind::String, Value::Kind::List}, "a separator string and a list")) return std::nullopt;
    for (std::size_t i = 0; i < args[1].items.size(); ++i) out.text += (i ? args[0].text : "") + to_text(args[1].items[i]);
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
