#include "format/layout.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <variant>
#include <vector>

#include "source/utf8.hpp"

namespace archc::format {

namespace {

using ast::TokenKind;

// What the layout moves as one piece: a token, or a whole string that holds
// interpolations (whose tokens inside are copied as they are).
struct Atom {
  std::uint32_t begin, end;
  TokenKind kind;
  bool multiline;  // a heredoc, a `/* */` comment or an interpolation over several lines
};

struct Span {
  std::uint32_t begin, end;
};

void collect_interpolated(const ast::Expr* e, std::vector<Span>& out);

void collect_interpolated(std::span<const ast::ExprPtr> exprs, std::vector<Span>& out) {
  for (const ast::Expr* e : exprs) collect_interpolated(e, out);
}

// The strings of `e` that hold an interpolation: copied whole, they keep
// their inside byte for byte. Recursion is bounded by kMaxNesting.
void collect_interpolated(const ast::Expr* e, std::vector<Span>& out) {
  if (!e) return;
  switch (e->kind) {
    case ast::ExprKind::String:
      if (std::any_of(e->parts().begin(), e->parts().end(), [](const auto& p) { return p.expr != nullptr; }))
        out.push_back({e->range.begin.offset, e->range.end.offset});
      return;
    case ast::ExprKind::List:
    case ast::ExprKind::Call:
      collect_interpolated(e->items(), out);
      return;
    case ast::ExprKind::Object:
      for (const auto& m : e->members()) collect_interpolated(m.value, out);
      return;
    case ast::ExprKind::Reference:
      for (const auto& s : e->steps()) collect_interpolated(s.index, out);
      return;
    case ast::ExprKind::Number:
    case ast::ExprKind::Bool:
    case ast::ExprKind::Null:
    case ast::ExprKind::Range:
      return;
  }
}

void collect_interpolated(const std::vector<ast::BodyItem>& items, std::vector<Span>& out) {
  for (const auto& item : items) {
    if (const auto* a = std::get_if<ast::Attribute>(&item)) {
      collect_interpolated(a->value, out);
    } else if (const auto* b = std::get_if<std::unique_ptr<ast::Block>>(&item)) {
      collect_interpolated((*b)->items, out);
    } else if (const auto* edge = std::get_if<std::unique_ptr<ast::Edge>>(&item)) {
      collect_interpolated((*edge)->from.expr, out);
      collect_interpolated((*edge)->to.expr, out);
    }
  }
}

std::vector<Atom> make_atoms(const ast::File& tree) {
  std::vector<Span> interpolated;
  collect_interpolated(tree.items, interpolated);
  std::sort(interpolated.begin(), interpolated.end(), [](Span a, Span b) { return a.begin < b.begin; });
  const std::string_view text = tree.source->text();
  std::vector<Atom> atoms;
  atoms.reserve(tree.tokens.size());
  auto next_string = interpolated.begin();
  for (std::size_t i = 0; i < tree.tokens.size(); ++i) {
    const ast::Token& t = tree.tokens[i];
    while (next_string != interpolated.end() && next_string->end <= t.begin) ++next_string;
    Atom atom{t.begin, t.end(), t.kind(), false};
    if (next_string != interpolated.end() && next_string->begin <= t.begin) {
      atom = {next_string->begin, next_string->end, TokenKind::String, false};
      while (i + 1 < tree.tokens.size() && tree.tokens[i + 1].begin < atom.end) ++i;
    }
    atom.multiline = text.substr(atom.begin, atom.end - atom.begin).find('\n') != std::string_view::npos;
    atoms.push_back(atom);
  }
  return atoms;
}

bool opens(TokenKind k) {
  return k == TokenKind::LeftBrace || k == TokenKind::LeftBracket || k == TokenKind::LeftParen;
}
bool closes(TokenKind k) {
  return k == TokenKind::RightBrace || k == TokenKind::RightBracket || k == TokenKind::RightParen;
}

// Whether one space goes between two atoms on a line, or none. `spaced`:
// whether the original had blanks there. Blanks are only ever dropped next
// to punctuation, where no two tokens can run together, and only added where
// the grammar allows blanks (`sp`, `spnl`, `seps`); elsewhere (a reference's
// `.`, a range's `..`, a call's `(`) the original is kept, and it has none.
bool space_between(TokenKind prev, TokenKind next, bool spaced) {
  if (prev == TokenKind::Comment || next == TokenKind::Comment) return true;
  if (next == TokenKind::Comma || next == TokenKind::Semicolon || next == TokenKind::RightParen ||
      next == TokenKind::RightBracket)
    return false;
  if (prev == TokenKind::LeftParen || prev == TokenKind::LeftBracket) return false;
  if (prev == TokenKind::LeftBrace) return next != TokenKind::RightBrace;
  if (prev == TokenKind::Equals || prev == TokenKind::Arrow || prev == TokenKind::Colon ||
      prev == TokenKind::Comma || prev == TokenKind::Semicolon)
    return true;
  if (next == TokenKind::Equals || next == TokenKind::Arrow || next == TokenKind::Colon ||
      next == TokenKind::LeftBrace || next == TokenKind::RightBrace)
    return true;
  return spaced;
}

// One line of the output: atoms [first, last) of the file.
struct Line {
  std::size_t first, last;
  std::size_t indent = 0;  // in levels of two spaces
  bool blank_before = false;
  // Set for a line `NAME = ...` holding one attribute (or object member):
  // the columns of NAME, which `=` is aligned after.
  std::optional<std::size_t> key_width;
  bool multiline = false;  // holds an atom over several lines
};

class Layout {
 public:
  Layout(const ast::File& tree, std::string_view line_end)
      : text_(tree.source->text()), line_end_(line_end), atoms_(make_atoms(tree)) {}

