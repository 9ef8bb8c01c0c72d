// Evaluation of expressions to values: literals, top-level variables,
// string interpolation and the built-in functions.
#pragma once

#include <map>
#include <set>
#include <optional>
#include <string>
#include <vector>

#include "source/diagnostic.hpp"
#include "syntax/ast.hpp"

namespace archc {

struct Value {
  enum class Kind { Null, Bool, Number, String, Range, List, Object } kind = Kind::Null;
  bool boolean = false;
  double number = 0;
  bool is_integer = false;
  std::string text;
  std::int64_t lo = 0, hi = 0;
  std::vector<Value> items;
  std::vector<std::pair<std::string, Value>> members;
  SourceRange range;  // of the expression that produced it
};

const char* kind_name(Value::Kind k);

// Top-level `name = value` attributes, usable by name in expressions.
class Evaluator {
 public:
  explicit Evaluator(Diagnostics& diags) : diags_(diags) {}

  // Declares the file's top-level attributes; reports duplicates.
  void declare_variables(const ast::File& file);
  // nullopt after reporting an error.
  std::optional<Value> eval(const ast::Expr& e);

 private:
  std::optional<Value> call(const ast::Expr& e);
  std::optional<Value> variable(const ast::Expr& e);

  Diagnostics& diags_;
  std::map<std::string, const ast::Attribute*, std::less<>> variables_;
  // Variables whose definition did not parse: a use of one is not reported
  // as unknown (the syntax error was).
  std::set<std::string, std::less<>> broken_variables_;
  std::map<std::string, Value, std::less<>> evaluated_;
  std::vector<std::string> evaluating_;  // to report cycles
};

}  // namespace archc
