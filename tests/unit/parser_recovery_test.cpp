// The parser as an editor uses it: recovery inside a block after a syntax
// error, the tokens of a file with their ranges, comments attached to the
// items they describe, and input no editor buffer should crash it with.
#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>

#include <catch2/catch.hpp>

#include "test_support.hpp"

namespace archc {
namespace {

using test::parse;
using test::text_of;
using Strings = std::vector<std::string>;

const ast::Block& block(const ast::BodyItem& item) {
  REQUIRE(std::holds_alternative<std::unique_ptr<ast::Block>>(item));
  return *std::get<std::unique_ptr<ast::Block>>(item);
}

// One line per item: "attribute NAME", "block KIND", "edge FROM -> TO",
// "error TEXT", so a test compares what a block holds at a glance.
Strings outline(const std::vector<ast::BodyItem>& items) {
  Strings out;
  for (const auto& item : items) {
    if (const auto* a = std::get_if<ast::Attribute>(&item)) out.push_back("attribute " + std::string(a->name()));
    else if (const auto* b = std::get_if<std::unique_ptr<ast::Block>>(&item)) out.push_back("block " + (*b)->kind);
    else if (const auto* e = std::get_if<std::unique_ptr<ast::Edge>>(&item))
      out.push_back("edge " + text_of((*e)->from.range) + " -> " + text_of((*e)->to.range));
    else out.push_back("error " + text_of(std::get<ast::ErrorItem>(item).range));
  }
  return out;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// What every parse must give, whatever the input: tokens in source order,
// not overlapping, inside the text, none empty; every range of the tree and
// of the diagnostics inside the text.
void check_invariants(const test::Parsed& p) {
  const auto size = static_cast<std::uint32_t>(p.file->text().size());
  std::uint32_t previous_end = 0;
  for (const auto& t : p.tree.tokens) {
    REQUIRE(t.begin >= previous_end);
    REQUIRE(t.begin < t.end());
    REQUIRE(t.end() <= size);
    previous_end = t.end();
  }
  for (const auto& d : p.diags.all()) {
    REQUIRE(d.rule == Rule::Syntax);
    REQUIRE(d.range.begin.offset <= size);
  }
  REQUIRE(std::is_sorted(p.tree.comments.begin(), p.tree.comments.end(),
                         [](const auto& a, const auto& b) { return a.range.begin.offset < b.range.begin.offset; }));
}

// ---- Recovery inside a block ---------------------------------------------------

TEST_CASE("a bad attribute becomes an error item; the rest of its block and of the file is parsed") {
  auto p = parse(
      "vpc \"lab\" {\n"
      "  cidr = = \"10.0.0.0/16\"\n"
      "  zones = [\"a\", \"c\"]\n"
      "  subnet \"app\" { size = 24 }\n"
      "}\n"
      "alb \"web\" { port = 80 }\n");
  CHECK(test::briefs(p->diags) ==
        Strings{"2:10: error[syntax]: expected a value (a string, number, list, object, or reference)"});
  REQUIRE(p->tree.items.size() == 2);
  const auto& vpc = block(p->tree.items[0]);
  CHECK(outline(vpc.items) == Strings{"error cidr = = \"10.0.0.0/16\"", "attribute zones", "block subnet"});
  const auto& error = std::get<ast::ErrorItem>(vpc.items[0]).range;
  CHECK((error.begin.line == 2 && error.begin.column == 3 && error.end.line == 2 && error.end.column == 25));
  CHECK(outline(block(vpc.items[2]).items) == Strings{"attribute size"});
  CHECK(outline(block(p->tree.items[1]).items) == Strings{"attribute port"});
}

TEST_CASE("items on the same line resume after the next ',' or ';'") {
  auto p = parse("listener \"http\" { port = = 80, redirect = 443; forward = }\nx = 1\n");
  CHECK(test::briefs(p->diags) ==
        Strings{"1:26: error[syntax]: expected a value (a string, number, list, object, or reference)",
                "1:58: error[syntax]: expected a value (a string, number, list, object, or reference)"});
  REQUIRE(p->tree.items.size() == 2);
  CHECK(outline(block(p->tree.items[0]).items) ==
        Strings{"error port = = 80", "attribute redirect", "error forward ="});
  CHECK(text_of(block(p->tree.items[0]).close_brace) == "}");
}

TEST_CASE("a bad edge becomes an error item; the chain's other edges are kept") {
  auto p = parse(
      "sg-chain \"tiers\" {\n"
      "  internet -> alb.web : http\n"
      "  alb.web -> : http\n"
      "  asg.app -> rds.main : mysql\n"
      "}\n"
      "rds \"main\" {}\n");
  CHECK(test::briefs(p->diags) ==
        Strings{"3:14: error[syntax]: expected an edge target: internet, a CIDR string or a reference such as asg.app"});
  REQUIRE(p->tree.items.size() == 2);
  CHECK(outline(block(p->tree.items[0]).items) ==
        Strings{"edge internet -> alb.web", "error alb.web -> : http", "edge asg.app -> rds.main"});
  const auto& error = std::get<ast::ErrorItem>(block(p->tree.items[0]).items[1]).range;
  CHECK((error.begin.line == 3 && error.begin.column == 3 && error.end.column == 20));
  CHECK(block(p->tree.items[1]).kind == "rds");
}

TEST_CASE("a bad nested block is skipped whole, braces inside it included") {
  SECTION("a bad head: the block's own } does not close the enclosing block") {
    auto p = parse(
        "vpc \"lab\" {\n"
        "  subnet \"public\" 12 { public = true, tags = { a = \"}\" } }\n"
        "  subnet \"app\" { size = 24 }\n"
        "  nat = \"single\"\n"
        "}\n"
        "asg \"app\" {}\n");
    CHECK(test::briefs(p->diags) ==
          Strings{"2:3: error[syntax]: expected an attribute (name = value), a block, an edge (a -> b) or '}'"});
    REQUIRE(p->tree.items.size() == 2);
    CHECK(outline(block(p->tree.items[0]).items) ==
          Strings{"error subnet \"public\" 12 { public = true, tags = { a = \"}\" } }", "block subnet", "attribute nat"});
    CHECK(block(p->tree.items[1]).kind == "asg");
  }
  SECTION("an error inside the nested block stays inside it") {
    auto p = parse(
        "vpc \"lab\" {\n"
        "  subnet \"db\" { cidrs = [\"10.0.1.0/24\" }\n"
        "  subnet \"app\" { size = 24 }\n"
        "}\n");
    CHECK(test::briefs(p->diags) == Strings{"2:40: error[syntax]: expected ',' or ']' in the list"});
    const auto& vpc = block(p->tree.items.at(0));
    CHECK(outline(vpc.items) == Strings{"block subnet", "block subnet"});
    const auto& db = block(vpc.items[0]);
    CHECK(outline(db.items) == Strings{"error cidrs = [\"10.0.1.0/24\""});
    CHECK(text_of(db.range) == "subnet \"db\" { cidrs = [\"10.0.1.0/24\" }");
    CHECK(outline(block(vpc.items[1]).items) == Strings{"attribute size"});
  }
  SECTION("a missing ] across lines: the block's } still closes the block") {
    auto p = parse(
        "vpc \"a\" {\n"
        "  zones = [\"a\", \"b\"\n"
        "}\n"
        "alb \"b\" {}\n");
    CHECK(test::briefs(p->diags) == Strings{"3:1: error[syntax]: expected ',' or ']' in the list"});
    REQUIRE(p->tree.items.size() == 2);
    CHECK(outline(block(p->tree.items[0]).items) == Strings{"error zones = [\"a\", \"b\""});
  }
}

TEST_CASE("an unterminated string is reported, and parsing goes on at the next line") {
  auto p = parse(
      "vpc \"lab\" {\n"
      "  cidr = \"10.0.0.0/16\n"
      "  zones = [\"a\", \"c\"]\n"
      "}\n"
      "alb \"web\" { port = 80 }\n");
  CHECK(test::briefs(p->diags) ==
        Strings{"2:22: error[syntax]: unterminated string: expected '\"' before the end of the line"});
  REQUIRE(p->tree.items.size() == 2);
  CHECK(outline(block(p->tree.items[0]).items) == Strings{"error cidr = \"10.0.0.0/16", "attribute zones"});
  CHECK(outline(block(p->tree.items[1]).items) == Strings{"attribute port"});

  SECTION("inside an interpolation too") {
    auto q = parse("x = \"a${f(\"b)}\ny = 2\n");
    CHECK(test::briefs(q->diags) ==
          Strings{"1:15: error[syntax]: unterminated string: expected '\"' before the end of the line"});
    CHECK(outline(q->tree.items) == Strings{"error x = \"a${f(\"b)}", "attribute y"});
  }
}

TEST_CASE("a block the file ends inside keeps its items") {
  auto p = parse("vpc \"a\" {\n  cidr = \"10.0.0.0/16\"\n  subnet \"b\" {\n");
  CHECK(test::briefs(p->diags) ==
        Strings{"4:1: error[syntax]: expected an attribute (name = value), a block, an edge (a -> b) or '}'"});
  const auto& vpc = block(p->tree.items.at(0));
  CHECK(outline(vpc.items) == Strings{"attribute cidr", "block subnet"});
  CHECK(!vpc.close_brace.valid());
}

TEST_CASE("stray closing brackets at the top level are skipped") {
  auto p = parse("} ] )\nx = 1\n");
  CHECK(test::briefs(p->diags) ==
        Strings{"1:1: error[syntax]: expected a block (kind \"name\" { ... }) or an attribute (name = value)"});
  CHECK(outline(p->tree.items) == Strings{"error } ] )", "attribute x"});
}

// ---- Tokens ----------------------------------------------------------------------

TEST_CASE("every token has a kind and a range, punctuation included") {
  auto p = parse("x = f(a.b[0], 1..2, \"s${v}t\"); y = -1.5 # c\n");
  std::vector<std::pair<ast::TokenKind, std::string>> got;
  for (const auto& t : p->tree.tokens) got.emplace_back(t.kind(), text_of(p->tree.range(t)));
  using K = ast::TokenKind;
  CHECK(got == std::vector<std::pair<ast::TokenKind, std::string>>{
                   {K::Identifier, "x"}, {K::Equals, "="}, {K::Identifier, "f"}, {K::LeftParen, "("},
                   {K::Identifier, "a"}, {K::Dot, "."}, {K::Identifier, "b"}, {K::LeftBracket, "["},
                   {K::Number, "0"}, {K::RightBracket, "]"}, {K::Comma, ","}, {K::Number, "1"},
                   {K::DotDot, ".."}, {K::Number, "2"}, {K::Comma, ","}, {K::String, "\"s"},
                   {K::InterpolationOpen, "${"}, {K::Identifier, "v"}, {K::RightBrace, "}"}, {K::String, "t\""},
                   {K::RightParen, ")"}, {K::Semicolon, ";"}, {K::Identifier, "y"}, {K::Equals, "="},
                   {K::Number, "-1.5"}, {K::Comment, "# c"}});
}

TEST_CASE("blocks, edges, objects and heredocs have their punctuation tokens and node ranges") {
  auto p = parse(
      "sg-chain \"t\" { internet -> alb.a : 80, 443 }\n"
      "x = { k = true, \"q\" = null }\n"
      "u = <<EOT\nhi\nEOT\n");
  using K = ast::TokenKind;
  Strings kinds;
  for (const auto& t : p->tree.tokens) kinds.push_back(fmt::format("{}:{}", static_cast<int>(t.kind()), text_of(p->tree.range(t))));
  auto has = [&](K kind, const std::string& text) {
    return std::find(kinds.begin(), kinds.end(), fmt::format("{}:{}", static_cast<int>(kind), text)) != kinds.end();
  };
  CHECK(has(K::LeftBrace, "{"));
  CHECK(has(K::Arrow, "->"));
  CHECK(has(K::Colon, ":"));
  CHECK(has(K::Keyword, "internet"));
  CHECK(has(K::Keyword, "true"));
  CHECK(has(K::Keyword, "null"));
  CHECK(has(K::String, "\"q\""));
  CHECK(has(K::Heredoc, "<<EOT\nhi\nEOT"));

  const auto& chain = block(p->tree.items.at(0));
  CHECK(text_of(chain.open_brace) == "{");
  CHECK(chain.open_brace.begin.column == 14);
  CHECK(text_of(chain.close_brace) == "}");
  CHECK(chain.close_brace.begin.column == 44);
  const auto& e = *std::get<std::unique_ptr<ast::Edge>>(chain.items.at(0));
  CHECK((text_of(e.arrow) == "->" && e.arrow.begin.column == 25));
  CHECK((text_of(e.colon) == ":" && e.colon.begin.column == 34));
  const auto& x = std::get<ast::Attribute>(p->tree.items.at(1));
  CHECK((text_of(x.equals()) == "=" && x.equals().begin.column == 3));
}

TEST_CASE("the tokens of a sample cover every character but blanks, punctuation by its own kind") {
  const std::string path = ARCHC_SOURCE_DIR "/samples/lab-vpc.arch";
  auto p = parse(slurp(path));
  REQUIRE(p->diags.all().empty());
  check_invariants(*p);
  const std::string_view text = p->file->text();
  using K = ast::TokenKind;
  auto punctuation = [](std::string_view rest) -> std::optional<K> {
    switch (rest[0]) {
      case '{': return K::LeftBrace;
      case '}': return K::RightBrace;
      case '[': return K::LeftBracket;
      case ']': return K::RightBracket;
      case '(': return K::LeftParen;
      case ')': return K::RightParen;
      case '=': return K::Equals;
      case ':': return K::Colon;
      case ',': return K::Comma;
      case ';': return K::Semicolon;
      case '.': return K::Dot;
      case '-': return rest.size() > 1 && rest[1] == '>' ? std::optional(K::Arrow) : std::nullopt;
      default: return std::nullopt;
    }
  };
  std::size_t punctuation_seen = 0;
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const ast::Token* t = p->tree.token_at(i);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      if (t) CHECK((t->kind() == K::Comment || t->kind() == K::String || t->kind() == K::Heredoc));
      continue;
    }
    INFO("offset " << i << ": '" << c << "'");
    REQUIRE(t != nullptr);
    if (t->kind() == K::Comment || t->kind() == K::String || t->kind() == K::Heredoc) continue;
    if (auto kind = punctuation(text.substr(i))) {
      CHECK(t->kind() == *kind);
      ++punctuation_seen;
    }
  }
  CHECK(punctuation_seen > 50);
}

TEST_CASE("token_at finds the token holding an offset, and nothing in blanks") {
  auto p = parse("vpc \"a\" {\n  cidr = \"x\"\n}\n");
  const auto& tree = p->tree;
  REQUIRE(tree.token_at(0));
  CHECK(tree.token_at(0)->kind() == ast::TokenKind::Identifier);
  CHECK(tree.token_at(2) == tree.token_at(0));
  CHECK(tree.token_at(3) == nullptr);
  REQUIRE((tree.token_at(5) && tree.token_at(12) && tree.token_at(17)));
  CHECK(text_of(tree.range(*tree.token_at(5))) == "\"a\"");
  CHECK(text_of(tree.range(*tree.token_at(12))) == "cidr");
  CHECK(tree.token_at(17)->kind() == ast::TokenKind::Equals);
  REQUIRE(tree.token_at(23));
  CHECK(tree.token_at(23)->kind() == ast::TokenKind::RightBrace);
  CHECK(tree.token_at(24) == nullptr);
  CHECK(tree.token_at(1000) == nullptr);
}

TEST_CASE("after a syntax error the skipped text is an Error token, and its comments are still comments") {
  auto p = parse("vpc \"a\" {\n  cidr = = \"x\" # note\n  nat = \"none\"\n}\n");
  Strings got;
  for (const auto& t : p->tree.tokens)
    if (p->tree.range(t).begin.line == 2)
      got.push_back(fmt::format("{} {}", static_cast<int>(t.kind()), text_of(p->tree.range(t))));
  using K = ast::TokenKind;
  auto kind = [](K k) { return std::to_string(static_cast<int>(k)); };
  CHECK(got == Strings{kind(K::Identifier) + " cidr", kind(K::Equals) + " =", kind(K::Error) + " = \"x\"",
                       kind(K::Comment) + " # note"});
  REQUIRE(p->tree.comments.size() == 1);
  CHECK(p->tree.comments[0].text == "# note");
}

// ---- Attached comments -------------------------------------------------------------

TEST_CASE("comments attach to the item below them and to the item they follow on its line") {
  auto p = parse(
      "# About the VPC.\n"
      "# Second line.\n"
      "vpc \"lab\" { # on the brace line: describes no item\n"
      "  # The address block.\n"
      "  cidr = \"10.0.0.0/16\" // trailing for cidr\n"
      "\n"
      "  # Separated by a blank line: describes no item.\n"
      "\n"
      "  zones = [\"a\"]\n"
      "  min = 2, max = 4 /* sizes */\n"
      "  x = 1 # trails x\n"
      "  y = 2\n"
      "} # after the vpc\n");
  REQUIRE(p->diags.all().empty());
  const auto& comments = p->tree.comments;
  REQUIRE(comments.size() == 9);
  auto leading = [&](const ast::AttachedComments& a) {
    Strings out;
    for (auto i = a.leading_begin; i < a.leading_end; ++i) out.push_back(comments[i].text);
    return out;
  };
  auto trailing = [&](const ast::AttachedComments& a) { return a.trailing ? comments[*a.trailing].text : ""; };

  const auto& vpc = block(p->tree.items.at(0));
  CHECK(leading(vpc.comments) == Strings{"# About the VPC.", "# Second line."});
  CHECK(trailing(vpc.comments) == "# after the vpc");
  auto attr = [&](std::size_t i) -> const ast::Attribute& { return std::get<ast::Attribute>(vpc.items.at(i)); };
  CHECK(attr(0).name() == "cidr");
  CHECK(leading(attr(0).comments) == Strings{"# The address block."});
  CHECK(trailing(attr(0).comments) == "// trailing for cidr");
  CHECK(attr(1).name() == "zones");
  CHECK(leading(attr(1).comments).empty());
  CHECK(trailing(attr(1).comments).empty());
  CHECK((attr(2).name() == "min" && trailing(attr(2).comments).empty()));
  CHECK((attr(3).name() == "max" && trailing(attr(3).comments) == "/* sizes */"));
  CHECK(trailing(attr(4).comments) == "# trails x");
  CHECK(leading(attr(5).comments).empty());  // `# trails x` shares its line with code
}

TEST_CASE("comments attach to edges, and the flat list keeps them all in order") {
  auto p = parse(
      "sg-chain \"t\" {\n"
      "  # from the internet\n"
      "  internet -> alb.a : 443 # https only\n"
      "}\n");
  const auto& e = *std::get<std::unique_ptr<ast::Edge>>(block(p->tree.items.at(0)).items.at(0));
  REQUIRE(e.comments.leading_end - e.comments.leading_begin == 1);
  CHECK(p->tree.comments[e.comments.leading_begin].text == "# from the internet");
  REQUIRE(e.comments.trailing);
  CHECK(p->tree.comments[*e.comments.trailing].text == "# https only");
}

// ---- Hostile input ------------------------------------------------------------------

TEST_CASE("deep or unbalanced brackets are one diagnostic each, never a crash") {
  CHECK(test::briefs(parse("vpc \"a\" {\n  x = " + std::string(10000, '{') + "\n}\n")->diags) ==
        Strings{"2:8: error[syntax]: expected a newline, ',' or '}' after the object member"});
  auto closers = parse(std::string(10000, '}') + "\n" + std::string(10000, ']') + "\nx = 1\n");
  CHECK(closers->diags.all().size() == 2);
  CHECK(outline(closers->tree.items).back() == "attribute x");
  auto inside = parse("b {\n" + std::string(10000, ']') + "\n}\nx = 1\n");
  CHECK(inside->diags.all().size() == 1);
  CHECK(outline(inside->tree.items) == Strings{"block b", "attribute x"});
  std::string calls = "x = ";
  for (int i = 0; i < 10000; ++i) calls += "f(";
  CHECK(test::briefs(parse(calls)->diags) == Strings{"1:135: error[syntax]: nesting is deeper than 64 levels"});
}

TEST_CASE("NUL bytes reach the parser only as text it rejects or skips") {
  // The driver refuses NUL bytes before parsing; the parser survives them.
  static constexpr char text[] = "x = \"a\0b\"\ny\0 = 1\nz = 2\n";
  auto p = parse(std::string(text, sizeof text - 1));
  check_invariants(*p);
  CHECK(outline(p->tree.items).back() == "attribute z");
}

TEST_CASE("every prefix of a sample parses without a crash, with consistent tokens") {
  const std::string text = slurp(ARCHC_SOURCE_DIR "/samples/lab-vpc.arch");
  for (std::size_t n = 0; n <= text.size(); ++n) {
    INFO("prefix of " << n << " bytes");
    check_invariants(*parse(text.substr(0, n)));
  }
}

TEST_CASE("random mutations of a sample parse without a crash, with consistent tokens") {
  const std::string text = slurp(ARCHC_SOURCE_DIR "/samples/lab-vpc.arch");
  const std::string_view alphabet = "{}[]()\"=,;:.-><$\\#/*\n \tx0";
  std::mt19937 random(8);  // fixed: a failure must be reproducible
  for (int round = 0; round < 500; ++round) {
    std::string mutated = text;
    const int edits = 1 + static_cast<int>(random() % 8);
    for (int k = 0; k < edits; ++k) {
      const std::size_t at = random() % mutated.size();
      switch (random() % 3) {
        case 0: mutated[at] = alphabet[random() % alphabet.size()]; break;
        case 1: mutated.insert(at, 1, alphabet[random() % alphabet.size()]); break;
        default: mutated.erase(at, 1); break;
      }
    }
    INFO("round " << round);
    check_invariants(*parse(mutated));
  }
}

TEST_CASE("many errors on one long line stay linear") {
  // 20,000 errors on one line: positions are found walking forward, not by
  // counting columns from the line start each time.
  std::string line;
  for (int i = 0; i < 20000; ++i) line += "a = = 1, ";
  auto p = parse(line + "\nz = 1\n");
  CHECK(p->diags.all().size() == 20000);
  CHECK(p->diags.all().back().range.begin.column == 9 * 19999 + 5);
  CHECK(outline(p->tree.items).back() == "attribute z");
}

}  // namespace
}  // namespace archc
