// The PEGTL grammar of LANGUAGE.md §1-2, with the actions that build the AST
// as it parses. This is the only translation unit that includes PEGTL, so
// the grammar's templates are instantiated once. grammar/archc.peg is the
// same grammar written for people.
//
// How the tree is built: the parse state is a Builder. An item (attribute,
// block, edge) is appended to its block when it starts and removed again if
// it fails; an expression is pushed on a stack when it starts and moved into
// its place (an attribute's value, a list's element...) by the action of the
// rule that holds it. Leaves (names, numbers, punctuation) are written by
// actions, which PEGTL runs only for rules that matched. So a failed
// alternative leaves nothing behind, and no parse tree is ever built.
//
// How errors are recovered: every item is parsed under `recover`. A syntax
// error inside it is reported, the item becomes an ast::ErrorItem, and
// parsing resumes at the next item of the same block (Builder::recover).
#include "syntax/parser.hpp"
#include "source/utf8.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>
#include <tao/pegtl.hpp>

namespace archc {
namespace {

namespace pegtl = tao::pegtl;
using ast::TokenKind;

// A syntax error: where it is and what was expected there. Thrown by the
// grammar, caught by the item that holds it.
struct SyntaxError {
  const char* at;
  std::string message;
  bool runs_to_end = false;  // an unterminated heredoc: every later line is its body
};

// ---- Heredocs ----------------------------------------------------------------

struct HeredocShape {
  bool indented = false;
  std::size_t body_begin = 0, body_end = 0;  // offsets into the scanned text
  std::size_t length = 0;                    // of the whole heredoc
};

enum class HeredocStatus { NotHeredoc, Ok, Malformed, Unterminated };

struct HeredocScan {
  HeredocStatus status = HeredocStatus::NotHeredoc;
  HeredocShape shape;
  std::string message;  // when Malformed or Unterminated
};

bool is_tag_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Splits `<<[-]TAG\n body\n TAG` at the start of `text`. The heredoc ends
// at the first line that holds TAG and blanks after it; `<<-TAG` allows
// blanks before it too, as HCL's specification says: a plain heredoc's
// text may hold an indented TAG.
HeredocScan scan_heredoc(std::string_view text) {
  HeredocScan r;
  if (text.size() < 2 || text[0] != '<' || text[1] != '<') return r;
  std::size_t i = 2;
  if (i < text.size() && text[i] == '-') r.shape.indented = true, ++i;
  const std::size_t tag_begin = i;
  while (i < text.size() && is_tag_char(text[i])) ++i;
  if (i == tag_begin) return {HeredocStatus::Malformed, {}, "expected a heredoc tag after '<<', as in <<EOT"};
  const std::string_view tag = text.substr(tag_begin, i - tag_begin);
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r')) ++i;
  if (i >= text.size() || text[i] != '\n') return {HeredocStatus::Malformed, {}, "expected a newline after the heredoc tag"};
  r.shape.body_begin = ++i;
  bool indented_tag = false;  // a line of a plain heredoc that would end a `<<-` one
  while (i < text.size()) {
    const std::size_t eol = text.find('\n', i);
    const std::size_t line_end = eol == std::string_view::npos ? text.size() : eol;
    std::string_view line = text.substr(i, line_end - i);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    const std::size_t indent = std::min(line.find_first_not_of(" \t"), line.size());
    if (line.substr(indent) == tag) {
      if (indent == 0 || r.shape.indented) {
        r.status = HeredocStatus::Ok;
        r.shape.body_end = i;
        // Stop right after the tag, before the line end, which separates items.
        r.shape.length = i + indent + tag.size();
        return r;
      }
      indented_tag = true;
    }
    if (eol == std::string_view::npos) break;
    i = eol + 1;
  }
  return {HeredocStatus::Unterminated,
          {},
          indented_tag ? fmt::format("unterminated heredoc: no line holds only '{0}' (an indented '{0}' ends only "
                                     "a <<-{0} heredoc)",
                                     tag)
                       : fmt::format("unterminated heredoc: no line holds only '{}'", tag)};
}

// The value of a heredoc: literal text, so shell scripts keep their `${VAR}`;
// `<<-` removes the indentation common to its non-blank lines. Its lines end
// in LF whatever the file's line ends: a CRLF file would otherwise give a
// script whose first line runs `/bin/bash\r`, and a file and its CRLF copy
// build alike. A CR that ends no line is text.
std::string heredoc_value(std::string_view text, const HeredocShape& h) {
  std::string body;
  body.reserve(h.body_end - h.body_begin);
  for (std::size_t i = h.body_begin; i < h.body_end; ++i)
    if (text[i] != '\r' || i + 1 == h.body_end || text[i + 1] != '\n') body += text[i];
  if (!h.indented) return body;
  std::size_t indent = std::string_view::npos;
  for (std::string_view rest = body; !rest.empty();) {
    const std::size_t eol = rest.find('\n');
    const std::string_view line = rest.substr(0, eol == std::string_view::npos ? rest.size() : eol + 1);
    if (line.find_first_not_of(" \t\r\n") != std::string_view::npos) indent = std::min(indent, line.find_first_not_of(" \t"));
    rest.remove_prefix(line.size());
  }
  std::string value;
  for (std::string_view rest = body; !rest.empty();) {
    const std::size_t eol = rest.find('\n');
    const std::string_view line = rest.substr(0, eol == std::string_view::npos ? rest.size() : eol + 1);
    value += line.substr(std::min({indent, line.find_first_not_of(" \t"), line.size()}));
    rest.remove_prefix(line.size());
  }
  return value;
}

// ---- Positions -----------------------------------------------------------------

std::uint32_t count_chars(const char* begin, const char* end) {
  return static_cast<std::uint32_t>(count_code_points(std::string_view(begin, static_cast<std::size_t>(end - begin))));
}

bool is_ascii(const char* begin, const char* end) {
  std::uint64_t high = 0;  // the top bits of every byte, or-ed together
  const char* p = begin;
  for (; end - p >= 8; p += 8) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    high |= word;
  }
  for (; p < end; ++p) high |= static_cast<unsigned char>(*p);
  return (high & 0x8080808080808080u) == 0;
}

// Line and column of offsets asked for in nearly ascending order, as a parse
// asks for them: each answer walks on from the previous one instead of
// searching the line table and counting the line from its start, so all the
// positions of a parse cost O(text), however long its lines. On a line of
// ASCII only (most lines), the column is a subtraction.
class Positions {
 public:
  explicit Positions(const SourceFile& file)
      : file_(file), text_(file.text().data()), size_(file.text().size()), ascii_file_(is_ascii(text_, text_ + size_)) {
    enter_line();
  }

  SourcePos at(std::uint32_t offset) {
    if (ascii_line_ && offset >= line_begin_ && offset < next_line_) return {offset, line_, offset - line_begin_ + 1};
    return elsewhere(offset);
  }

 private:
  // On another line, or on one with other characters than ASCII.
  [[gnu::noinline]] SourcePos elsewhere(std::uint32_t offset) {
    if (offset < line_begin_) return back_to(offset);
    while (offset >= next_line_) {
      ++line_;
      line_begin_ = next_line_;
      enter_line();
    }
    if (ascii_line_) return {offset, line_, offset - line_begin_ + 1};
    if (offset >= mark_) column_ += count_chars(text_ + mark_, text_ + offset);
    else column_ -= count_chars(text_ + offset, text_ + mark_);
    mark_ = offset;
    return {offset, line_, column_};
  }

