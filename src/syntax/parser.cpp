// The PEGTL grammar of LANGUAGE.md §1-2 and the conversion of its parse tree
// into the AST. This is the only translation unit that includes PEGTL, so the
// grammar's templates are instantiated once. grammar/archc.peg is the same
// grammar written for people.
#include "syntax/parser.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <optional>

#include <fmt/format.h>
#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>

namespace archc {
namespace {

namespace pegtl = tao::pegtl;

namespace grammar {
using namespace tao::pegtl;

// Thrown for a construct that runs to the end of the file (an unclosed
// comment or heredoc): every later line is inside it, so parsing does not
// resume there.
struct unterminated : parse_error {
  using parse_error::parse_error;
};

// ---- Nesting guard -------------------------------------------------------
// Counts nested blocks and expressions in the input's depth counter and
// raises a parse error past kMaxNesting. A level is entered before it is
// known to hold anything (a list tries an item even at its `]`), so the error
// comes only when a level inside one past the limit is tried: kMaxNesting
// levels parse, one more does not.
template <typename Rule>
struct nested {
  using rule_t = nested;
  using subs_t = type_list<Rule>;

  template <apply_mode A, rewind_mode M, template <typename...> class Action, template <typename...> class Control,
            typename ParseInput, typename... States>
  static bool match(ParseInput& in, States&&... st) {
    struct Guard {
      std::size_t& depth;
      ~Guard() { --depth; }
    } guard{++in.private_depth};
    if (in.private_depth > kMaxNesting + 1)
      throw parse_error(fmt::format("nesting is deeper than {} levels", kMaxNesting), in);
    return Control<Rule>::template match<A, M, Action, Control>(in, st...);
  }
};

// ---- Lexical -------------------------------------------------------------
struct line_comment : seq<sor<one<'#'>, two<'/'>>, star<not_one<'\n'>>> {};
struct block_comment_open : string<'/', '*'> {};
struct block_comment_end : string<'*', '/'> {};
// Reported at its `/*`: at the end of the file, where the `*/` is missing,
// the comment would be hard to find.
struct block_comment_unclosed {
  using rule_t = block_comment_unclosed;
  using subs_t = empty_list;

