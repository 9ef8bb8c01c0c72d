// archc lsp (src/lsp/): the base protocol's framing, JSON-RPC errors,
// positions in UTF-16 and UTF-8, incremental sync, and each feature through
// the server, message by message, with exact positions and texts.
#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "lsp/document.hpp"
#include "lsp/server.hpp"
#include "lsp/transport.hpp"

namespace archc::lsp {
namespace {

using nlohmann::json;

std::string frame(const std::string& body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; }

std::vector<std::string> bodies(MessageReader& r, std::vector<std::string>* errors = nullptr) {
  std::vector<std::string> out;
  while (auto f = r.next()) {
    if (auto* body = std::get_if<std::string>(&*f)) out.push_back(*body);
    else if (errors) errors->push_back(std::get<FramingError>(*f).message);
  }
  return out;
}

TEST_CASE("framing: a message fed in one piece, byte by byte, or two to a chunk", "[lsp]") {
  const std::string a = R"({"jsonrpc":"2.0","method":"initialized","params":{}})", b = R"({"x":"é"})";
  MessageReader whole;
  whole.feed(frame(a) + frame(b));
  CHECK(bodies(whole) == std::vector<std::string>{a, b});

  MessageReader bytes;
  std::vector<std::string> got;
  for (char ch : frame(a) + frame(b)) {
    bytes.feed(std::string_view(&ch, 1));
    for (auto& s : bodies(bytes)) got.push_back(s);
  }
  CHECK(got == std::vector<std::string>{a, b});
}

TEST_CASE("framing: header fields in any case, Content-Type ignored, body holding \\r\\n\\r\\n", "[lsp]") {
  MessageReader r;
  r.feed("content-length:  8\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n\"a\r\n\r\nb\"");
  CHECK(bodies(r) == std::vector<std::string>{"\"a\r\n\r\nb\""});
}

TEST_CASE("framing: a bad header is an error, and the next message is read", "[lsp]") {
  MessageReader r;
  r.feed("Content-Type: x\r\n\r\n" + std::string("Content-Length: x12\r\n\r\n") + "no colon\r\n\r\n" + frame("{}"));
  std::vector<std::string> errors;
  CHECK(bodies(r, &errors) == std::vector<std::string>{"{}"});
  CHECK(errors == std::vector<std::string>{"a header part without Content-Length", "Content-Length is not a number: \"x12\"",
                                           "a header line without `:`: \"no colon\""});
}

TEST_CASE("framing: an oversized body is skipped unread, however it arrives", "[lsp]") {
  MessageReader r;
  const std::size_t n = MessageReader::kMaxBody + 1;
  r.feed("Content-Length: " + std::to_string(n) + "\r\n\r\nabc");
  std::vector<std::string> errors;
  CHECK(bodies(r, &errors).empty());
  REQUIRE(errors.size() == 1);
  std::string rest(n - 3, 'x');
  r.feed(std::string_view(rest).substr(0, 1000));
  r.feed(std::string_view(rest).substr(1000) );
  r.feed(frame("[1]"));
  CHECK(bodies(r) == std::vector<std::string>{"[1]"});
}

TEST_CASE("framing: a header part that never ends is dropped at 8 KiB", "[lsp]") {
  MessageReader r;
  r.feed(std::string(9000, 'h'));
  std::vector<std::string> errors;
  CHECK(bodies(r, &errors).empty());
  CHECK(errors == std::vector<std::string>{"a header part longer than 8192 bytes"});
  r.feed(frame("1"));
  CHECK(bodies(r) == std::vector<std::string>{"1"});
}

// "a" U+00E9 (2 bytes, 1 unit) U+4E2D (3 bytes, 1 unit) U+1D11E (4 bytes, 2 units) "b"
const std::string kWide = "a\xC3\xA9\xE4\xB8\xAD\xF0\x9D\x84\x9E" "b\r\nx\ry";

TEST_CASE("positions: UTF-16 code units and UTF-8 bytes, both ways", "[lsp]") {
  const LineIndex lines(kWide);
  CHECK(lines.lines() == 3);
  using E = PositionEncoding;
  // UTF-16: a=0 é=1 中=2 𝄞=3,4 b=5
  CHECK(lines.offset(kWide, {0, 1}, E::Utf16) == 1);
  CHECK(lines.offset(kWide, {0, 2}, E::Utf16) == 3);
  CHECK(lines.offset(kWide, {0, 3}, E::Utf16) == 6);
  CHECK(lines.offset(kWide, {0, 4}, E::Utf16) == 6);  // inside the surrogate pair: its character's start
  CHECK(lines.offset(kWide, {0, 5}, E::Utf16) == 10);
  CHECK(lines.offset(kWide, {0, 99}, E::Utf16) == 11);  // past the line: its end, before \r\n
  CHECK(lines.offset(kWide, {1, 1}, E::Utf16) == 14);
  CHECK(lines.offset(kWide, {2, 0}, E::Utf16) == 15);  // a lone \r ends a line too
  CHECK(lines.offset(kWide, {7, 0}, E::Utf16) == kWide.size());
  CHECK(lines.position(kWide, 10, E::Utf16) == Position{0, 5});
  CHECK(lines.position(kWide, 8, E::Utf16) == Position{0, 3});  // inside 𝄞's bytes
  CHECK(lines.position(kWide, 16, E::Utf16) == Position{2, 1});
  // UTF-8: bytes
  CHECK(lines.offset(kWide, {0, 6}, E::Utf8) == 6);
  CHECK(lines.offset(kWide, {0, 7}, E::Utf8) == 6);  // inside 𝄞
  CHECK(lines.position(kWide, 10, E::Utf8) == Position{0, 10});
}

TEST_CASE("positions: bytes that are not UTF-8 count one unit each", "[lsp]") {
  const std::string text = "\xFF\xC3x";
  const LineIndex lines(text);
  CHECK(lines.position(text, 2, PositionEncoding::Utf16) == Position{0, 2});
  CHECK(lines.offset(text, {0, 2}, PositionEncoding::Utf16) == 2);
}

TEST_CASE("incremental sync: edits in UTF-16, applied in order, one inserting lines", "[lsp]") {
  Document d("file:///t.arch", 1, "vpc \"\xF0\x9D\x84\x9E\" {\n}\n");
  d.apply_change(Range{{0, 5}, {0, 7}}, "lab", PositionEncoding::Utf16);
  CHECK(d.text() == "vpc \"lab\" {\n}\n");
  d.apply_change(Range{{0, 11}, {1, 0}}, "\n  cidr = \"10.0.0.0/16\"\n", PositionEncoding::Utf16);
  CHECK(d.text() == "vpc \"lab\" {\n  cidr = \"10.0.0.0/16\"\n}\n");
  d.apply_change(Range{{1, 10}, {1, 11}}, "1", PositionEncoding::Utf16);
  CHECK(d.text() == "vpc \"lab\" {\n  cidr = \"10.0.0.0/16\"\n}\n");
  d.apply_change(Range{{1, 11}, {1, 12}}, "1", PositionEncoding::Utf16);
  CHECK(d.text() == "vpc \"lab\" {\n  cidr = \"11.0.0.0/16\"\n}\n");
  d.apply_change(std::nullopt, "stack {}", PositionEncoding::Utf16);
  CHECK(d.text() == "stack {}");
  d.apply_change(Range{{3, 0}, {0, 6}}, "", PositionEncoding::Utf16);  // reversed, past the end: clamped
  CHECK(d.text() == "stack ");
}

TEST_CASE("path_of: a file uri's path, percent-escapes decoded", "[lsp]") {
  CHECK(path_of("file:///home/a%20b/lab.arch") == "/home/a b/lab.arch");
  CHECK(path_of("untitled:1") == "untitled:1");
  CHECK(path_of("file:///x%2") == "/x%2");
}

// A server driven message by message, its output collected.
struct Session {
  std::vector<json> sent;
  std::vector<std::string> logged;
  Server server{[this](const json& j) { sent.push_back(j); }, [this](const std::string& s) { logged.push_back(s); },
                "https://example.org/rules.md"};
  int next_id = 1;