  // Back over a line end, after backtracking: rare.
  SourcePos back_to(std::uint32_t offset) {
    const SourcePos p = file_.pos_at(offset);
    line_ = p.line;
    line_begin_ = offset;
    while (line_begin_ > 0 && text_[line_begin_ - 1] != '\n') --line_begin_;
    enter_line();
    mark_ = offset, column_ = p.column;
    return p;
  }

  void enter_line() {
    const void* nl = std::memchr(text_ + line_begin_, '\n', size_ - line_begin_);
    const std::size_t line_end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text_) : size_;
    next_line_ = nl ? static_cast<std::uint32_t>(line_end) + 1 : UINT32_MAX;
    ascii_line_ = ascii_file_ || is_ascii(text_ + line_begin_, text_ + line_end);
    mark_ = line_begin_, column_ = 1;
  }

  const SourceFile& file_;
  const char* text_;
  std::size_t size_;
  std::uint32_t line_ = 1, line_begin_ = 0, next_line_ = 0;
  bool ascii_file_;
  bool ascii_line_ = true;
  std::uint32_t mark_ = 0, column_ = 1;  // on a line with other characters: the column of offset mark_
};

// ---- Building the tree -------------------------------------------------------

// The parse state: the tree under construction, its tokens and comments.
class Builder {
 public:
  Builder(const SourceFile& file, Diagnostics& diags, ast::File& out)
      : file_(file), diags_(diags), out_(out), begin_(file.text().data()), end_(begin_ + file.text().size()),
        positions_(file) {}

  std::uint32_t offset(const char* p) const { return static_cast<std::uint32_t>(p - begin_); }
  SourcePos pos(const char* p) { return positions_.at(offset(p)); }
  SourceRange range(const char* begin, const char* end) { return {&file_, pos(begin), pos(end)}; }
  SourceRange range(SourcePos begin, const char* end) { return {&file_, begin, pos(end)}; }
  template <typename ActionInput>
  SourceRange range(const ActionInput& in) {
    return range(in.begin(), in.end());
  }

  // Records a token. Tokens come in source order, except that backtracking
  // reads text again: a token at or before ones already recorded replaces
  // them, as they came from an alternative that failed. A token keeps only
  // its offsets: most are never asked for a line and column, and positions
  // are what a token would cost most to keep.
  void token(TokenKind kind, const char* begin, const char* end) {
    forget_tokens_from(begin);
    make_room(out_.tokens, begin);
    out_.tokens.emplace_back(kind, offset(begin), offset(end));
    if (awaits_trailing_ && kind != TokenKind::Comment &&
        !((kind == TokenKind::Comma || kind == TokenKind::Semicolon) && on_trailing_line(begin)))
      awaits_trailing_ = nullptr;
  }
  template <typename ActionInput>
  void token(TokenKind kind, const ActionInput& in) {
    token(kind, in.begin(), in.end());
  }
  // Records a token and returns its range, for the node that keeps it.
  template <typename ActionInput>
  SourceRange token_range(TokenKind kind, const ActionInput& in) {
    token(kind, in.begin(), in.end());
    return range(in);
  }