  template <apply_mode, rewind_mode, template <typename...> class Action, template <typename...> class Control,
            typename ParseInput, typename... States>
  static bool match(ParseInput& in, States&&...) {
    throw unterminated("unterminated comment: expected '*/'", in);
  }
};
struct block_comment : sor<seq<block_comment_open, until<block_comment_end>>,
                           seq<at<block_comment_open>, block_comment_unclosed>> {};
struct comment : sor<line_comment, block_comment> {};

// Blanks within a line (a lone CR is whitespace too, so CRLF ends a line).
struct sp : star<sor<one<' ', '\t', '\r'>, comment>> {};
// Blanks including newlines: inside brackets and parentheses.
struct spnl : star<sor<one<' ', '\t', '\r', '\n'>, comment>> {};
// Item separators: newlines, commas, semicolons, with blanks between.
struct seps : star<sor<one<' ', '\t', '\r', '\n', ',', ';'>, comment>> {};

struct ident_first : ranges<'a', 'z', 'A', 'Z', '_'> {};
// A hyphen belongs to a name unless it starts `->`.
struct ident_other : sor<ranges<'a', 'z', 'A', 'Z', '0', '9', '_'>, seq<one<'-'>, not_at<one<'>'>>>> {};
struct ident : seq<ident_first, star<ident_other>> {};

template <typename Word>
struct keyword : seq<Word, not_at<ident_other>> {};
struct kw_true : keyword<TAO_PEGTL_STRING("true")> {};
struct kw_false : keyword<TAO_PEGTL_STRING("false")> {};
struct kw_null : keyword<TAO_PEGTL_STRING("null")> {};
struct kw_internet : keyword<TAO_PEGTL_STRING("internet")> {};

struct digits : plus<digit> {};
struct integer : seq<opt<one<'-'>>, digits> {};
struct number : seq<integer, opt<one<'.'>, digits>> {};
struct range_lit : seq<integer, two<'.'>, integer> {};

struct expr;
struct expr_required;

// ---- Strings and heredocs ------------------------------------------------
struct interp_close : one<'}'> {};
struct interp : seq<string<'$', '{'>, spnl, must<expr_required>, spnl, must<interp_close>> {};
struct dollar_escape : string<'$', '$', '{'> {};  // `$${` is a literal `${`
struct unicode_escape : seq<one<'u'>, one<'{'>, rep_min_max<1, 6, xdigit>, one<'}'>> {};
struct escape_code : sor<one<'"', '\\', 'n', 't'>, unicode_escape> {};
struct escape : seq<one<'\\'>, must<escape_code>> {};
// A `$` is text unless it starts `${` or the `$${` escape.
struct str_text : plus<sor<not_one<'"', '\\', '\n', '$'>, seq<one<'$'>, not_at<opt<one<'$'>>, one<'{'>>>>> {};
struct string_close : one<'"'> {};
struct string_lit : seq<one<'"'>, star<sor<str_text, escape, dollar_escape, interp>>, must<string_close>> {};

struct heredoc_shape {
  bool indented = false;
  std::size_t body_begin = 0, body_end = 0;  // offsets into the matched text
  std::size_t length = 0;                    // of the whole heredoc
};

struct heredoc_error {
  std::string message;
  bool runs_to_end = false;  // unterminated: the rest of the file is its body
};

// Splits `<<[-]TAG\n body\n TAG` at the start of `text`. Returns nullopt when
// the text does not start a heredoc; throws heredoc_error when it starts one
// that is malformed.
std::optional<heredoc_shape> split_heredoc(std::string_view text) {
  if (text.size() < 2 || text[0] != '<' || text[1] != '<') return std::nullopt;
  heredoc_shape h;
  std::size_t i = 2;
  if (i < text.size() && text[i] == '-') h.indented = true, ++i;
  std::size_t tag_begin = i;
  auto is_tag = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  while (i < text.size() && is_tag(text[i])) ++i;
  if (i == tag_begin) throw heredoc_error{"expected a heredoc tag after '<<', as in <<EOT"};
  std::string_view tag = text.substr(tag_begin, i - tag_begin);
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r')) ++i;
  if (i >= text.size() || text[i] != '\n') throw heredoc_error{"expected a newline after the heredoc tag"};
  h.body_begin = ++i;
  while (i < text.size()) {
    std::size_t eol = text.find('\n', i);
    std::size_t line_end = eol == std::string_view::npos ? text.size() : eol;
    std::string_view line = text.substr(i, line_end - i);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    if (line == tag) {
      h.body_end = i;
      // Stop right after the tag, before the line end, which separates items.
      h.length = text.find(tag, i) + tag.size();
      return h;
    }
    if (eol == std::string_view::npos) break;
    i = eol + 1;
  }
  throw heredoc_error{fmt::format("unterminated heredoc: no line holds only '{}'", tag), true};
}

struct heredoc {
  using rule_t = heredoc;
  using subs_t = empty_list;