  std::string run() {
    split_lines();
    indent_lines();
    for (auto& line : lines_) line.key_width = key_width(line);
    std::string out;
    out.reserve(text_.size() + text_.size() / 8);
    for (std::size_t i = 0; i < lines_.size();) {
      const std::size_t run_end = alignment_run_end(i);
      write_run(i, run_end, out);
      i = run_end;
    }
    return out;
  }

 private:
  std::string_view atom_text(const Atom& a) const { return text_.substr(a.begin, a.end - a.begin); }

  void split_lines() {
    std::uint32_t previous_end = 0;
    for (std::size_t i = 0; i < atoms_.size(); ++i) {
      const std::string_view gap = text_.substr(previous_end, atoms_[i].begin - previous_end);
      const auto newlines = std::count(gap.begin(), gap.end(), '\n');
      if (i == 0 || newlines > 0) lines_.push_back({i, i, 0, i > 0 && newlines > 1, std::nullopt, false});
      lines_.back().last = i + 1;
      lines_.back().multiline |= atoms_[i].multiline;
      previous_end = atoms_[i].end;
    }
  }

  // A line is indented one level deeper than the line that opened the
  // innermost bracket still open at its start; a line that starts by
  // closing brackets, as deep as the line that opened the last it closes.
  // So brackets opened together on one line (`[{`) indent what follows once.
  void indent_lines() {
    std::vector<std::size_t> open;  // per open bracket, the indent of its line
    for (auto& line : lines_) {
      std::size_t i = line.first;
      std::optional<std::size_t> closed;
      for (; i < line.last && closes(atoms_[i].kind) && !open.empty(); ++i) closed = open.back(), open.pop_back();
      line.indent = closed ? *closed : open.empty() ? 0 : open.back() + 1;
      for (; i < line.last; ++i) {
        if (opens(atoms_[i].kind)) open.push_back(line.indent);
        if (closes(atoms_[i].kind) && !open.empty()) open.pop_back();
      }
    }
  }