  json request(const std::string& method, json params) {
    const int id = next_id++;
    sent.clear();
    server.handle_batch({json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump()});
    for (const auto& j : sent)
      if (j.contains("id") && j["id"] == id) return j;
    FAIL("no response to " << method);
    return nullptr;
  }
  json result(const std::string& method, json params) {
    json r = request(method, std::move(params));
    INFO(r.dump());
    REQUIRE(r.contains("result"));
    return r["result"];
  }
  void notify(const std::string& method, json params) {
    sent.clear();
    server.handle_batch({json{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}}.dump()});
  }
  // The diagnostics published by the last notification, as `LINE:CHAR code: message` (0-based).
  std::vector<std::string> published() const {
    std::vector<std::string> out;
    for (const auto& j : sent)
      if (j.value("method", "") == "textDocument/publishDiagnostics")
        for (const auto& d : j["params"]["diagnostics"])
          out.push_back(std::to_string(d["range"]["start"]["line"].get<int>()) + ":" +
                        std::to_string(d["range"]["start"]["character"].get<int>()) + " " + d["code"].get<std::string>() +
                        ": " + d["message"].get<std::string>());
    return out;
  }
  void initialize(json encodings = json::array()) {
    json r = result("initialize", {{"capabilities", {{"general", {{"positionEncodings", encodings}}}}}});
    notify("initialized", json::object());
  }
  void open(const std::string& text) {
    notify("textDocument/didOpen",
           {{"textDocument", {{"uri", "file:///lab.arch"}, {"languageId", "arch"}, {"version", 1}, {"text", text}}}});
  }
  // TextDocumentPositionParams, and the request's other params.
  json at(int line, int character, json more = json::object()) {
    more["textDocument"] = {{"uri", "file:///lab.arch"}};
    more["position"] = {{"line", line}, {"character", character}};
    return more;
  }
};

TEST_CASE("jsonrpc: malformed messages are answered with errors and the server goes on", "[lsp]") {
  Session s;
  s.server.handle("{not json");
  REQUIRE(s.sent.size() == 1);
  CHECK(s.sent[0] == json::parse(R"({"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"the message is not JSON"}})"));
  s.sent.clear();
  s.server.handle("[1,2]");
  s.server.handle(R"({"jsonrpc":"2.0","id":{"a":1},"method":"x"})");
  s.server.handle(R"({"jsonrpc":"2.0","id":4,"method":7})");
  s.server.handle(R"({"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":3})");
  s.server.handle(R"({"jsonrpc":"1.0","id":6,"method":"shutdown"})");
  s.server.handle(R"({"id":7,"method":"shutdown"})");
  REQUIRE(s.sent.size() == 6);
  CHECK(s.sent[0]["error"]["code"] == -32600);
  CHECK(s.sent[1]["error"]["message"] == "`id` is an integer or a string");
  CHECK(s.sent[2]["id"] == 4);
  CHECK(s.sent[3]["error"]["message"] == "`params` is an object or an array");
  CHECK(s.sent[4] == json::parse(R"({"jsonrpc":"2.0","id":6,"error":{"code":-32600,"message":"`jsonrpc` is \"2.0\""}})"));
  CHECK(s.sent[5]["id"] == 7);
  CHECK(s.sent[5]["error"]["code"] == -32600);

  CHECK(s.request("textDocument/hover", s.at(0, 0))["error"]["code"] == -32002);  // before initialize
  s.initialize();
  CHECK(s.request("no/such", json::object())["error"]["code"] == -32601);
  json bad = s.request("textDocument/hover", {{"textDocument", {{"uri", "file:///lab.arch"}}}});
  CHECK(bad["error"]["code"] == -32803);  // not open
  s.open("stack \"lab\" {}\n");
  bad = s.request("textDocument/hover", {{"textDocument", {{"uri", "file:///lab.arch"}}}, {"position", "x"}});
  CHECK(bad["error"]["code"] == -32602);
  CHECK(bad["error"]["message"] == "invalid params of textDocument/hover: cannot use at() with string");
  CHECK(s.result("shutdown", nullptr).is_null());
  CHECK(s.request("textDocument/hover", s.at(0, 0))["error"]["code"] == -32600);
  s.notify("exit", nullptr);
  CHECK(s.server.exit_status() == 0);
}