  // Records a comment, as a token and in the file's comment list.
  void comment(const char* begin, const char* end) {
    forget_comments_from(begin);
    std::string_view text(begin, static_cast<std::size_t>(end - begin));
    while (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    const char* text_end = begin + text.size();
    const bool trailing = awaits_trailing_ && on_trailing_line(begin);
    token(TokenKind::Comment, begin, text_end);
    out_.comments.push_back({std::string(text), range(begin, text_end)});
    if (trailing) awaits_trailing_->trailing = static_cast<std::uint32_t>(out_.comments.size() - 1);
    awaits_trailing_ = nullptr;
  }

  // Comments of an item (ast::AttachedComments). When an item starts, every
  // token before it is final: its leading comments are the comment tokens
  // just before it, each on the line of the next or the line above, the
  // first not sharing its line with code. When it ends, its trailing comment
  // is the next token, if that is a comment on its last line (after any `,`
  // or `;`).
  void start_item_comments(const char* begin, ast::AttachedComments& out) {
    awaits_trailing_ = nullptr;
    forget_tokens_from(begin);
    forget_comments_from(begin);
    const auto& t = out_.tokens;
    const std::size_t first = t.size();
    std::size_t k = first;
    for (std::uint32_t next = offset(begin);
         k > 0 && t[k - 1].kind() == TokenKind::Comment && line_ends_between(t[k - 1].end(), next) <= 1;)
      next = t[--k].begin;
    while (k < first && k > 0 && line_ends_between(t[k - 1].end(), t[k].begin) == 0) ++k;
    out.leading_end = static_cast<std::uint32_t>(out_.comments.size());
    out.leading_begin = out.leading_end - static_cast<std::uint32_t>(first - k);
  }
  void end_item_comments(const char* end, ast::AttachedComments& out) {
    awaits_trailing_ = &out;
    trailing_from_ = offset(end);
  }

  // Reports a syntax error at `at`. After an error whose effect runs to the
  // end of the file, a later one is only its echo there, and is dropped.
  void error(const char* at, std::string message) {
    if (ran_to_end_) return;
    diags_.report(Rule::Syntax, range(at, std::min(at + 1, end_)), std::move(message));
  }
  // Reports an error that does not stop the parse, such as a bad escape.
  void error(const SourceRange& range, std::string message) { diags_.report(Rule::Syntax, range, std::move(message)); }
  // Marks the rest of the file as inside a construct that never ends.
  void runs_to_end() { ran_to_end_ = true; }

  // The items of the innermost open block, or of the file.
  std::vector<ast::BodyItem>& items() { return blocks_.empty() ? out_.items : blocks_.back()->items; }
  template <typename Item>
  Item& item() {
    if constexpr (std::is_same_v<Item, ast::Edge>) return *std::get<std::unique_ptr<ast::Edge>>(items().back());
    else return std::get<Item>(items().back());
  }
  ast::Block& block() { return *blocks_.back(); }

  // An attribute or edge: appended when it starts, removed if it fails.
  template <typename Item>
  void open_item(const char* begin) {
    if (blocks_.empty()) make_room(out_.items, begin);
    if constexpr (std::is_same_v<Item, ast::Edge>) items().emplace_back(std::make_unique<ast::Edge>());
    else items().emplace_back(std::in_place_type<Item>);
    Item& item = this->item<Item>();
    item.range.begin = pos(begin);
    start_item_comments(begin, item.comments);
  }
  template <typename Item>
  void close_item(const char* end) {
    Item& item = this->item<Item>();
    item.range = range(item.range.begin, end);
    end_item_comments(end, item.comments);
  }
  void drop_item() { items().pop_back(); }

  // A block: appended to its parent when it starts, and the place of the
  // items parsed until it ends.
  void open_block(const char* begin) {
    if (blocks_.empty()) make_room(out_.items, begin);
    auto b = std::make_unique<ast::Block>();
    b->range.begin = pos(begin);
    start_item_comments(begin, b->comments);
    items().emplace_back(std::move(b));
    blocks_.push_back(std::get<std::unique_ptr<ast::Block>>(items().back()).get());
  }
  void close_block(const char* end) {
    ast::Block& b = block();
    b.range = range(b.range.begin, end);
    blocks_.pop_back();
    end_item_comments(end, b.comments);
  }
  void drop_block() {
    blocks_.pop_back();
    items().pop_back();
  }

  // Expressions: the open ones, innermost last, and at most one finished one
  // on top, waiting to be taken by the rule that holds it. What an open one
  // holds (string parts, elements, members, steps) is gathered on stacks
  // shared by all of them, and copied to the arena when it closes.
  ast::Expr& expr() { return *exprs_.back().expr; }
  void open_expr(const char* begin) {
    exprs_.push_back({out_.arena.make_expr(), open_.sizes()});
    exprs_.back().expr->range.begin = pos(begin);
  }
  void close_expr(const char* end) {
    const OpenExpr& o = exprs_.back();
    ast::Expr& e = *o.expr;
    e.range = range(e.range.begin, end);
    switch (e.kind) {
      case ast::ExprKind::String: e.set_parts(held(open_.parts, o.held.parts)); break;
      case ast::ExprKind::List:
      case ast::ExprKind::Call: e.set_items(held(open_.elements, o.held.elements)); break;
      case ast::ExprKind::Object: e.set_members(held(open_.members, o.held.members)); break;
      case ast::ExprKind::Reference: e.set_steps(held(open_.steps, o.held.steps)); break;
      case ast::ExprKind::Number:
      case ast::ExprKind::Bool:
      case ast::ExprKind::Null:
      case ast::ExprKind::Range: break;
    }
  }
  void drop_expr() {
    open_.truncate(exprs_.back().held);
    literal_.begin = nullptr;  // only the innermost expression, a string, has one open
    exprs_.pop_back();
  }
  ast::ExprPtr take_expr() {
    ast::ExprPtr e = exprs_.back().expr;
    exprs_.pop_back();
    return e;
  }
  void add_part(const ast::StringPart& p) { open_.parts.push_back(p); }
  void add_element(ast::ExprPtr e) { open_.elements.push_back(e); }
  void add_member(const ast::ObjectMember& m) { open_.members.push_back(m); }
  ast::ObjectMember& last_member() { return open_.members.back(); }
  void add_step(const ast::RefStep& s) { open_.steps.push_back(s); }

  // The literal text of the string being read, from pieces (text, escapes)
  // that are joined into one part: a view of the source while no escape
  // changed it, else decoded here, and copied to the arena when it ends.
  void add_literal(std::string_view text, const char* begin, const char* end) {
    const bool from_source = text.data() == begin;
    if (!literal_.begin) {
      literal_ = {begin, end, from_source, {}};
      if (!from_source) literal_.decoded.assign(text);
      return;
    }
    if (literal_.from_source && from_source && begin == literal_.end) {
      literal_.end = end;
      return;
    }
    if (literal_.from_source) literal_.decoded.assign(literal_.begin, literal_.end);
    literal_.from_source = false;
    literal_.decoded += text;
    literal_.end = end;
  }
  void end_literal() {
    if (!literal_.begin) return;
    const std::string_view text = literal_.from_source
                                      ? std::string_view(literal_.begin, static_cast<std::size_t>(literal_.end - literal_.begin))
                                      : out_.arena.copy(literal_.decoded);
    add_part({text, nullptr, range(literal_.begin, literal_.end)});
    literal_.begin = nullptr;
  }
  ast::Arena& arena() { return out_.arena; }

  // A string is recorded as tokens in literal pieces around its
  // interpolations, so the tokens inside `${...}` keep their own kinds.
  void open_string_piece(const char* begin) { pieces_.push_back(begin); }
  void close_string_piece(const char* end) {
    if (end > pieces_.back()) token(TokenKind::String, pieces_.back(), end);
    pieces_.pop_back();
  }

  std::size_t depth = 0;  // blocks and expressions open, for the nesting guard

  // The sizes of the stacks of what open expressions hold.
  struct HeldSizes {
    std::size_t parts, elements, members, steps;
  };

  // What parsing an item may change, to undo a failed one.
  struct Mark {
    SourcePos begin;
    std::size_t exprs, blocks, items, pieces;
    HeldSizes held;
  };
  Mark mark(const char* item_begin) {
    return {pos(item_begin), exprs_.size(), blocks_.size(), items().size(), pieces_.size(), open_.sizes()};
  }

  // After the syntax error `e` in the item that started at `m`: reports it,
  // undoes what the item built, skips to the next item of its block, and
  // leaves an ErrorItem in its place. Returns where parsing resumes.
  const char* recover(const Mark& m, const SyntaxError& e);

 private:
  // Before appending to `list`, one of the file's long lists (its tokens, its
  // top-level items) that fills as the text is read: when it is full, grows
  // it to what the whole file is likely to need at the rate it filled up to
  // `at`, when that is at most 64 times its size, else eightfold; and at
  // least doubles it. A dense start to a file then reserves no more than a
  // bounded multiple of what it holds, and a large file moves such a list a
  // few times, all but the last small, where doubling moved it log2(n)
  // times, the last ones large; each move touches every page of the list
  // again, and page faults are most of a large file's parse.
  template <typename T>
  void make_room(std::vector<T>& list, const char* at) {
    const std::size_t n = list.size();
    if (n < list.capacity()) return;
    const double read = static_cast<double>(at - begin_) + 1, size = static_cast<double>(end_ - begin_) + 1;
    const auto expected = static_cast<std::size_t>(static_cast<double>(n) * (size / read) * 1.05);
    list.reserve(std::max({expected <= 64 * n ? expected : 8 * n, 2 * n, std::size_t{16}}));
  }

  // What the open expressions hold, in the order they were read.
  struct Held {
    std::vector<ast::StringPart> parts;
    std::vector<ast::ExprPtr> elements;
    std::vector<ast::ObjectMember> members;
    std::vector<ast::RefStep> steps;

    HeldSizes sizes() const { return {parts.size(), elements.size(), members.size(), steps.size()}; }
    void truncate(const HeldSizes& to) {
      parts.resize(to.parts), elements.resize(to.elements), members.resize(to.members), steps.resize(to.steps);
    }
  };
  struct OpenExpr {
    ast::Expr* expr;
    HeldSizes held;  // where what it holds starts
  };
  struct Literal {
    const char* begin = nullptr;  // nullptr when none is open
    const char* end = nullptr;
    bool from_source = false;
    std::string decoded;  // the text, when not from_source
  };

  // What an expression holds from index `from` of `stack` on, moved to the arena.
  template <typename T>
  std::span<const T> held(std::vector<T>& stack, std::size_t from) {
    const std::span<const T> out = out_.arena.copy(std::span<const T>(stack).subspan(from));
    stack.resize(from);
    return out;
  }

  void forget_tokens_from(const char* p) {
    const std::uint32_t o = offset(p);
    while (!out_.tokens.empty() && out_.tokens.back().begin >= o) out_.tokens.pop_back();
  }
  // How many line ends lie in the text between two offsets (0, 1, or 2 for
  // more): a comment belongs to the code on its own line or the next.
  int line_ends_between(std::uint32_t from, std::uint32_t to) const {
    int n = 0;
    for (const char* p = begin_ + from; p < begin_ + to && n < 2; ++p) n += *p == '\n';
    return n;
  }
  // Whether `p` is on the last line of the item that just ended.
  bool on_trailing_line(const char* p) const { return line_ends_between(trailing_from_, offset(p)) == 0; }
  void forget_comments_from(const char* p) {
    const std::uint32_t o = offset(p);
    while (!out_.comments.empty() && out_.comments.back().range.begin.offset >= o) out_.comments.pop_back();
  }

  struct Skip {
    const char* stop;
    bool unclosed;  // the end of the file came inside a bracket, string, comment or heredoc
  };
  Skip skip_item(const char* item_begin, const char* error_at, const char* record_from);
  bool starts_item(const char* q) const;

  const SourceFile& file_;
  Diagnostics& diags_;
  ast::File& out_;
  const char* begin_;
  const char* end_;
  Positions positions_;
  std::vector<ast::Block*> blocks_;  // open blocks, innermost last; each owned by its parent's items
  std::vector<OpenExpr> exprs_;
  Held open_;
  Literal literal_;
  std::vector<const char*> pieces_;  // where the open string pieces start
  ast::AttachedComments* awaits_trailing_ = nullptr;  // of the item that just ended
  std::uint32_t trailing_from_ = 0;                   // the offset of its end
  bool ran_to_end_ = false;
};

const char* Builder::recover(const Mark& m, const SyntaxError& e) {
  awaits_trailing_ = nullptr;
  error(e.at, e.message);
  if (e.runs_to_end) runs_to_end();
  exprs_.resize(m.exprs);
  open_.truncate(m.held);
  literal_.begin = nullptr;
  blocks_.resize(m.blocks);
  pieces_.resize(m.pieces);
  std::vector<ast::BodyItem>& list = items();
  list.erase(list.begin() + static_cast<std::ptrdiff_t>(m.items), list.end());
  forget_tokens_from(e.at);
  forget_comments_from(e.at);

  // What parsed before the error keeps its tokens; the rest is skipped.
  const char* item_begin = begin_ + m.begin.offset;
  const std::size_t kept = out_.tokens.size();
  const char* record_from = item_begin;
  if (kept > 0 && out_.tokens.back().end() > m.begin.offset) record_from = begin_ + out_.tokens.back().end();
  const Skip skip = skip_item(item_begin, e.at, record_from);
  if (skip.unclosed) runs_to_end();

  // The error item ends with its last token that is not a comment.
  SourcePos end = m.begin;
  for (std::size_t i = out_.tokens.size(); i > 0 && out_.tokens[i - 1].begin >= m.begin.offset; --i) {
    if (out_.tokens[i - 1].kind() != TokenKind::Comment) {
      end = positions_.at(out_.tokens[i - 1].end());
      break;
    }
  }
  list.push_back(ast::ErrorItem{{&file_, m.begin, end}});
  return skip.stop;
}

// Whether `q` starts an attribute (`name =`) or a block (`kind "label"`,
// `kind {`).
bool Builder::starts_item(const char* q) const {
  const auto is_name = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; };
  if (q == end_ || !(std::isalpha(static_cast<unsigned char>(*q)) || *q == '_')) return false;
  while (q < end_ && is_name(*q)) ++q;
  while (q < end_ && (*q == ' ' || *q == '\t')) ++q;
  if (q == end_) return false;
  return (*q == '=' && (q + 1 == end_ || q[1] != '=')) || *q == '"' || *q == '{';
}