  template <apply_mode, rewind_mode, template <typename...> class Action, template <typename...> class Control,
            typename ParseInput, typename... States>
  static bool match(ParseInput& in, States&&...) {
    std::optional<heredoc_shape> h;
    try {
      h = split_heredoc(std::string_view(in.current(), in.size()));
    } catch (const heredoc_error& e) {
      if (e.runs_to_end) throw unterminated(e.message, in);
      throw parse_error(e.message, in);
    }
    if (!h) return false;
    in.bump(h->length);
    return true;
  }
};

// ---- Expressions ---------------------------------------------------------
struct list_close : one<']'> {};
struct list : seq<one<'['>, spnl, opt<expr, spnl, star<one<','>, spnl, expr, spnl>, opt<one<','>, spnl>>, must<list_close>> {};

struct member_name : ident {};
struct member_key : sor<member_name, string_lit> {};
struct member_eq : one<'='> {};
struct member : seq<member_key, sp, must<member_eq>, sp, must<expr_required>> {};
struct object_close : one<'}'> {};
struct object : seq<one<'{'>, seps, opt<member, star<sp, one<'\n', ',', ';'>, seps, member>, seps>, must<object_close>> {};

struct call_name : ident {};
struct call_close : one<')'> {};
struct call : seq<call_name, one<'('>, spnl, opt<expr, spnl, star<one<','>, spnl, expr, spnl>, opt<one<','>, spnl>>, must<call_close>> {};

struct ref_root : ident {};
struct ref_attr_name : ident {};
struct ref_attr : seq<one<'.'>, must<ref_attr_name>> {};
struct ref_index_close : one<']'> {};
struct ref_index : seq<one<'['>, spnl, must<expr_required>, spnl, must<ref_index_close>> {};
struct reference : seq<ref_root, star<sor<ref_attr, ref_index>>> {};

struct expr_body : sor<string_lit, heredoc, range_lit, number, kw_true, kw_false, kw_null, list, object, call, reference> {};
struct expr : nested<expr_body> {};
struct expr_required : expr {};

// ---- Items ---------------------------------------------------------------
struct attr_name : ident {};
struct attribute : seq<attr_name, sp, one<'='>, not_at<one<'='>>, sp, must<expr_required>> {};

struct endpoint : sor<kw_internet, string_lit, reference> {};
struct endpoint_required : endpoint {};
struct port_range : range_lit {};
struct port_number : integer {};
struct port_name : ident {};
struct port : sor<port_range, port_number, port_name> {};
struct port_required : port {};
// A comma also separates items: a port after one must not start another edge.
struct more_port : seq<sp, one<','>, sp, port, not_at<sp, sor<string<'-', '>'>, one<'.'>>>> {};
struct ports : seq<must<port_required>, star<more_port>> {};
struct edge : seq<endpoint, sp, string<'-', '>'>, sp, must<endpoint_required>, opt<sp, one<':'>, sp, ports>> {};

struct block;
struct body_item : sor<attribute, block, edge> {};
struct block_close : one<'}'> {};
struct block_kind : ident {};
struct label_string : string_lit {};
struct label_ident : ident {};
struct label : sor<label_string, label_ident> {};
struct block_body : seq<one<'{'>, seps, star<body_item, seps>, must<block_close>> {};
struct block_head : seq<block_kind, sp, star<label, sp>, at<one<'{'>>> {};
struct block : nested<seq<block_head, block_body>> {};

struct top_item : sor<attribute, block> {};
struct top_item_required : top_item {};

// ---- Error messages ------------------------------------------------------
template <typename Rule>
inline constexpr const char* message = nullptr;
template <> inline constexpr const char* message<expr_required> = "expected a value (a string, number, list, object, or reference)";
template <> inline constexpr const char* message<interp_close> = "expected '}' to close the interpolation";
template <> inline constexpr const char* message<escape_code> = "unknown escape: use \\\" \\\\ \\n \\t or \\u{XXXX}";
template <> inline constexpr const char* message<string_close> = "unterminated string: expected '\"' before the end of the line";
template <> inline constexpr const char* message<list_close> = "expected ',' or ']' in the list";
template <> inline constexpr const char* message<member_eq> = "expected '=' after the object key";
template <> inline constexpr const char* message<object_close> = "expected a newline, ',' or '}' after the object member";
template <> inline constexpr const char* message<call_close> = "expected ',' or ')' in the call";
template <> inline constexpr const char* message<ref_attr_name> = "expected a name after '.'";
template <> inline constexpr const char* message<ref_index_close> = "expected ']' after the index";
template <> inline constexpr const char* message<endpoint_required> = "expected an edge target: internet, a CIDR string or a reference such as asg.app";
template <> inline constexpr const char* message<port_required> = "expected a port: a number, a range like 8000..8100, or a name like https";
template <> inline constexpr const char* message<block_close> = "expected an attribute (name = value), a block, an edge (a -> b) or '}'";
template <> inline constexpr const char* message<top_item_required> = "expected a block (kind \"name\" { ... }) or an attribute (name = value)";

template <typename Rule>
struct control : normal<Rule> {
  template <typename ParseInput, typename... States>
  [[noreturn]] static void raise(const ParseInput& in, States&&...) {
    if constexpr (message<Rule> != nullptr) throw parse_error(message<Rule>, in);
    else throw parse_error("syntax error", in);
  }
};

// ---- Parse-tree selection ------------------------------------------------
template <typename Rule>
using selector = parse_tree::selector<
    Rule,
    parse_tree::store_content::on<line_comment, block_comment, str_text, escape, dollar_escape, interp, string_lit,
                                  heredoc, range_lit, number, kw_true, kw_false, kw_null, list, object,
                                  member, member_name, call, call_name, reference, ref_root, ref_attr_name, ref_index, attribute,
                                  attr_name, edge, kw_internet, port_range, port_number, port_name, block, block_kind,
                                  label_string, label_ident>>;

}  // namespace grammar

using Node = pegtl::parse_tree::node;

// ---- Parse tree → AST ----------------------------------------------------
class Converter {
 public:
  Converter(const SourceFile& file, Diagnostics& diags) : file_(file), diags_(diags) {}