TEST_CASE("jsonrpc: a request cancelled in its batch is answered RequestCancelled", "[lsp]") {
  Session s;
  s.initialize();
  s.sent.clear();
  s.server.handle_batch({R"({"jsonrpc":"2.0","id":"h","method":"shutdown"})",
                         R"({"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"h"}})"});
  REQUIRE(s.sent.size() == 1);
  CHECK(s.sent[0] == json::parse(R"({"jsonrpc":"2.0","id":"h","error":{"code":-32800,"message":"cancelled"}})"));
  // Sent as a request, a cancellation cancels nothing and is answered MethodNotFound.
  s.sent.clear();
  s.server.handle_batch({R"({"jsonrpc":"2.0","id":"c","method":"$/cancelRequest","params":{"id":"h2"}})",
                         R"({"jsonrpc":"2.0","id":"h2","method":"textDocument/hover","params":{}})"});
  REQUIRE(s.sent.size() == 2);
  CHECK(s.sent[0]["id"] == "c");
  CHECK(s.sent[0]["error"]["code"] == -32601);
  CHECK(s.sent[1]["id"] == "h2");
  CHECK(s.sent[1]["error"]["code"] != -32800);
  s.notify("exit", nullptr);
  CHECK(s.server.exit_status() == 1);  // exit without shutdown
}

TEST_CASE("initialize: utf-8 when the client offers it, else utf-16", "[lsp]") {
  Session a;
  json r = a.result("initialize", {{"capabilities", {{"general", {{"positionEncodings", {"utf-16", "utf-8"}}}}}}});
  CHECK(r["capabilities"]["positionEncoding"] == "utf-8");
  CHECK(r["capabilities"]["textDocumentSync"]["change"] == 2);
  Session b;
  CHECK(b.result("initialize", {{"capabilities", json::object()}})["capabilities"]["positionEncoding"] == "utf-16");
  CHECK(b.request("initialize", json::object())["error"]["code"] == -32600);
}