// Scans from the start of a failed item to the first place at or after the
// error where the item can end: a newline, `,` or `;` outside any bracket,
// string or comment, or (inside a block) a `}` that closes the block. A
// closing bracket closes the innermost bracket of its kind and any other
// kinds opened inside it, so a `}` inside a nested list, object or block is
// never taken for the block's end, and a missing `]` does not hide it
// either. Records what lies from `record_from` to the stop: comments as
// comments, the other text as Error tokens between them.
Builder::Skip Builder::skip_item(const char* item_begin, const char* error_at, const char* record_from) {
  const bool in_block = !blocks_.empty();
  std::vector<char> open;  // '{' '[' '(' brackets, '"' strings, '$' interpolations
  std::size_t outer_string = SIZE_MAX;  // where the outermost open string is in `open`
  auto push = [&](char c) {
    if (c == '"' && outer_string == SIZE_MAX) outer_string = open.size();
    open.push_back(c);
  };
  auto pop = [&] {
    open.pop_back();
    if (open.size() <= outer_string) outer_string = SIZE_MAX;
  };
  const char* junk = nullptr;
  const char* junk_end = nullptr;
  auto flush_junk = [&] {
    if (junk) token(TokenKind::Error, junk, junk_end);
    junk = nullptr;
  };
  bool unclosed = false;
  bool line_start = false;  // on a line's leading blanks, after the item's first line
  const char* q = item_begin;
  while (q < end_) {
    const char c = *q;
    const char* next = q + 1;
    bool blank = false, closes_block = false;
    if (!open.empty() && open.back() == '"') {
      if (c == '\n') {
        // A string ends at its line: it is unterminated, and so is every
        // string around it, with what their interpolations opened.
        open.resize(outer_string);
        outer_string = SIZE_MAX;
        continue;
      }
      if (c == '"') pop();
      else if (c == '\\' && q + 1 < end_ && q[1] != '\n') next = q + 2;
      else if (c == '$' && q + 2 < end_ && q[1] == '$' && q[2] == '{') next = q + 3;
      else if (c == '$' && q + 1 < end_ && q[1] == '{') push('$'), next = q + 2;
    } else {
      if (open.empty() && q >= error_at && (c == '\n' || c == ',' || c == ';' || (c == '}' && in_block))) break;
      // A list left open (`zones = ["a", "b"` or `["a", "b",` and a
      // newline) fails on a later line. A line that starts an item of its
      // own ends the list, when the error is on it or before it: nothing
      // but a `{` object holds `name =` or `kind "label"`.
      if (line_start && c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        line_start = false;
        const char* eol = static_cast<const char*>(std::memchr(q, '\n', static_cast<std::size_t>(end_ - q)));
        if (!open.empty() && (error_at < q || !eol || error_at < eol) && starts_item(q) &&
            std::all_of(open.begin(), open.end(), [](char o) { return o == '[' || o == '('; }))
          break;
      }
      if (c == '\n') line_start = true;
      switch (c) {
        case ' ': case '\t': case '\r': case '\n':
          blank = true;
          break;
        case '"': case '{': case '[': case '(':
          push(c);
          break;
        case '}':
          while (!open.empty() && (open.back() == '[' || open.back() == '(')) pop();
          if (!open.empty()) pop();  // a '{' or an interpolation
          else closes_block = in_block && q >= error_at;
          break;
        case ']':
          while (!open.empty() && open.back() == '(') pop();
          if (!open.empty() && open.back() == '[') pop();
          break;
        case ')':
          while (!open.empty() && open.back() == '[') pop();
          if (!open.empty() && open.back() == '(') pop();
          break;
        case '#': case '/': case '<': {
          const std::string_view rest(q, static_cast<std::size_t>(end_ - q));
          bool is_comment = true;
          if (c == '#' || rest.starts_with("//")) {
            const std::size_t eol = rest.find('\n');
            next = eol == std::string_view::npos ? end_ : q + eol;
          } else if (rest.starts_with("/*")) {
            const std::size_t close = rest.find("*/", 2);
            unclosed |= close == std::string_view::npos;
            next = close == std::string_view::npos ? end_ : q + close + 2;
          } else {
            is_comment = false;
            const HeredocScan h = c == '<' ? scan_heredoc(rest) : HeredocScan{};
            if (h.status == HeredocStatus::Ok) next = q + h.shape.length;
            if (h.status == HeredocStatus::Unterminated) next = end_, unclosed = true;
          }
          if (is_comment) {
            if (q >= record_from) flush_junk(), comment(q, next);
            blank = true;
          }
          break;
        }
        default:
          break;
      }
      if (closes_block) break;
    }
    if (!blank && q >= record_from) {
      if (!junk) junk = q;
      junk_end = next;
    }
    q = next;
  }
  flush_junk();
  return {std::min(q, end_), unclosed || (q >= end_ && !open.empty())};
}

// ---- Grammar ------------------------------------------------------------------

