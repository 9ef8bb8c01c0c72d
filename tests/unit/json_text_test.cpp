// append_json_string writes every string of the Terraform configuration,
// which nlohmann/json's dump wrote before: the same escapes, with hidden
// characters escaped as escape_hidden_in_json escapes them, and bytes that
// are not UTF-8 replaced as nlohmann/json's error_handler_t::replace
// replaces them.
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "source/json_text.hpp"

namespace archc {
namespace {

using ordered_json = nlohmann::ordered_json;

// What the configuration held for the string `s` before: nlohmann's dump,
// its hidden characters escaped.
std::string dumped(const std::string& s) {
  return escape_hidden_in_json(ordered_json(s).dump(-1, ' ', false, ordered_json::error_handler_t::replace));
}

// `s` byte by byte, for a failure to show what was escaped.
std::string hex(std::string_view s) {
  std::string out;
  for (const char c : s) out += fmt::format("{:02x} ", static_cast<unsigned char>(c));
  return out;
}

std::string json_string(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

TEST_CASE("append_json_string escapes quotes, backslashes and control characters as nlohmann/json does") {
  CHECK(json_string("") == R"("")");
  CHECK(json_string("${aws_vpc.v.id}") == R"("${aws_vpc.v.id}")");
  CHECK(json_string(R"(a"b\c/d)") == R"("a\"b\\c/d")");
  CHECK(json_string(std::string("\x00\x01\b\t\n\v\f\r\x1b\x1f", 10)) ==
        R"("\u0000\u0001\b\t\n\u000b\f\r\u001b\u001f")");
}

TEST_CASE("append_json_string escapes DEL, C1 controls and invisible characters; other text stays raw") {
  CHECK(json_string("\x7f") == R"("\u007f")");
  CHECK(json_string("a\u0085b") == R"("a\u0085b")");  // NEL
  CHECK(json_string("\u2028\u2029") == R"("\u2028\u2029")");
  CHECK(json_string("\u200b\u202e\u2060\ufeff") == R"("\u200b\u202e\u2060\ufeff")");
  CHECK(json_string("caf\u00e9 \u20ac \U0001F600 \u00a0") == "\"caf\u00e9 \u20ac \U0001F600 \u00a0\"");
}

TEST_CASE("append_json_string replaces each maximal ill-formed UTF-8 subpart by one U+FFFD") {
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(json_string("\xff") == '"' + fffd + '"');
  CHECK(json_string("a\x80z") == "\"a" + fffd + "z\"");
  // A sequence cut short, at the end or by another character: one each.
  CHECK(json_string("\xe2\x82") == '"' + fffd + '"');
  CHECK(json_string("\xe2\x82\x41") == '"' + fffd + "A\"");
  CHECK(json_string("\xf0\x9f\x98\xe2\x82\xac") == '"' + fffd + "\xe2\x82\xac\"");
  // An overlong form, a surrogate, a code point past U+10FFFF: the lead
  // cannot start them, so every byte is one.
  CHECK(json_string("\xc0\xaf") == '"' + fffd + fffd + '"');
  CHECK(json_string("\xed\xa0\x80") == '"' + fffd + fffd + fffd + '"');
  CHECK(json_string("\xf4\x90\x80\x80") == '"' + fffd + fffd + fffd + fffd + '"');
}

// A random string of the pieces that matter to an escaper: plain ASCII,
// quotes and backslashes, controls, hidden characters, other UTF-8 of each
// length, and bytes that are not UTF-8 (stray continuations, cut
// sequences, overlong forms, surrogates, leads that start nothing).
std::string random_text(std::mt19937& rng) {
  using namespace std::string_literals;
  static const std::vector<std::string> pieces = {
      "a",          "Z",      "0",        " ",        "$",      "{",        "\"",           "\\",
      "/",          "\0"s,    "\x01",     "\b",       "\t",     "\n",       "\f",           "\r",
      "\x1f",       "\x7f",   "\u0080",   "\u0085",   "\u009f", "\u00a0",   "\u00e9",       "\u200b",
      "\u2028",     "\u2029", "\u202e",   "\u2060",   "\ufeff", "\ufffd",   "\u20ac",       "\U0001F600",
      "\U0010FFFF", "\x80",   "\xbf",     "\xc0",     "\xc1",   "\xc2",     "\xe0",         "\xe0\x80",
      "\xe0\xa0",   "\xed",   "\xed\xa0", "\xef\xbf", "\xf0",   "\xf0\x8f", "\xf0\x9f\x98", "\xf4\x90",
      "\xf5",       "\xff"};
  std::uniform_int_distribution<std::size_t> length(0, 12), piece(0, pieces.size() - 1), byte(0, 255);
  std::string s;
  for (std::size_t n = length(rng); n > 0; --n) {
    // Now and then a random byte, for what the pieces do not foresee.
    if (byte(rng) < 32)
      s += static_cast<char>(byte(rng));
    else
      s += pieces[piece(rng)];
  }
  return s;
}

TEST_CASE("append_json_string writes what nlohmann/json's replacing dump and escape_hidden_in_json write") {
  std::mt19937 rng(14);
  for (int i = 0; i < 20000; ++i) {
    const std::string s = random_text(rng);
    INFO(hex(s));
    REQUIRE(json_string(s) == dumped(s));
  }
}

}  // namespace
}  // namespace archc