const char* const kSite = R"(stack "lab" { region = "ap-northeast-2" }
vpc "lab" {
  cidr  = "10.1.0.0/16"
  zones = ["a", "c"]
  subnet "public" { public = true, cidrs = ["10.1.1.0/24", "10.1.2.0/24"] }
  subnet "app"    { cidrs = ["10.1.3.0/24", "10.1.4.0/24"] }
}
sg-chain "tiers" {
  internet -> alb.web : http
  alb.web  -> asg.app : http
}
alb "web" {
  subnets = vpc.lab.public
  listener "http" { port = 80, forward = asg.app }
}
asg "app" {
  subnets = vpc.lab.app
  min = 2, max = 4
}
)";

json range_json(int line, int begin, int end) {
  return {{"start", {{"line", line}, {"character", begin}}}, {"end", {{"line", line}, {"character", end}}}};
}

TEST_CASE("diagnostics: on open and on change, code, link, notes and severity; the rest stays while one attribute is broken", "[lsp]") {
  Session s;
  s.initialize();
  std::string text = kSite;
  text.replace(text.find("vpc.lab.app"), 11, "vpc.lab.ap");
  s.open(text);
  CHECK(s.published() == std::vector<std::string>{"16:20 unknown-reference: vpc `lab` has no subnet tier `ap`"});
  REQUIRE(s.sent.size() == 1);
  const json d = s.sent[0]["params"]["diagnostics"][0];
  CHECK(s.sent[0]["params"]["version"] == 1);
  CHECK(d["severity"] == 1);
  CHECK(d["source"] == "archc");
  CHECK(d["codeDescription"]["href"] == "https://example.org/rules.md#unknown-reference");
  CHECK(d["range"] == range_json(16, 20, 22));

  // `min = 2, max = 4` half rewritten: `min = ,`.
  s.notify("textDocument/didChange",
           {{"textDocument", {{"uri", "file:///lab.arch"}, {"version", 2}}},
            {"contentChanges", {{{"range", range_json(17, 8, 9)}, {"text", ""}}}}});
  CHECK(s.published() == std::vector<std::string>{"16:20 unknown-reference: vpc `lab` has no subnet tier `ap`",
                                                  "17:8 syntax: expected a value (a string, number, list, object, or reference)"});
  CHECK(s.sent[0]["params"]["version"] == 2);
}

TEST_CASE("diagnostics: columns after non-ASCII text in the negotiated encoding", "[lsp]") {
  std::string text = kSite;
  // U+00E9 is one UTF-16 unit and two bytes, U+1D11E two units and four bytes.
  text.replace(text.find("  subnets = vpc.lab.app"), 23, "  /* \xC3\xA9\xF0\x9D\x84\x9E */ subnets = vpc.lab.ap");
  Session utf16;
  utf16.initialize();
  utf16.open(text);
  CHECK(utf16.published() == std::vector<std::string>{"16:30 unknown-reference: vpc `lab` has no subnet tier `ap`"});
  CHECK(utf16.result("textDocument/definition", utf16.at(16, 31)).is_null());
  Session utf8;
  utf8.initialize({"utf-8"});
  utf8.open(text);
  CHECK(utf8.published() == std::vector<std::string>{"16:33 unknown-reference: vpc `lab` has no subnet tier `ap`"});
  // `lab` of vpc.lab, a reference to the vpc: bytes 29 to 32.
  CHECK(utf8.result("textDocument/definition", utf8.at(16, 30)) ==
        json{{"uri", "file:///lab.arch"}, {"range", range_json(1, 5, 8)}});
  json refs = utf8.result("textDocument/references", utf8.at(1, 6, {{"context", {{"includeDeclaration", false}}}}));
  CHECK(refs[1]["range"] == range_json(16, 29, 32));
  refs = utf16.result("textDocument/references", utf16.at(1, 6, {{"context", {{"includeDeclaration", false}}}}));
  CHECK(refs[1]["range"] == range_json(16, 26, 29));
}

TEST_CASE("diagnostics: notes as related information, suppressed warnings absent", "[lsp]") {
  Session s;
  s.initialize();
  std::string text = kSite;
  text.replace(text.find("\"10.1.4.0/24\""), 13, "\"10.1.1.0/24\"");
  s.open(text);
  CHECK(s.published() == std::vector<std::string>{"5:44 cidr-overlap: subnet 10.1.1.0/24 of tier `app` overlaps 10.1.1.0/24 of tier `public`"});
  const json d = s.sent[0]["params"]["diagnostics"][0];
  CHECK(d["relatedInformation"] == json::array({{{"location", {{"uri", "file:///lab.arch"}, {"range", range_json(4, 44, 57)}}},
                                                 {"message", "10.1.1.0/24 is given here"}}}));
}