  SourceRange range_of(const Node& n) const {
    return file_.range(offset(n.m_begin.data), offset(n.m_end.data));
  }

  ast::BodyItem item(const Node& n) {
    if (n.is_type<grammar::attribute>()) return attribute(n);
    if (n.is_type<grammar::block>()) return block(n);
    return edge(n);
  }

  void comment(const Node& n, std::vector<ast::Comment>& out) const {
    std::string text = n.string();
    while (!text.empty() && text.back() == '\r') text.pop_back();
    out.push_back({std::move(text), range_of(n)});
  }

 private:
  std::uint32_t offset(const char* p) const { return static_cast<std::uint32_t>(p - file_.text().data()); }

  ast::Attribute attribute(const Node& n) {
    ast::Attribute a;
    a.name = n.children[0]->string();
    a.name_range = range_of(*n.children[0]);
    a.value = expr(*n.children[1]);
    a.range = range_of(n);
    return a;
  }

  std::unique_ptr<ast::Block> block(const Node& n) {
    auto b = std::make_unique<ast::Block>();
    b->range = range_of(n);
    for (const auto& c : n.children) {
      if (c->is_type<grammar::block_kind>()) {
        b->kind = c->string();
        b->kind_range = range_of(*c);
      } else if (c->is_type<grammar::label_string>()) {
        b->labels.push_back({plain_text(*c), range_of(*c)});
      } else if (c->is_type<grammar::label_ident>()) {
        b->labels.push_back({c->string(), range_of(*c)});
      } else {
        b->items.push_back(item(*c));
      }
    }
    return b;
  }

  ast::Edge edge(const Node& n) {
    ast::Edge e;
    e.range = range_of(n);
    std::size_t i = 0;
    auto endpoint = [&](ast::Endpoint& ep) {
      const Node& c = *n.children[i++];
      ep.range = range_of(c);
      if (c.is_type<grammar::kw_internet>()) ep.internet = true;
      else ep.expr = expr(c);
    };
    endpoint(e.from);
    endpoint(e.to);
    for (; i < n.children.size(); ++i) {
      const Node& c = *n.children[i];
      ast::Port p;
      p.range = range_of(c);
      if (c.is_type<grammar::port_range>()) {
        p.kind = ast::Port::Kind::Range;
        std::tie(p.lo, p.hi) = range_bounds(c.string_view());
      } else if (c.is_type<grammar::port_number>()) {
        p.lo = p.hi = to_int(c.string_view());
      } else {
        p.kind = ast::Port::Kind::Name;
        p.name = c.string();
      }
      e.ports.push_back(std::move(p));
    }
    return e;
  }

  // An integer literal; values beyond int64 saturate (sema range-checks).
  static std::int64_t to_int(std::string_view s) {
    std::int64_t v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec == std::errc::result_out_of_range) v = s.front() == '-' ? INT64_MIN : INT64_MAX;
    return v;
  }

  static std::pair<std::int64_t, std::int64_t> range_bounds(std::string_view s) {
    auto dots = s.find("..");
    return {to_int(s.substr(0, dots)), to_int(s.substr(dots + 2))};
  }