namespace grammar {
using namespace tao::pegtl;

// Node rules wrap the rule that parses a node, and create, finish or drop
// the node around it. When PEGTL only looks ahead (apply_mode::nothing) they
// do nothing, as actions do not run then either.
#define ARCHC_RULE_MATCH                                                                                      \
  template <apply_mode A, rewind_mode M, template <typename...> class Action, template <typename...> class Control, \
            typename ParseInput>                                                                              \
  static bool match(ParseInput& in, Builder& b)

// An expression around Body.
template <typename Body>
struct expr_node {
  using rule_t = expr_node;
  using subs_t = type_list<Body>;
  ARCHC_RULE_MATCH {
    if constexpr (A == apply_mode::nothing) {
      return Control<Body>::template match<A, M, Action, Control>(in, b);
    } else {
      b.open_expr(in.current());
      if (!Control<Body>::template match<A, M, Action, Control>(in, b)) {
        b.drop_expr();
        return false;
      }
      b.close_expr(in.current());
      return true;
    }
  }
};

// An attribute or edge of the current block around Body.
template <typename Item, typename Body>
struct item_node {
  using rule_t = item_node;
  using subs_t = type_list<Body>;
  ARCHC_RULE_MATCH {
    if constexpr (A == apply_mode::nothing) {
      return Control<Body>::template match<A, M, Action, Control>(in, b);
    } else {
      b.open_item<Item>(in.current());
      if (!Control<Body>::template match<A, M, Action, Control>(in, b)) {
        b.drop_item();
        return false;
      }
      b.close_item<Item>(in.current());
      return true;
    }
  }
};

// A block around Body: the items Body parses go into it.
template <typename Body>
struct block_node {
  using rule_t = block_node;
  using subs_t = type_list<Body>;
  ARCHC_RULE_MATCH {
    if constexpr (A == apply_mode::nothing) {
      return Control<Body>::template match<A, M, Action, Control>(in, b);
    } else {
      b.open_block(in.current());
      if (!Control<Body>::template match<A, M, Action, Control>(in, b)) {
        b.drop_block();
        return false;
      }
      b.close_block(in.current());
      return true;
    }
  }
};

// The nesting guard: counts nested blocks and expressions and raises an
// error past kMaxNesting. A level is entered before it is known to hold
// anything (a list tries an item even at its `]`), so the error comes only
// when a level inside one past the limit is tried: kMaxNesting levels parse,
// one more does not.
template <typename Rule>
struct nested {
  using rule_t = nested;
  using subs_t = type_list<Rule>;
  ARCHC_RULE_MATCH {
    struct Guard {
      std::size_t& depth;
      ~Guard() { --depth; }
    } guard{++b.depth};
    if (b.depth > kMaxNesting + 1) throw SyntaxError{in.current(), fmt::format("nesting is deeper than {} levels", kMaxNesting)};
    return Control<Rule>::template match<A, M, Action, Control>(in, b);
  }
};

// One item of a block or of the file, which must be there. A syntax error
// inside it is reported and recovered from (Builder::recover), so this rule
// always succeeds.
template <typename Item>
struct recover {
  using rule_t = recover;
  using subs_t = type_list<Item>;
  ARCHC_RULE_MATCH {
    const char* begin = in.current();
    const Builder::Mark mark = b.mark(begin);
    try {
      if (Control<Item>::template match<A, rewind_mode::required, Action, Control>(in, b)) return true;
      throw SyntaxError{begin, Item::expected};
    } catch (const SyntaxError& e) {
      in.iterator() = b.recover(mark, e);
    }
    return true;
  }
};

// ---- Lexical -------------------------------------------------------------
struct line_comment : seq<sor<one<'#'>, two<'/'>>, star<not_one<'\n'>>> {};
// `/* ... */`. An unclosed one runs to the end of the file; its action
// reports it at its `/*`, since at the end of the file, where the `*/` is
// missing, the comment would be hard to find.
struct block_comment {
  using rule_t = block_comment;
  using subs_t = empty_list;
  template <apply_mode, rewind_mode, template <typename...> class Action, template <typename...> class Control,
            typename ParseInput, typename... States>
  static bool match(ParseInput& in, States&&...) {
    const std::string_view rest(in.current(), in.size());
    if (!rest.starts_with("/*")) return false;
    const std::size_t close = rest.find("*/", 2);
    in.bump(close == std::string_view::npos ? rest.size() : close + 2);
    return true;
  }
};
struct comment : sor<line_comment, block_comment> {};

struct comma : one<','> {};
struct semicolon : one<';'> {};

// (' ' / '\t' / '\r' / '\n' if Newlines / comma and semicolon if Separators
// / comment)*: the commonest text of all, so a run of blanks is skipped in
// one loop and only comments and separators go through their rules.
template <bool Newlines, bool Separators>
struct blanks {
  using rule_t = blanks;
  using subs_t = type_list<comment, comma, semicolon>;
  ARCHC_RULE_MATCH {
    while (true) {
      const char* p = in.current();
      const char* end = in.end();
      while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || (Newlines && *p == '\n'))) ++p;
      in.bump(static_cast<std::size_t>(p - in.current()));
      if (p == end) return true;
      if (Separators && *p == ',') {
        if (!Control<comma>::template match<A, M, Action, Control>(in, b)) return true;
      } else if (Separators && *p == ';') {
        if (!Control<semicolon>::template match<A, M, Action, Control>(in, b)) return true;
      } else if (*p == '#' || *p == '/') {
        if (!Control<comment>::template match<A, rewind_mode::required, Action, Control>(in, b)) return true;
      } else {
        return true;
      }
    }
  }
};
// Blanks within a line (a lone CR is whitespace too, so CRLF ends a line).
struct sp : blanks<false, false> {};
// Blanks including newlines: inside brackets and parentheses.
struct spnl : blanks<true, false> {};
// Item separators: newlines, commas, semicolons, with blanks between.
struct seps : blanks<true, true> {};

bool is_ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// A hyphen belongs to a name unless it starts `->`.
struct ident_other : sor<ranges<'a', 'z', 'A', 'Z', '0', '9', '_'>, seq<one<'-'>, not_at<one<'>'>>>> {};
// [A-Za-z_] ident_other*, in one loop: names are the commonest token.
struct ident {
  using rule_t = ident;
  using subs_t = empty_list;
  template <apply_mode, rewind_mode, template <typename...> class Action, template <typename...> class Control,
            typename ParseInput, typename... States>
  static bool match(ParseInput& in, States&&...) {
    const char* p = in.current();
    const char* end = in.end();
    if (p == end || !(is_ident_char(*p) && !(*p >= '0' && *p <= '9'))) return false;
    ++p;
    while (p < end && (is_ident_char(*p) || (*p == '-' && (p + 1 == end || p[1] != '>')))) ++p;
    in.bump(static_cast<std::size_t>(p - in.current()));
    return true;
  }
};

template <typename Word>
struct keyword : seq<Word, not_at<ident_other>> {};
struct kw_true : keyword<TAO_PEGTL_STRING("true")> {};
struct kw_false : keyword<TAO_PEGTL_STRING("false")> {};
struct kw_null : keyword<TAO_PEGTL_STRING("null")> {};
struct kw_internet : keyword<TAO_PEGTL_STRING("internet")> {};

struct digits : plus<digit> {};
struct integer : seq<opt<one<'-'>>, digits> {};
struct number : seq<integer, opt<one<'.'>, digits>> {};
struct range_lo : integer {};
struct dotdot : two<'.'> {};
struct range_hi : integer {};
// Looked at before it is parsed: a number is far commoner than a range, and
// range_lo's action would record it as a token first.
struct range_lit : seq<at<integer, dotdot>, range_lo, dotdot, range_hi> {};

struct expr_body;
// An expression: the nesting guard around an expression node.
struct expr : nested<expr_node<expr_body>> {};