TEST_CASE("hover: a tier's subnets, an attribute's declaration, a port's number", "[lsp]") {
  Session s;
  s.initialize();
  s.open(kSite);
  json h = s.result("textDocument/hover", s.at(16, 21));
  CHECK(h["range"] == range_json(16, 20, 23));
  CHECK(h["contents"]["value"] ==
        "**vpc.lab.app** (subnet tier)\n\nprivate tier\n\n| subnet | zone | usable addresses | route 0.0.0.0/0 |\n"
        "|---|---|---|---|\n"
        "| 10.1.3.0/24 | ap-northeast-2a | 251 | NAT gateway `lab-nat-lab-a` (ap-northeast-2a) |\n"
        "| 10.1.4.0/24 | ap-northeast-2c | 251 | NAT gateway `lab-nat-lab-c` (ap-northeast-2c) |\n");
  h = s.result("textDocument/hover", s.at(2, 3));
  CHECK(h["contents"]["value"] ==
        "**cidr** (`vpc` attribute)\n\nthe VPC's block, /16 to /28, no host bits\n\n- type: string\n- required\n");
  CHECK(h["range"] == range_json(2, 2, 6));
  h = s.result("textDocument/hover", s.at(8, 25));
  CHECK(h["contents"]["value"] == "port **http**: TCP 80");
  CHECK(h["range"] == range_json(8, 24, 28));
  h = s.result("textDocument/hover", s.at(15, 5));
  CHECK(h["contents"]["value"] ==
        "**asg.app** — An auto scaling group: instances from a launch template, spread over the zones of a tier.\n\n"
        "Security group `lab-sg-asg-app`, ingress:\n\n- tcp 80 from alb.web\n");
  h = s.result("textDocument/hover", s.at(15, 1));
  CHECK(h["contents"]["value"] ==
        "**asg** block — An auto scaling group: instances from a launch template, spread over the zones of a tier.");
  CHECK(s.result("textDocument/hover", s.at(0, 40)).is_null());
}

TEST_CASE("navigation: definition, references, highlight and rename of a declared name", "[lsp]") {
  Session s;
  s.initialize();
  s.open(kSite);
  // `app` in `forward = asg.app` -> asg "app"
  CHECK(s.result("textDocument/definition", s.at(13, 46)) ==
        json{{"uri", "file:///lab.arch"}, {"range", range_json(15, 5, 8)}});
  json refs = s.result("textDocument/references", s.at(15, 6, {{"context", {{"includeDeclaration", true}}}}));
  std::vector<json> ranges;
  for (const auto& r : refs) ranges.push_back(r["range"]);
  CHECK(ranges == std::vector<json>{range_json(15, 5, 8), range_json(9, 18, 21), range_json(13, 45, 48)});
  refs = s.result("textDocument/references", s.at(15, 6, {{"context", {{"includeDeclaration", false}}}}));
  CHECK(refs.size() == 2);
  json highlights = s.result("textDocument/documentHighlight", s.at(9, 19));
  CHECK(highlights == json::array({{{"range", range_json(15, 5, 8)}, {"kind", 3}},
                                   {{"range", range_json(9, 18, 21)}, {"kind", 2}},
                                   {{"range", range_json(13, 45, 48)}, {"kind", 2}}}));
  // The vpc: its label and the `lab` of each reference through it.
  json edit = s.result("textDocument/rename", s.at(1, 6, {{"newName", "main"}}));
  std::vector<json> edits;
  for (const auto& e : edit["changes"]["file:///lab.arch"]) edits.push_back(e);
  CHECK(edits == std::vector<json>{{{"range", range_json(1, 5, 8)}, {"newText", "main"}},
                                   {{"range", range_json(12, 16, 19)}, {"newText", "main"}},
                                   {{"range", range_json(16, 16, 19)}, {"newText", "main"}}});
  CHECK(s.result("textDocument/prepareRename", s.at(16, 21)) == json{{"range", range_json(16, 20, 23)}, {"placeholder", "app"}});
  json refused = s.request("textDocument/rename", s.at(1, 6, {{"newName", "a b"}}));
  CHECK(refused["error"]["code"] == -32803);
  CHECK(refused["error"]["message"] == "`a b` is not a name: a letter or `_`, then letters, digits, `_` and `-`");
  // Names are per kind, tiers per VPC: tier `app` may not become `public`,
  // but asg `app` may become `web`, the alb's name.
  refused = s.request("textDocument/rename", s.at(5, 11, {{"newName", "public"}}));
  CHECK(refused["error"]["code"] == -32803);
  CHECK(refused["error"]["message"] == "`vpc.lab.public` is already declared on line 5");
  refused = s.request("textDocument/rename", s.at(5, 11, {{"newName", "Public"}}));
  CHECK(refused["error"]["message"] ==
        "`vpc.lab.Public` would give the same AWS logical ids as `vpc.lab.public` on line 5 (name-collision)");
  CHECK(s.result("textDocument/rename", s.at(15, 6, {{"newName", "web"}}))["changes"]["file:///lab.arch"].size() == 3);
  CHECK(s.result("textDocument/definition", s.at(2, 3)).is_null());
}