  // The decoded text of a string literal without interpolations (labels).
  std::string plain_text(const Node& string_node) {
    std::string out;
    for (const auto& part : string_node.children) {
      if (part->is_type<grammar::interp>()) {
        diags_.report(Rule::Syntax, range_of(*part), "a block label cannot contain an interpolation");
        continue;
      }
      out += literal(*part);
    }
    return out;
  }

  static void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  // Text of a literal string part: plain text, an escape or `$${`.
  std::string literal(const Node& n) {
    std::string_view s = n.string_view();
    if (n.is_type<grammar::dollar_escape>()) return "${";
    if (!n.is_type<grammar::escape>()) return std::string(s);
    switch (s[1]) {
      case 'n': return "\n";
      case 't': return "\t";
      case 'u': {
        auto cp = std::strtoul(std::string(s.substr(3, s.size() - 4)).c_str(), nullptr, 16);
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
          diags_.report(Rule::Syntax, range_of(n), "\\u{...} is not a Unicode scalar value");
          return {};
        }
        std::string out;
        append_utf8(out, static_cast<std::uint32_t>(cp));
        return out;
      }
      default: return std::string(1, s[1]);
    }
  }

  void string_parts(const Node& n, ast::Expr& e) {
    for (const auto& part : n.children) {
      if (part->is_type<grammar::interp>()) {
        e.parts.push_back({{}, expr(*part->children.front()), range_of(*part)});
      } else if (!e.parts.empty() && !e.parts.back().expr) {
        e.parts.back().text += literal(*part);
        e.parts.back().range.end = range_of(*part).end;
      } else {
        e.parts.push_back({literal(*part), nullptr, range_of(*part)});
      }
    }
  }

  void heredoc(const Node& n, ast::Expr& e);

  ast::ExprPtr expr(const Node& n) {
    auto e = std::make_unique<ast::Expr>();
    e->range = range_of(n);
    if (n.is_type<grammar::string_lit>()) {
      e->kind = ast::ExprKind::String;
      string_parts(n, *e);
    } else if (n.is_type<grammar::heredoc>()) {
      e->kind = ast::ExprKind::String;
      e->heredoc = true;
      heredoc(n, *e);
    } else if (n.is_type<grammar::number>()) {
      e->kind = ast::ExprKind::Number;
      std::string s = n.string();
      e->is_integer = s.find('.') == std::string::npos;
      e->number = std::strtod(s.c_str(), nullptr);
    } else if (n.is_type<grammar::range_lit>()) {
      e->kind = ast::ExprKind::Range;
      std::tie(e->lo, e->hi) = range_bounds(n.string_view());
    } else if (n.is_type<grammar::kw_true>() || n.is_type<grammar::kw_false>()) {
      e->kind = ast::ExprKind::Bool;
      e->boolean = n.is_type<grammar::kw_true>();
    } else if (n.is_type<grammar::kw_null>()) {
      e->kind = ast::ExprKind::Null;
    } else if (n.is_type<grammar::list>()) {
      e->kind = ast::ExprKind::List;
      for (const auto& c : n.children) e->items.push_back(expr(*c));
    } else if (n.is_type<grammar::object>()) {
      e->kind = ast::ExprKind::Object;
      for (const auto& m : n.children) {
        const Node& key = *m->children[0];
        ast::ObjectMember om;
        om.key = key.is_type<grammar::string_lit>() ? plain_text(key) : key.string();
        om.key_range = range_of(key);
        om.value = expr(*m->children[1]);
        e->members.push_back(std::move(om));
      }
    } else if (n.is_type<grammar::call>()) {
      e->kind = ast::ExprKind::Call;
      e->name = n.children[0]->string();
      e->name_range = range_of(*n.children[0]);
      for (std::size_t i = 1; i < n.children.size(); ++i)
        e->items.push_back(expr(*n.children[i]));
    } else {  // reference
      e->kind = ast::ExprKind::Reference;
      e->name = n.children[0]->string();
      e->name_range = range_of(*n.children[0]);
      for (std::size_t i = 1; i < n.children.size(); ++i) {
        const Node& c = *n.children[i];
        ast::RefStep step;
        step.range = range_of(c);
        if (c.is_type<grammar::ref_attr_name>()) step.name = c.string();
        else step.index = expr(*c.children.front());
        e->steps.push_back(std::move(step));
      }
    }
    return e;
  }