// ---- Strings and heredocs ------------------------------------------------
struct interp_open : string<'$', '{'> {};
struct interp_value : expr {
  static constexpr const char* expected = "expected a value (a string, number, list, object, or reference)";
};
struct interp_close : one<'}'> {
  static constexpr const char* expected = "expected '}' to close the interpolation";
};
struct interp : seq<interp_open, spnl, must<interp_value>, spnl, must<interp_close>> {};
struct dollar_escape : string<'$', '$', '{'> {};  // `$${` is a literal `${`
struct unicode_escape : seq<one<'u'>, one<'{'>, rep_min_max<1, 6, xdigit>, one<'}'>> {};
struct escape_code : sor<one<'"', '\\', 'n', 't'>, unicode_escape> {
  static constexpr const char* expected = "unknown escape: use \\\" \\\\ \\n \\t or \\u{XXXX}";
};
struct escape : seq<one<'\\'>, must<escape_code>> {};
// A `$` is text unless it starts `${` or the `$${` escape.
struct str_text : plus<sor<not_one<'"', '\\', '\n', '$'>, seq<one<'$'>, not_at<opt<one<'$'>>, one<'{'>>>>> {};
struct string_open : one<'"'> {};
struct string_close : one<'"'> {
  static constexpr const char* expected = "unterminated string: expected '\"' before the end of the line";
};
struct string_lit : seq<string_open, star<sor<str_text, escape, dollar_escape, interp>>, must<string_close>> {};

// `<<[-]TAG` ... TAG: see scan_heredoc. A malformed one is an error where it
// starts; an unterminated one takes the rest of the file.
struct heredoc {
  using rule_t = heredoc;
  using subs_t = empty_list;
  template <apply_mode, rewind_mode, template <typename...> class Action, template <typename...> class Control,
            typename ParseInput, typename... States>
  static bool match(ParseInput& in, States&&...) {
    if (in.empty() || in.peek_char() != '<') return false;  // most values: not worth a scan
    HeredocScan h = scan_heredoc(std::string_view(in.current(), in.size()));
    switch (h.status) {
      case HeredocStatus::NotHeredoc: return false;
      case HeredocStatus::Ok: in.bump(h.shape.length); return true;
      case HeredocStatus::Malformed: throw SyntaxError{in.current(), std::move(h.message)};
      case HeredocStatus::Unterminated: throw SyntaxError{in.current(), std::move(h.message), true};
    }
    return false;
  }
};

// ---- Expressions ---------------------------------------------------------
// An element of a list or an argument of a call.
struct element : expr {};

struct list_open : one<'['> {};
struct list_close : one<']'> {
  static constexpr const char* expected = "expected ',' or ']' in the list";
};
struct list : seq<list_open, spnl, opt<element, spnl, star<comma, spnl, element, spnl>, opt<comma, spnl>>, must<list_close>> {};

struct object_open : one<'{'> {};
struct object_close : one<'}'> {
  static constexpr const char* expected = "expected a newline, ',' or '}' after the object member";
};
struct member_name : ident {};
struct member_string : expr_node<string_lit> {};
struct member_eq : one<'='> {
  static constexpr const char* expected = "expected '=' after the object key";
};
struct member_value : expr {
  static constexpr const char* expected = "expected a value (a string, number, list, object, or reference)";
};
struct member : seq<sor<member_name, member_string>, sp, must<member_eq>, sp, must<member_value>> {};
struct member_sep : sor<one<'\n'>, comma, semicolon> {};
struct object : seq<object_open, seps, opt<member, star<sp, member_sep, seps, member>, seps>, must<object_close>> {};

// The name a call or reference starts with.
struct ident_head : ident {};
struct call_open : one<'('> {};
struct call_close : one<')'> {
  static constexpr const char* expected = "expected ',' or ')' in the call";
};
struct call_args : seq<call_open, spnl, opt<element, spnl, star<comma, spnl, element, spnl>, opt<comma, spnl>>, must<call_close>> {};

struct dot : one<'.'> {};
struct ref_attr_name : ident {
  static constexpr const char* expected = "expected a name after '.'";
};
struct ref_attr : seq<dot, must<ref_attr_name>> {};
struct index_open : one<'['> {};
struct index_value : expr {
  static constexpr const char* expected = "expected a value (a string, number, list, object, or reference)";
};
struct index_close : one<']'> {
  static constexpr const char* expected = "expected ']' after the index";
};
struct ref_index : seq<index_open, spnl, must<index_value>, spnl, must<index_close>> {};
struct ref_steps : star<sor<ref_attr, ref_index>> {};
struct reference : seq<ident_head, ref_steps> {};
struct call_or_reference : seq<ident_head, sor<call_args, ref_steps>> {};

struct expr_body
    : sor<string_lit, heredoc, range_lit, number, kw_true, kw_false, kw_null, list, object, call_or_reference> {};

// ---- Items ---------------------------------------------------------------
struct attr_name : ident {};
struct attr_eq : seq<one<'='>, not_at<one<'='>>> {};
struct attr_value : expr {
  static constexpr const char* expected = "expected a value (a string, number, list, object, or reference)";
};
struct attribute : item_node<ast::Attribute, seq<attr_name, sp, attr_eq, sp, must<attr_value>>> {};

// One side of an edge; To tells which.
template <bool To>
struct endpoint_internet : kw_internet {};
template <bool To>
struct endpoint_value : expr_node<sor<string_lit, reference>> {};
struct endpoint_from : sor<endpoint_internet<false>, endpoint_value<false>> {};
struct endpoint_to : sor<endpoint_internet<true>, endpoint_value<true>> {
  static constexpr const char* expected =
      "expected an edge target: internet, a CIDR string or a reference such as asg.app";
};
struct arrow : string<'-', '>'> {};
struct colon : one<':'> {};
struct port_range : seq<at<integer, dotdot>, range_lo, dotdot, range_hi> {};
struct port_number : integer {};
struct port_name : ident {};
struct port_value : sor<port_range, port_number, port_name> {};
// `udp:1194`: a protocol and its ports, written without blanks.
struct port_protocol : ident {};
struct protocol_colon : one<':'> {};
struct protocol_port_value : port_value {
  static constexpr const char* expected = "expected a port after the protocol: udp:1194, udp:8000..8100 or tcp:https";
};
struct port : sor<if_must<seq<at<ident, protocol_colon>, port_protocol, protocol_colon>, protocol_port_value>, port_value> {};
struct port_required : port {
  static constexpr const char* expected =
      "expected a port: a number, a range like 8000..8100, a name like https, udp:1194, icmp or all";
};
// A comma also separates items: a port after one must not start another
// edge. Looked at first, so a port is added only when it is one.
struct more_port : seq<at<sp, comma, sp, port, not_at<sp, sor<arrow, dot>>>, sp, comma, sp, port> {};
struct ports : seq<must<port_required>, star<more_port>> {};
struct edge : item_node<ast::Edge, seq<endpoint_from, sp, arrow, sp, must<endpoint_to>, opt<sp, colon, sp, ports>>> {};

struct block_kind : ident {};
struct label_ident : ident {};
struct label_string : expr_node<string_lit> {};
struct label : sor<label_string, label_ident> {};
struct block_open : one<'{'> {};
struct block_close : one<'}'> {};
// The file ends before the block's `}`: reported by its action, and the
// block keeps what it holds.
struct block_unclosed : eof {};
struct body_item;
struct block_body : seq<block_open, seps, star<not_at<sor<one<'}'>, eof>>, recover<body_item>, seps>,
                        sor<block_close, block_unclosed>> {};
struct block : nested<block_node<seq<block_kind, sp, star<label, sp>, block_body>>> {};