TEST_CASE("navigation: a tier named inside a network ACL rule's string", "[lsp]") {
  Session s;
  s.initialize();
  // Line 21 (0-based): the rules, their peers at characters 34 and 79.
  s.open(std::string(kSite) + "nacl \"app\" {\n  tier    = vpc.lab.app\n  inbound = [\"100 allow http from vpc.lab.public\", \"110 allow 1024..65535 from vpc.lab.app\"]\n}\n");
  // `app` of vpc.lab.app in the second rule -> subnet "app".
  CHECK(s.result("textDocument/definition", s.at(21, 88)) ==
        json{{"uri", "file:///lab.arch"}, {"range", range_json(5, 10, 13)}});
  json edit = s.result("textDocument/rename", s.at(5, 11, {{"newName", "service"}}));
  std::vector<json> ranges;
  for (const auto& e : edit["changes"]["file:///lab.arch"]) ranges.push_back(e["range"]);
  CHECK(ranges == std::vector<json>{range_json(5, 10, 13), range_json(16, 20, 23), range_json(20, 20, 23),
                                    range_json(21, 87, 90)});
  // The vpc's name inside both rule strings is a use of vpc "lab".
  json refs = s.result("textDocument/references", s.at(1, 6, {{"context", {{"includeDeclaration", false}}}}));
  std::vector<json> uses;
  for (const auto& r : refs) uses.push_back(r["range"]);
  CHECK(std::find(uses.begin(), uses.end(), range_json(21, 38, 41)) != uses.end());
  CHECK(std::find(uses.begin(), uses.end(), range_json(21, 83, 86)) != uses.end());
}

TEST_CASE("navigation: a top-level variable, its uses bare and interpolated", "[lsp]") {
  Session s;
  s.initialize();
  // Line 19: the variable; line 20: another using it; lines 22 and 23: edges.
  std::string text = std::string(kSite) + "vpn = \"10.8.0.0/24\"\nadmin = vpn\nsg-chain \"admin\" {\n  \"${vpn}\" -> asg.app : ssh\n  \"${admin}\" -> asg.app : http\n}\n";
  s.open(text);
  CHECK(s.result("textDocument/definition", s.at(22, 6)) == json{{"uri", "file:///lab.arch"}, {"range", range_json(19, 0, 3)}});
  json edit = s.result("textDocument/rename", s.at(19, 1, {{"newName", "vpn_cidr"}}));
  std::vector<json> ranges;
  for (const auto& e : edit["changes"]["file:///lab.arch"]) ranges.push_back(e["range"]);
  CHECK(ranges == std::vector<json>{range_json(19, 0, 3), range_json(20, 8, 11), range_json(22, 5, 8)});
  const json hover = s.result("textDocument/hover", s.at(20, 9));
  CHECK(hover["contents"]["value"] == "**vpn** — a variable\n\n```\nvpn = \"10.8.0.0/24\"\n```");
  // Near miss: a name another variable has.
  json refused = s.request("textDocument/rename", s.at(19, 1, {{"newName", "admin"}}));
  CHECK(refused["error"]["message"] == "`admin` is already declared on line 21");
}

TEST_CASE("document symbols: the blocks, nested as written", "[lsp]") {
  Session s;
  s.initialize();
  s.open(kSite);
  json symbols = s.result("textDocument/documentSymbol", {{"textDocument", {{"uri", "file:///lab.arch"}}}});
  std::vector<std::string> outline;
  std::function<void(const json&, std::string)> walk = [&](const json& list, std::string indent) {
    for (const auto& sym : list) {
      outline.push_back(indent + sym["detail"].get<std::string>() + " " + sym["name"].get<std::string>() + " " +
                        std::to_string(sym["kind"].get<int>()));
      walk(sym["children"], indent + "  ");
    }
  };
  walk(symbols, "");
  CHECK(outline == std::vector<std::string>{"stack lab 4", "vpc lab 3", "  subnet public 8", "  subnet app 8",
                                            "sg-chain tiers 11", "alb web 5", "  listener http 8", "asg app 5"});
  CHECK(symbols[1]["range"] == json{{"start", {{"line", 1}, {"character", 0}}}, {"end", {{"line", 6}, {"character", 1}}}});
  CHECK(symbols[1]["selectionRange"] == range_json(1, 4, 9));
}

std::vector<std::string> labels(const json& items) {
  std::vector<std::string> out;
  for (const auto& i : items) out.push_back(i["label"]);
  return out;
}