  const SourceFile& file_;
  Diagnostics& diags_;
};

// Moves every comment out of the tree into `out`, in source order, so the
// conversion sees only syntax.
void extract_comments(Node& n, const Converter& conv, std::vector<ast::Comment>& out) {
  auto& kids = n.children;
  for (auto& c : kids) {
    if (c->is_type<grammar::line_comment>() || c->is_type<grammar::block_comment>()) conv.comment(*c, out);
    else extract_comments(*c, conv, out);
  }
  kids.erase(std::remove_if(kids.begin(), kids.end(),
                            [](const auto& c) {
                              return c->template is_type<grammar::line_comment>() ||
                                     c->template is_type<grammar::block_comment>();
                            }),
             kids.end());
}

// A heredoc is literal text, so shell scripts keep their `${VAR}`; `<<-`
// removes the indentation common to its non-blank lines.
void Converter::heredoc(const Node& n, ast::Expr& e) {
  std::string_view text = n.string_view();
  const grammar::heredoc_shape h = *grammar::split_heredoc(text);
  std::string_view body = text.substr(h.body_begin, h.body_end - h.body_begin);
  std::string value;
  if (!h.indented) {
    value = body;
  } else {
    std::vector<std::string_view> lines;
    std::size_t indent = std::string_view::npos;
    for (std::string_view rest = body; !rest.empty();) {
      std::size_t eol = rest.find('\n');
      std::string_view line = rest.substr(0, eol == std::string_view::npos ? rest.size() : eol + 1);
      if (line.find_first_not_of(" \t\r\n") != std::string_view::npos)
        indent = std::min(indent, line.find_first_not_of(" \t"));
      lines.push_back(line);
      rest.remove_prefix(line.size());
    }
    for (std::string_view line : lines) {
      std::size_t lead = std::min({indent, line.find_first_not_of(" \t"), line.size()});
      value += line.substr(lead);
    }
  }
  e.parts.push_back({std::move(value), nullptr, range_of(n)});
}

// Where to resume after a syntax error: the next line at or after `from`
// that starts, in its first column, a top-level item.
std::size_t resync_offset(std::string_view text, std::size_t from) {
  std::size_t i = text.find('\n', from);
  while (i != std::string_view::npos) {
    ++i;
    if (i < text.size() && (std::isalpha(static_cast<unsigned char>(text[i])) || text[i] == '_')) return i;
    i = text.find('\n', i);
  }
  return text.size();
}

}  // namespace

ast::File parse_file(const SourceFile& file, Diagnostics& diags) {
  ast::File out;
  Converter conv(file, diags);
  std::string_view text = file.text();
  std::size_t offset = 0;
  while (offset < text.size()) {
    const SourcePos pos = file.pos_at(static_cast<std::uint32_t>(offset));
    // PEGTL's own line and column are not used (SourceFile computes them),
    // but its column is 1-based and asserted to be so.
    pegtl::memory_input<> in(text.data() + offset, text.data() + text.size(), file.path(), offset, pos.line,
                             pos.column);
    try {
      auto root = pegtl::parse_tree::parse<pegtl::seq<grammar::seps, pegtl::sor<pegtl::eof, pegtl::must<grammar::top_item_required>>>,
                                           grammar::selector, pegtl::nothing, grammar::control>(in);
      extract_comments(*root, conv, out.comments);
      for (const auto& c : root->children) out.items.push_back(conv.item(*c));
      offset = static_cast<std::size_t>(in.current() - text.data());
      if (in.empty()) break;
      // Items on one line need no separator (LANGUAGE.md §2); anything else
      // that follows is the next item's business.
    } catch (const pegtl::parse_error& e) {
      const auto at = static_cast<std::uint32_t>(e.positions().front().byte);
      diags.report(Rule::Syntax, file.range(at, at + 1), std::string(e.message()));
      const bool runs_to_end = dynamic_cast<const grammar::unterminated*>(&e) != nullptr;
      offset = runs_to_end ? text.size() : resync_offset(text, at > offset ? at : offset);
    }
  }
  return out;
}

}  // namespace archc