  std::optional<std::size_t> key_width(const Line& line) const {
    if (line.last - line.first < 3) return std::nullopt;
    const Atom& key = atoms_[line.first];
    if ((key.kind != TokenKind::Identifier && key.kind != TokenKind::String) || key.multiline ||
        atoms_[line.first + 1].kind != TokenKind::Equals)
      return std::nullopt;
    // `min = 2, max = 4` holds two items: it keeps its own layout. A
    // separator that ends the line (`cidr = "10.2.0.0/16",`) does not count.
    int depth = 0;
    for (std::size_t i = line.first + 2; i + 1 < line.last; ++i) {
      const TokenKind k = atoms_[i].kind;
      depth += opens(k) ? 1 : closes(k) ? -1 : 0;
      if (depth <= 0 && (k == TokenKind::Comma || k == TokenKind::Semicolon) &&
          atoms_[i + 1].kind != TokenKind::Comment)
        return std::nullopt;
    }
    return count_code_points(atom_text(key));
  }

  // The end of the run of lines from `first` whose `=` and trailing
  // comments are aligned: consecutive attribute lines of one indent, with
  // no blank line between. Any other line is a run of its own; so is a line
  // whose value spans lines, which ends its run.
  std::size_t alignment_run_end(std::size_t first) const {
    const Line& start = lines_[first];
    std::size_t end = first + 1;
    if (!start.key_width || start.multiline) return end;
    for (; end < lines_.size(); ++end) {
      const Line& l = lines_[end];
      if (!l.key_width || l.blank_before || l.indent != start.indent) break;
      if (l.multiline) return end + 1;
    }
    return end;
  }

  // Whether `line` ends with a comment after code: the comment aligned
  // with those of its run.
  bool has_trailing_comment(const Line& line) const {
    return line.last - line.first > 1 && atoms_[line.last - 1].kind == TokenKind::Comment && !line.multiline;
  }

  // Appends atoms [from, to), one space or none between each two.
  void write_atoms(std::size_t from, std::size_t to, std::string& out) const {
    for (std::size_t i = from; i < to; ++i) {
      if (i > from && space_between(atoms_[i - 1].kind, atoms_[i].kind, atoms_[i].begin > atoms_[i - 1].end))
        out += ' ';
      out += atom_text(atoms_[i]);
    }
  }

  void write_run(std::size_t first, std::size_t end, std::string& out) const {
    std::size_t key_column = 0;
    for (std::size_t i = first; i < end; ++i) key_column = std::max(key_column, lines_[i].key_width.value_or(0));
    // Each line but its trailing comment first, to find the column of the
    // comments: one after the longest line that has one.
    std::vector<std::string> code;
    std::size_t comment_column = 0;
    for (std::size_t i = first; i < end; ++i) {
      const Line& line = lines_[i];
      std::string body(2 * line.indent, ' ');
      const std::size_t code_end = has_trailing_comment(line) ? line.last - 1 : line.last;
      std::size_t from = line.first;
      if (line.key_width) {
        body += atom_text(atoms_[from++]);
        body.append(key_column - *line.key_width + 1, ' ');
      }
      write_atoms(from, code_end, body);
      if (code_end != line.last) comment_column = std::max(comment_column, count_code_points(body) + 1);
      code.push_back(std::move(body));
    }
    for (std::size_t i = first; i < end; ++i) {
      const Line& line = lines_[i];
      const std::string& body = code[i - first];
      if (line.blank_before) out += line_end_;
      out += body;
      if (has_trailing_comment(line)) {
        out.append(end - first > 1 ? comment_column - count_code_points(body) : 1, ' ');
        out += atom_text(atoms_[line.last - 1]);
      }
      out += line_end_;
    }
  }

  std::string_view text_;
  std::string_view line_end_;
  std::vector<Atom> atoms_;
  std::vector<Line> lines_;
};

}  // namespace

std::string lay_out(const ast::File& tree, std::string_view line_end) { return Layout(tree, line_end).run(); }

}  // namespace archc::format