TEST_CASE("completion: kinds, attributes not written, tiers, tier references, zones, engines, ports", "[lsp]") {
  Session s;
  s.initialize();
  s.open(std::string(kSite) + "\nrds \"db\" {\n  engine = \"\n  \n}\n");
  CHECK(labels(s.result("textDocument/completion", s.at(19, 0))) ==
        std::vector<std::string>{"stack", "vpc", "peering", "gateway-endpoint", "sg-chain", "nacl", "alb", "asg", "rds",
                                 "cache", "instance", "interface-endpoint", "efs", "bucket", "secret", "role"});
  // In alb "web", which has its tier: the attribute it has not set, and the block it may nest.
  CHECK(labels(s.result("textDocument/completion", s.at(13, 2))) == std::vector<std::string>{"egress", "listener"});
  CHECK(labels(s.result("textDocument/completion", s.at(12, 20))) == std::vector<std::string>{"public", "app"});
  CHECK(labels(s.result("textDocument/completion", s.at(12, 12))) ==
        std::vector<std::string>{"vpc.lab.public", "vpc.lab.app"});
  CHECK(labels(s.result("textDocument/completion", s.at(3, 13))) == std::vector<std::string>{"a", "b", "c", "d"});
  json engines = s.result("textDocument/completion", s.at(21, 12));
  CHECK(labels(engines) == std::vector<std::string>{"mysql", "mariadb", "postgres"});
  CHECK(engines[0]["textEdit"] == json{{"range", range_json(21, 12, 12)}, {"newText", "mysql"}});  // after the quote
  CHECK(engines[0]["detail"] == "port 3306");
  json ports = s.result("textDocument/completion", s.at(8, 24));
  CHECK(labels(ports) == std::vector<std::string>{"dns", "http", "http-alt", "https", "https-alt", "mariadb",
                                                  "memcached", "mongodb", "mssql", "mysql", "nfs", "oracle",
                                                  "postgres", "rdp", "redis", "smtp", "smtps", "ssh", "icmp", "all"});
  CHECK(ports[1]["detail"] == "TCP 80");
  // In rds "db": every attribute but `engine`, half written on the line above.
  CHECK(labels(s.result("textDocument/completion", s.at(22, 2))) ==
        std::vector<std::string>{"version", "class", "subnets", "storage", "multi_az", "replicas", "replica_class",
                                 "database", "backup_retention"});
}

TEST_CASE("completion: a list item on a line of its own, KIND. names, edge endpoints, catalogs and versions", "[lsp]") {
  Session s;
  s.initialize();
  s.open(R"(stack "lab" { region = "ap-northeast-2" }
vpc "lab" {
  cidr  = "10.1.0.0/16"
  zones = [
    "a",
    
  ]
  subnet "app" { cidrs = ["10.1.3.0/24", "10.1.4.0/24"] }
}
sg-chain "tiers" {
  internet -> asg.
  asg.app -> 
}
asg "app" {
  subnets = vpc.lab.app
  instance_type = "t3.mi
  image = "
}
rds "db" {
  engine = "postgres"
  version = "
}
)");
  // The list opened two lines up gives the zones, not the vpc's attributes.
  CHECK(labels(s.result("textDocument/completion", s.at(5, 4))) == std::vector<std::string>{"a", "b", "c", "d"});
  CHECK(labels(s.result("textDocument/completion", s.at(10, 18))) == std::vector<std::string>{"app"});
  CHECK(labels(s.result("textDocument/completion", s.at(11, 13))) ==
        std::vector<std::string>{"internet", "asg.app", "rds.db"});
  const json type_items = s.result("textDocument/completion", s.at(15, 24));
  const auto types = labels(type_items);
  CHECK(std::count(types.begin(), types.end(), "t3.micro") == 1);
  // The item replaces what is typed of the value, `.` and all.
  for (const auto& i : type_items)
    if (i["label"] == "t3.micro")
      CHECK(i["textEdit"] == json{{"range", range_json(15, 19, 24)}, {"newText", "t3.micro"}});
  CHECK(std::count(types.begin(), types.end(), "db.t3.micro") == 0);
  CHECK(labels(s.result("textDocument/completion", s.at(16, 11))) ==
        std::vector<std::string>{"al2", "al2023", "al2023-arm64", "ubuntu-22.04", "ubuntu-24.04"});
  json versions = s.result("textDocument/completion", s.at(20, 13));
  REQUIRE(!versions.empty());
  CHECK(versions[0]["label"] == "18");  // the newest major of stdlib/engines.json
  CHECK(versions[0]["textEdit"]["newText"] == "18");  // after the opening quote
}

