// Evaluation of expressions to values: literals, top-level variables,
// string interpolation and the built-in functions.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sema/suggest.hpp"
#include "sema/symbol_index.hpp"
#include "source/diagnostic.hpp"
#include "syntax/ast.hpp"

namespace archc {

struct Member;

struct Value {
  enum class Kind { Null, Bool, Number, String, Range, List, Object } kind = Kind::Null;
  bool boolean = false;
  double number = 0;  // the nearest double: for comparisons and arithmetic
  bool is_integer = false;
  std::string text;  // of a string; of a number its exact value, as decimal_text writes it
  std::int64_t lo = 0, hi = 0;
  std::vector<Value> items;
  std::vector<Member> members;  // of an object, in source order
  SourceRange range;            // of the expression that produced it
};

// Not a std::pair: a pair of a type still being defined makes clang fail
// (checking whether the pair is default constructible needs the type).
struct Member {
  std::string key;
  Value value;
  SourceRange key_range;  // of the key as written
};

const char* kind_name(Value::Kind k);

// The exact value of a number written `-?[0-9]+(.[0-9]+)?`, in the shortest
// decimal form: no leading zeros, no trailing zeros in the fraction, no
// sign on zero (`-007.50` is `-7.5`, `1.0` is `1`, `-0` is `0`). A double
// holds 15 to 17 significant digits; this holds them all.
std::string decimal_text(std::string_view written);

// Top-level `name = value` attributes, usable by name in expressions.
//
// A variable is evaluated once, when it is first used, and its value (or
// its error, reported once) is kept for every later use. The variables its
// value uses are evaluated before it, in the order they are written, with a
// stack of its own rather than by recursion, so a chain of any length
// (`v0 = v1`, `v1 = v2`, ...) cannot overflow the call stack.
//
// Each use copies a variable's value, so variables that each use the
// previous one twice double at each step; join() repeats its separator.
// What evaluation builds that way is counted, and past kMaxBuiltBytes a use
// is an error (value-too-large): a file's values stay within a small
// multiple of the largest file archc reads, in memory and in time.
class Evaluator {
 public:
  static constexpr std::size_t kMaxBuiltBytes = 64u * 1024u * 1024u;

  // Each variable is declared in `symbols`, and each use of one recorded
  // there, for the editor.
  Evaluator(Diagnostics& diags, Suggester& suggester, SymbolIndex& symbols)
      : diags_(diags), suggester_(suggester), symbols_(symbols) {}

  // Declares the file's top-level attributes; reports duplicates, and every
  // cycle among them, whether or not the variables are used.
  void declare_variables(const ast::File& file);
  // nullopt after reporting an error.
  std::optional<Value> eval(const ast::Expr& e);

 private:
  struct Variable {
    const ast::Attribute* attribute;
    enum class State { Unread, Reading, Read } state = State::Unread;
    std::optional<Value> value;  // once Read: nullopt after an error
    std::size_t bytes = 0;       // what a copy of the value takes
    std::size_t symbol = 0;      // into SymbolIndex::declarations()
  };

  std::optional<Value> call(const ast::Expr& e);
  std::optional<Value> variable(const ast::Expr& e);
  // The variable `use` (a reference; nullptr: a call of an unknown
  // function) names, if any.
  Variable* resolve(const ast::Expr* use);
  // The variables the value of `v` uses, in the order evaluation meets
  // them, with each use, up to the first use where evaluation is sure to
  // stop (one of no variable).
  std::vector<std::pair<const ast::Expr*, Variable*>> uses_of(const Variable& v);
  // Reports each cycle of `order` (the variables in the order they are
  // written) at its first variable's use of the next, with the others' uses
  // as notes, and fails its variables: evaluation never meets a cycle.
  void report_cycles(const std::vector<Variable*>& order);
  // Evaluates `v` and, first, every variable it uses that is still unread.
  void read(Variable& v);
  // Counts `bytes` more built at `at`; false (reported once) past the limit.
  bool build(std::size_t bytes, SourceRange at);

  Diagnostics& diags_;
  Suggester& suggester_;
  SymbolIndex& symbols_;
  std::unordered_map<std::string_view, Variable> variables_;  // names are views of the source
  std::vector<std::string> names_;  // of variables_, sorted, for suggestions; made at the first unknown name
  // Variables whose definition did not parse: a use of one is not reported
  // as unknown (the syntax error was).
  std::set<std::string, std::less<>> broken_variables_;
  std::size_t built_ = 0;
  bool over_limit_ = false;
};

}  // namespace archc