// What an item can be, told from its first characters without building
// anything: the alternatives that cannot match would each create their node
// and record their first name before failing.
enum class ItemStart { Attribute, Block, Edge, Unsure };
ItemStart item_start(const char* p, const char* end) {
  if (p == end || !(is_ident_char(*p) && !(*p >= '0' && *p <= '9'))) return ItemStart::Edge;
  while (p < end && (is_ident_char(*p) || (*p == '-' && (p + 1 == end || p[1] != '>')))) ++p;
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r')) ++p;
  if (p == end) return ItemStart::Edge;
  if (*p == '=') return p + 1 < end && p[1] == '=' ? ItemStart::Edge : ItemStart::Attribute;
  if (*p == '"' || *p == '{' || is_ident_char(*p)) return ItemStart::Block;
  if (*p == '#' || *p == '/') return ItemStart::Unsure;  // a comment before the `=` or the label
  return ItemStart::Edge;
}

// sor<Attribute, Block, Edge...>, trying only the alternative that can match.
template <typename Attribute, typename Block, typename... Edge>
struct item_alternatives {
  using rule_t = item_alternatives;
  using subs_t = type_list<Attribute, Block, Edge...>;
  ARCHC_RULE_MATCH {
    switch (item_start(in.current(), in.end())) {
      case ItemStart::Attribute: return Control<Attribute>::template match<A, M, Action, Control>(in, b);
      case ItemStart::Block: return Control<Block>::template match<A, M, Action, Control>(in, b);
      case ItemStart::Edge:
        if constexpr (sizeof...(Edge) == 0) return false;
        else return Control<Edge...>::template match<A, M, Action, Control>(in, b);
      case ItemStart::Unsure: return Control<sor<Attribute, Block, Edge...>>::template match<A, M, Action, Control>(in, b);
    }
    return false;
  }
};

struct body_item : item_alternatives<attribute, block, edge> {
  static constexpr const char* expected = "expected an attribute (name = value), a block, an edge (a -> b) or '}'";
};
struct top_item : item_alternatives<attribute, block> {
  static constexpr const char* expected = "expected a block (kind \"name\" { ... }) or an attribute (name = value)";
};
struct file : seq<seps, star<not_at<eof>, recover<top_item>, seps>, eof> {};

#undef ARCHC_RULE_MATCH

template <typename Rule>
struct control : normal<Rule> {
  template <typename ParseInput>
  [[noreturn]] static void raise(const ParseInput& in, Builder&) {
    if constexpr (requires { Rule::expected; }) throw SyntaxError{in.current(), Rule::expected};
    else throw SyntaxError{in.current(), "syntax error"};
  }
};

}  // namespace grammar

// ---- Actions -------------------------------------------------------------------

// An integer literal; values beyond int64 saturate (sema range-checks).
std::int64_t to_int(std::string_view s) {
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec == std::errc::result_out_of_range) v = s.front() == '-' ? INT64_MIN : INT64_MAX;
  return v;
}

std::pair<std::int64_t, std::int64_t> range_bounds(std::string_view s) {
  const auto dots = s.find("..");
  return {to_int(s.substr(0, dots)), to_int(s.substr(dots + 2))};
}


// The text of a string that may not interpolate (a label, an object key).
std::string_view plain_text(Builder& b, const ast::Expr& string) {
  const auto parts = string.parts();
  bool interpolates = false;
  for (const auto& part : parts) {
    if (!part.expr) continue;
    b.error(part.range, "a block label cannot contain an interpolation");
    interpolates = true;
  }
  // Literal text is joined into one part between interpolations.
  if (!interpolates) return parts.empty() ? std::string_view{} : parts.front().text;
  std::string out;
  for (const auto& part : parts) out += part.text;
  return b.arena().copy(out);
}

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

template <TokenKind Kind>
struct token_action {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    b.token(Kind, in);
  }
};

// Punctuation and tokens that build nothing.
template <> struct action<grammar::comma> : token_action<TokenKind::Comma> {};
template <> struct action<grammar::semicolon> : token_action<TokenKind::Semicolon> {};
template <> struct action<grammar::range_lo> : token_action<TokenKind::Number> {};
template <> struct action<grammar::range_hi> : token_action<TokenKind::Number> {};
template <> struct action<grammar::dotdot> : token_action<TokenKind::DotDot> {};
template <> struct action<grammar::interp_close> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    b.token(TokenKind::RightBrace, in);
    b.open_string_piece(in.end());
  }
};
template <> struct action<grammar::list_close> : token_action<TokenKind::RightBracket> {};
template <> struct action<grammar::object_close> : token_action<TokenKind::RightBrace> {};
template <> struct action<grammar::member_eq> : token_action<TokenKind::Equals> {};
template <> struct action<grammar::call_close> : token_action<TokenKind::RightParen> {};
template <> struct action<grammar::dot> : token_action<TokenKind::Dot> {};
template <> struct action<grammar::index_open> : token_action<TokenKind::LeftBracket> {};
template <> struct action<grammar::index_close> : token_action<TokenKind::RightBracket> {};

template <> struct action<grammar::line_comment> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    b.comment(in.begin(), in.end());
  }
};
template <> struct action<grammar::block_comment> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    b.comment(in.begin(), in.end());
    const std::string_view text = in.string_view();
    if (text.size() < 4 || !text.ends_with("*/")) {
      b.error(in.begin(), "unterminated comment: expected '*/'");
      b.runs_to_end();
    }
  }
};

// Strings.
template <> struct action<grammar::string_open> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    b.expr().kind = ast::ExprKind::String;
    b.open_string_piece(in.begin());
  }
};
template <> struct action<grammar::string_close> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    b.end_literal();
    b.close_string_piece(in.end());
  }
};
template <> struct action<grammar::str_text> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    b.add_literal(in.string_view(), in.begin(), in.end());
  }
};
template <> struct action<grammar::dollar_escape> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    b.add_literal("${", in.begin(), in.end());
  }
};
template <> struct action<grammar::escape> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    const std::string_view s = in.string_view();
    char decoded[4];
    std::string_view text(decoded, 1);
    std::string utf8;
    switch (s[1]) {
      case 'n': decoded[0] = '\n'; break;
      case 't': decoded[0] = '\t'; break;
      case 'u': {
        std::uint32_t cp = 0;
        std::from_chars(s.data() + 3, s.data() + s.size() - 1, cp, 16);
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
          b.error(b.range(in), "\\u{...} is not a Unicode scalar value");
          return;
        }
        append_utf8(utf8, static_cast<char32_t>(cp));
        text = utf8;
        break;
      }
      default: decoded[0] = s[1]; break;
    }
    b.add_literal(text, in.begin(), in.end());
  }
};
template <> struct action<grammar::interp_open> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    b.end_literal();
    b.close_string_piece(in.begin());
    b.token(TokenKind::InterpolationOpen, in);
  }
};
template <> struct action<grammar::interp> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    ast::ExprPtr value = b.take_expr();
    b.add_part({{}, value, b.range(in)});
  }
};
template <> struct action<grammar::heredoc> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    const SourceRange range = b.token_range(TokenKind::Heredoc, in);
    ast::Expr& e = b.expr();
    e.kind = ast::ExprKind::String;
    e.heredoc = true;
    const std::string_view text = in.string_view();
    b.add_part({b.arena().copy(heredoc_value(text, scan_heredoc(text).shape)), nullptr, range});
  }
};