TEST_CASE("code actions: did you mean, the corrected CIDR, a suppression comment", "[lsp]") {
  Session s;
  s.initialize();
  std::string text = kSite;
  text.replace(text.find("vpc.lab.app"), 11, "vpc.lab.ap");
  text.replace(text.find("10.1.0.0/16"), 11, "10.1.0.7/16");
  s.open(text);
  json actions = s.result("textDocument/codeAction", {{"textDocument", {{"uri", "file:///lab.arch"}}},
                                                       {"range", range_json(16, 20, 20)},
                                                       {"context", {{"diagnostics", json::array()}}}});
  REQUIRE(actions.size() == 1);
  CHECK(actions[0]["title"] == "replace `ap` with `app`");
  CHECK(actions[0]["edit"] == json{{"changes", {{"file:///lab.arch", {{{"range", range_json(16, 20, 22)}, {"newText", "app"}}}}}}});
  actions = s.result("textDocument/codeAction", {{"textDocument", {{"uri", "file:///lab.arch"}}},
                                                  {"range", range_json(2, 0, 24)},
                                                  {"context", {{"diagnostics", json::array()}}}});
  REQUIRE(actions.size() == 1);
  CHECK(actions[0]["title"] == "replace `10.1.0.7/16` with `10.1.0.0/16`");
  CHECK(actions[0]["edit"] == json{{"changes", {{"file:///lab.arch", {{{"range", range_json(2, 11, 22)}, {"newText", "10.1.0.0/16"}}}}}}});
  CHECK(actions[0]["diagnostics"][0]["code"] == "cidr-host-bits");

  // A warning: the comment that suppresses it.
  text = kSite;
  text.erase(text.find("  internet -> alb.web : http\n"), 29);
  s.open(text);
  const std::vector<std::string> warnings = s.published();
  CHECK(warnings == std::vector<std::string>{
                         "10:4 unreachable-resource: no traffic can reach alb.web: no sg-chain path leads to it from "
                         "the internet, a CIDR or a VPC",
                         "14:4 unreachable-resource: no traffic can reach asg.app: no sg-chain path leads to it from "
                         "the internet, a CIDR or a VPC"});
  actions = s.result("textDocument/codeAction", {{"textDocument", {{"uri", "file:///lab.arch"}}},
                                                  {"range", range_json(10, 5, 5)},
                                                  {"context", {{"diagnostics", json::array()}}}});
  REQUIRE(actions.size() == 1);
  CHECK(actions[0]["title"] == "insert `# archc:ignore unreachable-resource` above line 11");
  CHECK(actions[0]["isPreferred"] == false);
  CHECK(actions[0]["edit"] ==
        json{{"changes",
              {{"file:///lab.arch",
                {{{"range", range_json(10, 0, 0)}, {"newText", "# archc:ignore unreachable-resource\n"}}}}}}});

  // Suppressed, the warning is gone and the other stays.
  text.insert(text.find("alb \"web\""), "# archc:ignore unreachable-resource\n");
  s.open(text);
  CHECK(s.published() == std::vector<std::string>{"15:4 unreachable-resource: no traffic can reach asg.app: no sg-chain "
                                                  "path leads to it from the internet, a CIDR or a VPC"});
}

TEST_CASE("semantic tokens: kinds, names, references, attributes and ports", "[lsp]") {
  Session s;
  s.initialize();
  s.open("sg-chain \"t\" {\n  internet -> alb.w : https\n}\nalb \"w\" { subnets = vpc.v.p }\n");
  json data = s.result("textDocument/semanticTokens/full", {{"textDocument", {{"uri", "file:///lab.arch"}}}})["data"];
  CHECK(data == json::array({0, 0, 8, 0, 0,   0, 9, 3, 1, 1,  1, 18, 1, 2, 0,  0, 4, 5, 4, 0,
                             2, 0, 3, 0, 0,   0, 4, 3, 1, 1,  0, 6, 7, 3, 0}));
}

TEST_CASE("formatting: archc fmt's layout as one edit of the whole document; none when formatted or broken", "[lsp]") {
  Session s;
  s.initialize();
  const std::string messy = "vpc \"lab\" {\ncidr=\"10.0.0.0/16\"\n    zones = [\"a\"]  # two zones later\n}\n";
  s.open(messy);
  const json params = {{"textDocument", {{"uri", "file:///lab.arch"}}},
                       {"options", {{"tabSize", 8}, {"insertSpaces", false}}}};
  const json edits = s.result("textDocument/formatting", params);
  REQUIRE(edits.size() == 1);
  CHECK(edits[0]["range"] == json{{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 4}, {"character", 0}}}});
  CHECK(edits[0]["newText"] ==
        "vpc \"lab\" {\n  cidr  = \"10.0.0.0/16\"\n  zones = [\"a\"] # two zones later\n}\n");
  // Formatted already: no edit.
  s.open(edits[0]["newText"].get<std::string>());
  CHECK(s.result("textDocument/formatting", params) == json::array());
  // A syntax error: the document is left as it is.
  s.open("vpc \"lab\" {\ncidr = \n}\n");
  CHECK(s.result("textDocument/formatting", params) == json::array());
}

}  // namespace
}  // namespace archc::lsp
