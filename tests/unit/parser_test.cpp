// The parser against LANGUAGE.md §1-2: every construct, exact syntax error
// positions and messages, recovery, and hostile input.
#include <catch2/catch.hpp>
#include <charconv>
#include <cmath>

#include "test_support.hpp"

namespace archc {
namespace {

using test::parse;
using test::text_of;
using Strings = std::vector<std::string>;

// Parses text that must be free of errors.
std::unique_ptr<test::Parsed> parse_clean(std::string text) {
  auto p = parse(std::move(text));
  INFO(Catch::Detail::stringify(test::briefs(p->diags)));
  REQUIRE(p->diags.all().empty());
  return p;
}

const ast::Attribute& attribute(const ast::BodyItem& item) {
  REQUIRE(std::holds_alternative<ast::Attribute>(item));
  return std::get<ast::Attribute>(item);
}

const ast::Block& block(const ast::BodyItem& item) {
  REQUIRE(std::holds_alternative<std::unique_ptr<ast::Block>>(item));
  return *std::get<std::unique_ptr<ast::Block>>(item);
}

const ast::Edge& edge(const ast::BodyItem& item) {
  REQUIRE(std::holds_alternative<std::unique_ptr<ast::Edge>>(item));
  return *std::get<std::unique_ptr<ast::Edge>>(item);
}

// The value of the single top-level attribute in `text`.
struct ParsedValue {
  std::unique_ptr<test::Parsed> parsed;
  const ast::Expr& value() const { return *attribute(parsed->tree.items.at(0)).value; }
};
ParsedValue value_of(std::string text) { return {parse_clean(std::move(text))}; }

// The text of a string expression without interpolations.
std::string literal_text(const ast::Expr& e) {
  REQUIRE(e.kind == ast::ExprKind::String);
  std::string out;
  for (const auto& part : e.parts()) {
    REQUIRE(part.expr == nullptr);
    out += part.text;
  }
  return out;
}

Strings syntax_errors(std::string text) { return test::briefs(parse(std::move(text))->diags); }

// ---- Lexical ---------------------------------------------------------------

TEST_CASE("comments of all three kinds are kept with their ranges") {
  auto p = parse_clean(
      "# hash\n"
      "x = 1 // slashes\n"
      "/* block\n   spans */ y = [1, /* inside */ 2]\n");
  const auto& c = p->tree.comments;
  REQUIRE(c.size() == 4);
  CHECK(c[0].text == "# hash");
  CHECK(c[1].text == "// slashes");
  CHECK(c[2].text == "/* block\n   spans */");
  CHECK(c[3].text == "/* inside */");
  CHECK((c[0].range.begin.line == 1 && c[0].range.begin.column == 1));
  CHECK((c[1].range.begin.line == 2 && c[1].range.begin.column == 7));
  CHECK((c[2].range.begin.line == 3 && c[2].range.end.line == 4 && c[2].range.end.column == 12));
  CHECK((c[3].range.begin.line == 4 && c[3].range.begin.column == 21));
  CHECK(p->tree.items.size() == 2);
}

TEST_CASE("a line comment ends before a CR") {
  auto p = parse_clean("x = 1 # note\r\ny = 2\r\n");
  REQUIRE(p->tree.comments.size() == 1);
  CHECK(p->tree.comments[0].text == "# note");
  CHECK(p->tree.items.size() == 2);
}

TEST_CASE("identifiers hold hyphens, and a hyphen before > starts an edge") {
  auto p = parse_clean("sg-chain \"c\" { asg.my-app->rds.db-1 }\n");
  const auto& b = block(p->tree.items.at(0));
  CHECK(b.kind == "sg-chain");
  const auto& e = edge(b.items.at(0));
  CHECK(e.from.expr->steps()[0].name == "my-app");
  CHECK(e.to.expr->steps()[0].name == "db-1");
}

TEST_CASE("strings decode escapes") {
  auto v = value_of(R"(x = "q\" b\\ n\n t\t e\u{E9} g\u{1F600}")");
  CHECK(literal_text(v.value()) == "q\" b\\ n\n t\t e\xC3\xA9 g\xF0\x9F\x98\x80");
}

TEST_CASE("strings interpolate ${expr}, and $${ is a literal ${") {
  SECTION("interpolation") {
    auto v = value_of(R"(x = "pre-${name}-${f(1)}")");
    const auto parts = v.value().parts();
    REQUIRE(parts.size() == 4);
    CHECK(parts[0].text == "pre-");
    REQUIRE(parts[1].expr);
    CHECK(parts[1].expr->kind == ast::ExprKind::Reference);
    CHECK(parts[1].expr->name() == "name");
    CHECK(text_of(parts[1].range) == "${name}");
    CHECK(parts[2].text == "-");
    REQUIRE(parts[3].expr);
    CHECK(parts[3].expr->kind == ast::ExprKind::Call);
  }
  SECTION("escape") {
    auto v = value_of(R"(x = "$${HOME} costs $5 or $$5")");
    CHECK(literal_text(v.value()) == "${HOME} costs $5 or $$5");
  }
}

TEST_CASE("heredocs are literal text") {
  SECTION("<<EOT keeps every character, ${ included") {
    auto v = value_of("x = <<EOT\n#!/bin/bash\n  echo ${HOME} \\n\nEOT\ny = 1\n");
    CHECK(v.value().heredoc);
    CHECK(literal_text(v.value()) == "#!/bin/bash\n  echo ${HOME} \\n\n");
    CHECK(v.parsed->tree.items.size() == 2);
  }
  SECTION("<<-EOT strips the indentation common to non-blank lines") {
    auto v = value_of(
        "asg \"a\" {\n"
        "  user_data = <<-EOT\n"
        "    #!/bin/bash\n"
        "\n"
        "      nested\n"
        "    done\n"
        "  EOT\n"
        "}\n");
    const auto& b = block(v.parsed->tree.items.at(0));
    CHECK(literal_text(*attribute(b.items.at(0)).value) == "#!/bin/bash\n\n  nested\ndone\n");
  }
  SECTION("the tag must stand alone on its line") {
    auto v = value_of("x = <<END\nEND is near\nEND\n");
    CHECK(literal_text(v.value()) == "END is near\n");
  }
}

// HCL's specification: the closing tag may be indented only in the `<<-`
// form; blanks after it are allowed in both.
TEST_CASE("only a <<- heredoc ends at an indented tag") {
  SECTION("<<EOT: an indented EOT is text; the tag at the start of a line ends it") {
    auto v = value_of("x = <<EOT\n  EOT\n\tEOT\nEOT \t\ny = 1\n");
    CHECK(literal_text(v.value()) == "  EOT\n\tEOT\n");
    CHECK(text_of(v.value().range) == "<<EOT\n  EOT\n\tEOT\nEOT");
    CHECK(v.parsed->tree.items.size() == 2);
  }
  SECTION("<<-EOT: an indented EOT ends it, with blanks after it") {
    auto v = value_of("x = <<-EOT\n    a\n  \tEOT \ny = 1\n");
    CHECK(literal_text(v.value()) == "a\n");
    CHECK(text_of(v.value().range) == "<<-EOT\n    a\n  \tEOT");
    CHECK(v.parsed->tree.items.size() == 2);
  }
  SECTION("<<EOT closed only by an indented EOT is unterminated, and says why") {
    CHECK(syntax_errors("asg \"a\" {\n  user_data = <<EOT\n#!/bin/sh\n  EOT\n}\n") ==
          Strings{"2:15: error[syntax]: unterminated heredoc: no line holds only 'EOT' (an indented 'EOT' ends only "
                  "a <<-EOT heredoc)"});
  }
}

TEST_CASE("numbers, booleans and null") {
  auto p = parse_clean("a = 42\nb = 2.5\nc = -7\nd = true\ne = false\nf = null\n");
  const auto& items = p->tree.items;
  REQUIRE(items.size() == 6);
  const auto& a = *attribute(items[0]).value;
  CHECK((a.kind == ast::ExprKind::Number && a.is_integer && a.number() == 42));
  const auto& b = *attribute(items[1]).value;
  CHECK((b.kind == ast::ExprKind::Number && !b.is_integer && b.number() == 2.5));
  CHECK(attribute(items[2]).value->number() == -7);
  CHECK((attribute(items[3]).value->kind == ast::ExprKind::Bool && attribute(items[3]).value->boolean));
  CHECK((attribute(items[4]).value->kind == ast::ExprKind::Bool && !attribute(items[4]).value->boolean));
  CHECK(attribute(items[5]).value->kind == ast::ExprKind::Null);
}

TEST_CASE("integers read exactly as from_chars reads them, at every length") {
  // Up to 15 digits the parser reads an integer as one; past that, as a
  // double. Both must give the double from_chars gives, `-0` included.
  for (const std::string text : {"0", "-0", "7", "-7", "999999999999999", "-999999999999999", "1000000000000000",
                                 "9007199254740993", "123456789012345678901234567890", "00042"}) {
    INFO(text);
    auto v = value_of("x = " + text + "\n");
    double expected = 0;
    std::from_chars(text.data(), text.data() + text.size(), expected);
    CHECK(v.value().kind == ast::ExprKind::Number);
    CHECK(v.value().is_integer);
    CHECK(v.value().number() == expected);
    CHECK(std::signbit(v.value().number()) == std::signbit(expected));
  }
}

TEST_CASE("a keyword followed by name characters is a reference") {
  auto v = value_of("x = true-ish\n");
  CHECK(v.value().kind == ast::ExprKind::Reference);
  CHECK(v.value().name() == "true-ish");
}

TEST_CASE("ranges") {
  auto v = value_of("ports = 8000..8100\n");
  CHECK(v.value().kind == ast::ExprKind::Range);
  CHECK((v.value().lo() == 8000 && v.value().hi() == 8100));
  CHECK(text_of(v.value().range) == "8000..8100");
}

TEST_CASE("lists allow newlines and a trailing comma") {
  auto v = value_of("x = [\n  \"a\",\n  [1, 2],\n  3,\n]\ny = []\n");
  const auto items = v.value().items();
  REQUIRE(items.size() == 3);
  CHECK(literal_text(*items[0]) == "a");
  CHECK(items[1]->items().size() == 2);
  CHECK(items[2]->number() == 3);
  CHECK(attribute(v.parsed->tree.items.at(1)).value->items().empty());
}

TEST_CASE("objects separate members by newline, comma or semicolon") {
  auto v = value_of("x = {\n  a = 1\n  \"b c\" = 2, d = 3; e = {}\n}\n");
  const auto m = v.value().members();
  REQUIRE(m.size() == 4);
  CHECK(m[0].key == "a");
  CHECK(m[1].key == "b c");
  CHECK(text_of(m[1].key_range) == "\"b c\"");
  CHECK(m[2].key == "d");
  CHECK(m[3].key == "e");
  CHECK(m[3].value->kind == ast::ExprKind::Object);
}

TEST_CASE("calls") {
  auto v = value_of("x = cidrsubnet(\"10.0.0.0/16\", 8,\n  1)\n");
  const auto& e = v.value();
  CHECK(e.kind == ast::ExprKind::Call);
  CHECK(e.name() == "cidrsubnet");
  CHECK(text_of(e.name_range()) == "cidrsubnet");
  CHECK(e.items().size() == 3);
}

TEST_CASE("references with .name and [index] steps") {
  auto v = value_of("x = vpc.lab.public[0].id\n");
  const auto& e = v.value();
  CHECK(e.kind == ast::ExprKind::Reference);
  CHECK(e.name() == "vpc");
  REQUIRE(e.steps().size() == 4);
  CHECK(e.steps()[0].name == "lab");
  CHECK(e.steps()[1].name == "public");
  REQUIRE(e.steps()[2].index);
  CHECK(e.steps()[2].index->number() == 0);
  CHECK(e.steps()[3].name == "id");
  CHECK(text_of(e.range) == "vpc.lab.public[0].id");
}

TEST_CASE("blocks take string and identifier labels and nest") {
  auto p = parse_clean("vpc \"lab\" other {\n  subnet \"a\" { public = true }\n}\nstack {}\n");
  const auto& vpc = block(p->tree.items.at(0));
  CHECK(vpc.kind == "vpc");
  REQUIRE(vpc.labels.size() == 2);
  CHECK(vpc.labels[0].text == "lab");
  CHECK(text_of(vpc.labels[0].range) == "\"lab\"");
  CHECK(vpc.labels[1].text == "other");
  const auto& subnet = block(vpc.items.at(0));
  CHECK(subnet.kind == "subnet");
  CHECK(attribute(subnet.items.at(0)).name() == "public");
  CHECK(block(p->tree.items.at(1)).labels.empty());
}

TEST_CASE("edges: endpoints and ports") {
  auto p = parse_clean(
      "sg-chain \"t\" {\n"
      "  internet -> alb.web : 80, 443\n"
      "  \"203.0.113.7/32\" -> asg.app : ssh, 8000..8100\n"
      "  alb.web -> asg.app\n"
      "}\n");
  const auto& b = block(p->tree.items.at(0));
  REQUIRE(b.items.size() == 3);

  const auto& first = edge(b.items[0]);
  CHECK(first.from.internet);
  CHECK(text_of(first.to.range) == "alb.web");
  REQUIRE(first.ports.size() == 2);
  CHECK((first.ports[0].kind == ast::Port::Kind::Number && first.ports[0].lo == 80 && first.ports[0].hi == 80));
  CHECK(first.ports[1].lo == 443);

  const auto& second = edge(b.items[1]);
  CHECK(!second.from.internet);
  CHECK(literal_text(*second.from.expr) == "203.0.113.7/32");
  REQUIRE(second.ports.size() == 2);
  CHECK((second.ports[0].kind == ast::Port::Kind::Name && second.ports[0].name == "ssh"));
  CHECK((second.ports[1].kind == ast::Port::Kind::Range && second.ports[1].lo == 8000 && second.ports[1].hi == 8100));
  CHECK(text_of(second.ports[1].range) == "8000..8100");

  const auto& third = edge(b.items[2]);
  CHECK(third.ports.empty());
  CHECK(text_of(third.range) == "alb.web -> asg.app");
}

TEST_CASE("items separate by newline, comma or semicolon") {
  SECTION("attributes") {
    auto p = parse_clean("listener \"http\" { port = 80, redirect = 443; x = 1\n y = 2 }\n");
    CHECK(block(p->tree.items.at(0)).items.size() == 4);
  }
  SECTION("edges: a comma after the ports starts the next edge") {
    auto p = parse_clean("sg-chain \"t\" { internet -> alb.a : 80, 443, alb.a -> asg.b : http; asg.b -> rds.c }\n");
    const auto& b = block(p->tree.items.at(0));
    REQUIRE(b.items.size() == 3);
    CHECK(edge(b.items[0]).ports.size() == 2);
    CHECK(edge(b.items[1]).ports.size() == 1);
    CHECK(edge(b.items[2]).ports.empty());
  }
  SECTION("top level") {
    auto p = parse_clean("a = 1, b = 2; c = 3\n");
    CHECK(p->tree.items.size() == 3);
  }
}

TEST_CASE("a BOM is skipped and CRLF ends lines") {
  auto p = parse_clean("\xEF\xBB\xBFvpc \"a\" {\r\n  cidr = \"10.0.0.0/16\"\r\n}\r\nx = <<EOT\r\nhi\r\nEOT\r\n");
  const auto& vpc = block(p->tree.items.at(0));
  CHECK((vpc.range.begin.line == 1 && vpc.range.begin.column == 1));
  const auto& cidr = attribute(vpc.items.at(0));
  CHECK((cidr.name_range().begin.line == 2 && cidr.name_range().begin.column == 3));
  CHECK(literal_text(*cidr.value) == "10.0.0.0/16");
  CHECK(literal_text(*attribute(p->tree.items.at(1)).value) == "hi\n");
}

// A script written on Windows must not reach the instance as `#!/bin/bash\r`
// (the kernel would look for `/bin/bash\r`): heredoc lines end in LF, while
// the heredoc's range still covers its CRLF source.
TEST_CASE("heredoc lines end in LF whatever the file's line ends") {
  SECTION("<<EOT") {
    auto v = value_of("x = <<EOT\r\n#!/bin/bash\r\necho hi\r\n\r\nexit 0\r\nEOT\r\n");
    CHECK(literal_text(v.value()) == "#!/bin/bash\necho hi\n\nexit 0\n");
    CHECK(text_of(v.value().range) == "<<EOT\r\n#!/bin/bash\r\necho hi\r\n\r\nexit 0\r\nEOT");
  }
  SECTION("<<-EOT, a blank line holding only the CR included") {
    auto v = value_of("asg \"a\" {\r\n  user_data = <<-EOT\r\n    #!/bin/sh\r\n\r\n      nested\r\n  EOT\r\n}\r\n");
    const auto& b = block(v.parsed->tree.items.at(0));
    CHECK(literal_text(*attribute(b.items.at(0)).value) == "#!/bin/sh\n\n  nested\n");
  }
  SECTION("a CR that ends no line is text") {
    auto v = value_of("x = <<EOT\na\rb\r\r\nEOT\n");
    CHECK(literal_text(v.value()) == "a\rb\r\n");
  }
}

TEST_CASE("ranges of nodes cover their source text") {
  auto p = parse_clean("vpc \"lab\" {\n  cidr = \"10.0.0.0/16\"\n}\n");
  const auto& vpc = block(p->tree.items.at(0));
  CHECK(text_of(vpc.range) == "vpc \"lab\" {\n  cidr = \"10.0.0.0/16\"\n}");
  CHECK(text_of(vpc.kind_range) == "vpc");
  const auto& cidr = attribute(vpc.items.at(0));
  CHECK(text_of(cidr.range) == "cidr = \"10.0.0.0/16\"");
  CHECK(text_of(cidr.name_range()) == "cidr");
  CHECK(text_of(cidr.value->range) == "\"10.0.0.0/16\"");
}

// ---- Syntax errors -----------------------------------------------------------

TEST_CASE("syntax errors name the exact place and what was expected") {
  CHECK(syntax_errors("x = \n") ==
        Strings{"1:5: error[syntax]: expected a value (a string, number, list, object, or reference)"});
  CHECK(syntax_errors("vpc \"a\" {\n  cidr = \"10.0.0.0/16\n}\n") ==
        Strings{"2:22: error[syntax]: unterminated string: expected '\"' before the end of the line"});
  CHECK(syntax_errors("x = \"a\\qb\"\n") ==
        Strings{"1:8: error[syntax]: unknown escape: use \\\" \\\\ \\n \\t or \\u{XXXX}"});
  CHECK(syntax_errors("x = \"${a b}\"\n") == Strings{"1:10: error[syntax]: expected '}' to close the interpolation"});
  CHECK(syntax_errors("x = [1 2]\n") == Strings{"1:8: error[syntax]: expected ',' or ']' in the list"});
  CHECK(syntax_errors("x = { a 1 }\n") == Strings{"1:9: error[syntax]: expected '=' after the object key"});
  CHECK(syntax_errors("x = { a = 1 b = 2 }\n") ==
        Strings{"1:13: error[syntax]: expected a newline, ',' or '}' after the object member"});
  CHECK(syntax_errors("x = f(1 2)\n") == Strings{"1:9: error[syntax]: expected ',' or ')' in the call"});
  CHECK(syntax_errors("x = a.\n") == Strings{"1:7: error[syntax]: expected a name after '.'"});
  CHECK(syntax_errors("x = a[1 b]\n") == Strings{"1:9: error[syntax]: expected ']' after the index"});
  CHECK(syntax_errors("sg-chain \"c\" {\n  internet -> 80\n}\n") ==
        Strings{"2:15: error[syntax]: expected an edge target: internet, a CIDR string or a reference such as asg.app"});
  CHECK(syntax_errors("sg-chain \"c\" {\n  internet -> alb.a : \n}\n") ==
        Strings{"2:23: error[syntax]: expected a port: a number, a range like 8000..8100, a name like https, udp:1194, icmp or all"});
  CHECK(syntax_errors("vpc \"a\" {\n  cidr \"x\"\n}\n") ==
        Strings{"2:3: error[syntax]: expected an attribute (name = value), a block, an edge (a -> b) or '}'"});
  CHECK(syntax_errors("= 1\n") ==
        Strings{"1:1: error[syntax]: expected a block (kind \"name\" { ... }) or an attribute (name = value)"});
  CHECK(syntax_errors("x = \"\\u{D800}\"\n") == Strings{"1:6: error[syntax]: \\u{...} is not a Unicode scalar value"});
  CHECK(syntax_errors("vpc \"a${b}\" {}\n") == Strings{"1:7: error[syntax]: a block label cannot contain an interpolation"});
}

// An unclosed comment or heredoc is reported where it starts, and once: the
// rest of the file is inside it, so no error comes from lines in its body.
TEST_CASE("unterminated constructs are reported once, where they start or where the end was due") {
  CHECK(syntax_errors("x = 1\n/* never closed\nvpc oops\n") ==
        Strings{"2:1: error[syntax]: unterminated comment: expected '*/'"});
  CHECK(syntax_errors("x = <<EOT\nyum install -y httpd\nEO\n") ==
        Strings{"1:5: error[syntax]: unterminated heredoc: no line holds only 'EOT'"});
  CHECK(syntax_errors("x = <<\n") == Strings{"1:5: error[syntax]: expected a heredoc tag after '<<', as in <<EOT"});
  CHECK(syntax_errors("x = \"abc") ==
        Strings{"1:9: error[syntax]: unterminated string: expected '\"' before the end of the line"});
  CHECK(syntax_errors("vpc \"a\" {\n  cidr = \"10.0.0.0/16\"\n") ==
        Strings{"3:1: error[syntax]: expected an attribute (name = value), a block, an edge (a -> b) or '}'"});
}

TEST_CASE("an error in one top-level block does not hide errors in later ones") {
  auto p = parse(
      "vpc \"a\" {\n"
      "  cidr = \n"
      "}\n"
      "alb \"b\" {\n"
      "  port = [1 2]\n"
      "}\n"
      "asg \"c\" { port = 80 }\n");
  CHECK(test::briefs(p->diags) ==
        Strings{"2:10: error[syntax]: expected a value (a string, number, list, object, or reference)",
                "5:13: error[syntax]: expected ',' or ']' in the list"});
  // Every block is kept, each bad item replaced by an error item.
  REQUIRE(p->tree.items.size() == 3);
  CHECK(std::holds_alternative<ast::ErrorItem>(block(p->tree.items[0]).items.at(0)));
  CHECK(std::holds_alternative<ast::ErrorItem>(block(p->tree.items[1]).items.at(0)));
  CHECK(block(p->tree.items[2]).kind == "asg");
}

// ---- Hostile input -------------------------------------------------------------

TEST_CASE("deep nesting is one diagnostic, not a crash") {
  // Each error is reported inside the 65th level, where a 66th is tried.
  SECTION("lists") {
    CHECK(syntax_errors("x = " + std::string(10000, '[')) ==
          Strings{"1:70: error[syntax]: nesting is deeper than 64 levels"});
  }
  SECTION("blocks") {
    std::string text = "b {\n";
    for (int i = 0; i < 10000; ++i) text += " b {\n";
    CHECK(syntax_errors(text) == Strings{"66:2: error[syntax]: nesting is deeper than 64 levels"});
  }
  SECTION("interpolations") {
    std::string text = "x = ";
    for (int i = 0; i < 10000; ++i) text += "\"${";
    CHECK(syntax_errors(text) == Strings{"1:200: error[syntax]: nesting is deeper than 64 levels"});
  }
  SECTION("64 levels are fine, 65 are not") {
    auto nest = [](int levels) { return "x = " + std::string(levels, '[') + std::string(levels, ']') + "\n"; };
    CHECK(syntax_errors(nest(64)).empty());
    CHECK(syntax_errors(nest(65)) == Strings{"1:70: error[syntax]: nesting is deeper than 64 levels"});
    std::string blocks;
    for (int i = 0; i < 64; ++i) blocks += "b {\n";
    CHECK(syntax_errors(blocks + std::string(64, '}')).empty());
  }
}

TEST_CASE("NUL bytes and invalid UTF-8 are encoding errors with their place") {
  using test::diagnostics_of;
  CHECK(diagnostics_of(std::string("x = 1\ny = \"a\0b\"\n", 15)) ==
        Strings{"2:7: error[encoding]: NUL byte in source text"});
  CHECK(diagnostics_of("x = \"\xC3\xA9\xFF\"\n") == Strings{"1:7: error[encoding]: invalid UTF-8 byte 0xFF"});
  CHECK(diagnostics_of("x = \"\xC0\xAF\"\n") == Strings{"1:6: error[encoding]: invalid UTF-8 sequence"});
  CHECK(diagnostics_of("x = \"\xED\xA0\x80\"\n") == Strings{"1:6: error[encoding]: invalid UTF-8 sequence"});
  CHECK(diagnostics_of("x = \"\xE2\x82") == Strings{"1:6: error[encoding]: truncated UTF-8 sequence"});
}

TEST_CASE("an empty file, or one of comments and separators only, is a valid empty file") {
  for (const char* text : {"", "\n\n", "# only a comment", "/* c */ ;,\n"}) {
    auto p = parse(text);
    CHECK(p->diags.all().empty());
    CHECK(p->tree.items.empty());
  }
}

}  // namespace
}  // namespace archc