// Scalars.
template <> struct action<grammar::number> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    b.token(TokenKind::Number, in);
    const std::string_view s = in.string_view();
    ast::Expr& e = b.expr();
    e.kind = ast::ExprKind::Number;
    e.is_integer = s.find('.') == std::string_view::npos;
    double value = 0;
    // Up to 15 digits an integer is exact as a double, and converts faster
    // as an integer than through from_chars' double parsing.
    if (e.is_integer && s.size() <= 15) {
      std::int64_t v = 0;
      std::from_chars(s.data(), s.data() + s.size(), v);
      value = v == 0 && s.front() == '-' ? -0.0 : static_cast<double>(v);  // as from_chars reads `-0`
    } else if (std::from_chars(s.data(), s.data() + s.size(), value).ec == std::errc::result_out_of_range) {
      // Too many digits for a double is infinity, which sema range-checks.
      value = s.front() == '-' ? -HUGE_VAL : HUGE_VAL;
    }
    e.set_number(value);
  }
};
template <> struct action<grammar::range_lit> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    ast::Expr& e = b.expr();
    e.kind = ast::ExprKind::Range;
    const auto [lo, hi] = range_bounds(in.string_view());
    e.set_bounds(lo, hi);
  }
};
template <bool Value>
struct bool_action {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    b.token(TokenKind::Keyword, in);
    b.expr().kind = ast::ExprKind::Bool;
    b.expr().boolean = Value;
  }
};
template <> struct action<grammar::kw_true> : bool_action<true> {};
template <> struct action<grammar::kw_false> : bool_action<false> {};
template <> struct action<grammar::kw_null> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    b.token(TokenKind::Keyword, in);
    b.expr().kind = ast::ExprKind::Null;
  }
};

// Lists, objects, calls and references.
template <> struct action<grammar::element> {
  template <typename ActionInput>
  static void apply(const ActionInput&, Builder& b) {
    b.add_element(b.take_expr());
  }
};
template <> struct action<grammar::list_open> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    b.token(TokenKind::LeftBracket, in);
    b.expr().kind = ast::ExprKind::List;
  }
};
template <> struct action<grammar::object_open> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    b.token(TokenKind::LeftBrace, in);
    b.expr().kind = ast::ExprKind::Object;
  }
};
template <> struct action<grammar::member_name> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    b.add_member({in.string_view(), b.token_range(TokenKind::Identifier, in), nullptr});
  }
};
template <> struct action<grammar::member_string> {
  template <typename ActionInput>
  static void apply(const ActionInput&, Builder& b) {
    const ast::ExprPtr key = b.take_expr();
    b.add_member({plain_text(b, *key), key->range, nullptr});
  }
};
template <> struct action<grammar::member_value> {
  template <typename ActionInput>
  static void apply(const ActionInput&, Builder& b) {
    b.last_member().value = b.take_expr();
  }
};
template <> struct action<grammar::ident_head> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    ast::Expr& e = b.expr();
    e.kind = ast::ExprKind::Reference;
    e.set_name(in.string_view());
    b.token(TokenKind::Identifier, in);
  }
};
template <> struct action<grammar::call_open> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    b.token(TokenKind::LeftParen, in);
    b.expr().kind = ast::ExprKind::Call;
  }
};
template <> struct action<grammar::ref_attr_name> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    b.add_step({in.string_view(), nullptr, b.token_range(TokenKind::Identifier, in)});
  }
};
template <> struct action<grammar::ref_index> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    ast::ExprPtr index = b.take_expr();
    b.add_step({{}, index, b.range(in)});
  }
};

// Attributes.
template <> struct action<grammar::attr_name> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    auto& a = b.item<ast::Attribute>();
    a.name_length = static_cast<std::uint32_t>(in.size());
    b.token(TokenKind::Identifier, in);
  }
};
template <> struct action<grammar::attr_eq> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    b.item<ast::Attribute>().equals_offset = b.offset(in.begin());
    b.token(TokenKind::Equals, in);
  }
};
template <> struct action<grammar::attr_value> {
  template <typename ActionInput>
  static void apply(const ActionInput&, Builder& b) {
    b.item<ast::Attribute>().value = b.take_expr();
  }
};

// Edges.
template <bool To>
ast::Endpoint& endpoint(Builder& b) {
  auto& e = b.item<ast::Edge>();
  return To ? e.to : e.from;
}
template <bool To>
struct action<grammar::endpoint_internet<To>> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    ast::Endpoint& side = endpoint<To>(b);
    side.internet = true;
    side.range = b.token_range(TokenKind::Keyword, in);
  }
};
template <bool To>
struct action<grammar::endpoint_value<To>> {
  template <typename ActionInput>
  static void apply(const ActionInput&, Builder& b) {
    ast::ExprPtr value = b.take_expr();
    ast::Endpoint& side = endpoint<To>(b);
    side.range = value->range;
    side.expr = value;
  }
};
template <> struct action<grammar::arrow> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    b.item<ast::Edge>().arrow = b.token_range(TokenKind::Arrow, in);
  }
};
template <> struct action<grammar::colon> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    b.item<ast::Edge>().colon = b.token_range(TokenKind::Colon, in);
  }
};
template <> struct action<grammar::port_protocol> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    ast::Port p;
    p.protocol = in.string();
    p.protocol_range = b.token_range(TokenKind::Identifier, in);
    b.item<ast::Edge>().ports.push_back(std::move(p));
  }
};
template <> struct action<grammar::protocol_colon> : token_action<TokenKind::ProtocolColon> {};
// The port a value completes: the one its protocol began (`udp:`), or a new one.
inline ast::Port& port_of_value(Builder& b) {
  auto& ports = b.item<ast::Edge>().ports;
  if (ports.empty() || ports.back().protocol.empty() || ports.back().range.valid()) ports.emplace_back();
  return ports.back();
}
template <> struct action<grammar::port_range> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    ast::Port& p = port_of_value(b);
    p.kind = ast::Port::Kind::Range;
    std::tie(p.lo, p.hi) = range_bounds(in.string_view());
    p.range = b.range(in);
  }
};
template <> struct action<grammar::port_number> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    ast::Port& p = port_of_value(b);
    p.lo = p.hi = to_int(in.string_view());
    p.range = b.token_range(TokenKind::Number, in);
  }
};
template <> struct action<grammar::port_name> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    ast::Port& p = port_of_value(b);
    p.kind = ast::Port::Kind::Name;
    p.name = in.string();
    p.range = b.token_range(TokenKind::Identifier, in);
  }
};

// Blocks.
template <> struct action<grammar::block_kind> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    b.block().kind = in.string();
    b.block().kind_range = b.token_range(TokenKind::Identifier, in);
  }
};
template <> struct action<grammar::label_ident> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    b.block().labels.push_back({in.string(), b.token_range(TokenKind::Identifier, in)});
  }
};
template <> struct action<grammar::label_string> {
  template <typename ActionInput>
  static void apply(const ActionInput&, Builder& b) {
    const ast::ExprPtr label = b.take_expr();
    b.block().labels.push_back({std::string(plain_text(b, *label)), label->range});
  }
};
template <> struct action<grammar::block_open> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    b.block().open_brace = b.token_range(TokenKind::LeftBrace, in);
  }
};
template <> struct action<grammar::block_close> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    b.block().close_brace = b.token_range(TokenKind::RightBrace, in);
  }
};
template <> struct action<grammar::block_unclosed> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    // Reported once: the blocks around it end at the end of the file too.
    b.error(in.begin(), grammar::body_item::expected);
    b.runs_to_end();
  }
};

}  // namespace

ast::File parse_file(const SourceFile& file, Diagnostics& diags) {
  ast::File out;
  out.source = &file;
  Builder builder(file, diags, out);
  const std::string_view text = file.text();
  // Positions come from the Builder, so PEGTL does not track lines itself.
  pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf> in(text.data(), text.data() + text.size(),
                                                                            file.path());
  pegtl::parse<grammar::file, action, grammar::control>(in, builder);
  return out;
}

}  // namespace archc
