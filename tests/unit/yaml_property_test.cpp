// Property test: every string a .arch file can give a tag key, a tag value or
// user data comes back from the CloudFormation template, read by yaml-cpp,
// as exactly that string. The strings are random (a fixed seed: every run
// tests the same ones) and mix what YAML 1.1 reads as something else —
// bools, nulls, numbers, timestamps, `=` and `<<`, indicators, NEL, LS and
// PS, control characters, text whose first line is blank or indented — with
// random Unicode. Keys archc refuses (`Name`, a key given twice) must give
// errors and no template. tests/yaml/yaml_property.py holds PyYAML to the same.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "emit/cloudformation.hpp"
#include "lower/lower.hpp"
#include "source/utf8.hpp"
#include "test_support.hpp"

namespace archc {
namespace {

constexpr std::uint32_t kSeed = 20250109;
constexpr std::uint32_t kCases = 400;
constexpr std::string_view kHeredocTag = "ARCHC_END";

// Whole strings YAML 1.1 resolves to another type or reads as structure.
constexpr std::string_view kTricky[] = {
    "=",     "<<",    "~",      "yes",    "No",   "ON",    "off",   "y",      "N",     "null",   "NULL",
    "true",  "False", "",       "-",      "?",    ":",     "---",   "...",    "... x", "#",      "&a",
    "*a",    "!x",    "|",      ">",      "'",    "\"",    "%",     "@",      "`",     "[",      "{}",
    ",",     "0x1F",  "012",    "0o17",   "0b101", "1_000", "190:20:30", "1e3", "6.8523015e+5", ".inf",
    "-.INF", ".NaN",  "+12",    "-1",     "1.",   "12",    "2024-01-02", "2024-01-02T03:04:05Z",
    "2001-12-14 21:59:43.10 -5", "2001-12-14t21:59:43.10-05:00"};
// Pieces that matter inside a plain scalar.
constexpr std::string_view kSeparators[] = {" ", "  ", ": ", " #", ":", "\t", "#", "- ", "\\", "${", "$${", "%{"};

using Tags = std::vector<std::pair<std::string, std::string>>;

// Random strings from a seed; rng_() % n keeps them the same on every
// standard library (the distributions are not), as does one draw per
// statement.
class RandomStrings {
 public:
  explicit RandomStrings(std::uint32_t seed) : rng_(seed) {}

  std::uint32_t below(std::size_t n) { return static_cast<std::uint32_t>(rng_() % n); }
  bool chance(std::uint32_t percent) { return below(100) < percent; }

  // A tricky word alone, or pieces of every kind run together.
  std::string one() {
    if (chance(30)) return std::string(kTricky[below(std::size(kTricky))]);
    std::string s;
    for (std::uint32_t n = below(6); n > 0; --n) {
      switch (below(4)) {
        case 0: s += kTricky[below(std::size(kTricky))]; break;
        case 1: s += kSeparators[below(std::size(kSeparators))]; break;
        default:
          for (std::uint32_t k = 1 + below(4); k > 0; --k) append_utf8(s, code_point());
      }
    }
    return s;
  }

  // Lines for user data, each ending in a line feed: blank, blanks only,
  // indented, or anything (which may hold line breaks of its own).
  std::string text() {
    std::string s;
    for (std::uint32_t n = 1 + below(6); n > 0; --n) {
      switch (below(5)) {
        case 0: break;
        case 1: {
          const char blank = chance(50) ? ' ' : '\t';
          s.append(1 + below(4), blank);
          break;
        }
        case 2:
          s.append(1 + below(6), ' ');
          s += one();
          break;
        default: s += one();
      }
      s += '\n';
    }
    return s;
  }

  // `s` as a .arch string literal: escapes where needed, and now and then
  // where not.
  std::string literal(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
      const auto c = decode_utf8(s.substr(i));
      if (!c) FAIL("not UTF-8 at byte " << i);
      const char32_t cp = c->cp;
      if (cp == '$' && s.substr(i + 1, 1) == "{") {
        out += "$${";  // a literal `${`
        i += 2;
        continue;
      }
      if (cp == '"' || cp == '\\') out += {'\\', static_cast<char>(cp)};
      else if (cp == '\n') out += "\\n";
      else if (cp == '\t' && chance(50)) out += "\\t";
      else if (cp < 0x20 || cp == 0x7F || chance(5)) out += fmt::format("\\u{{{:X}}}", static_cast<std::uint32_t>(cp));
      else out += s.substr(i, c->length);
      i += c->length;
    }
    return out + '"';
  }

 private:
  char32_t code_point() {
    static constexpr char32_t kNotable[] = {0x85, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF, 0xA0, 0x3000, 0x200B, 0xFFFD};
    switch (below(8)) {
      case 0: return static_cast<char32_t>(0x20 + below(0x5F));  // printable ASCII
      case 1: return static_cast<char32_t>(below(0x20));         // C0 controls: NUL, tab, LF, CR among them
      case 2: return static_cast<char32_t>(0x7F + below(0x21));  // DEL and the C1 controls, NEL among them
      case 3: return kNotable[below(std::size(kNotable))];
      case 4: return static_cast<char32_t>(0xA0 + below(0xD800 - 0xA0));  // the rest of the BMP
      case 5: return static_cast<char32_t>(0xE000 + below(0x10000 - 0xE000));
      case 6: return static_cast<char32_t>(0x10000 + below(0x110000 - 0x10000));
      default: return static_cast<char32_t>('a' + below(26));
    }
  }

  std::mt19937 rng_;
};

// One generated file and what its template must say.
struct Case {
  std::string source;
  Tags tags;
  std::string user_data;
  bool refused = false;  // holds a key archc refuses: `Name`, one given twice, one AWS refuses
};

// Whether AWS refuses the tag, so archc does: an empty key, one of AWS's
// `aws:` keys, a key or value too long (docs/rules.md, limit-exceeded).
bool not_a_tag(const std::string& key, const std::string& value) {
  const auto characters = [](const std::string& s) { return count_code_points(s); };
  std::string prefix = key.substr(0, 4);
  for (char& c : prefix) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key.empty() || prefix == "aws:" || characters(key) > 128 || characters(value) > 256;
}

Case make_case(RandomStrings& r) {
  Case c;
  std::string members;
  for (std::uint32_t n = 1 + r.below(5); n > 0; --n) {
    std::string key = r.one();
    const bool taken = key == "Name" || std::any_of(c.tags.begin(), c.tags.end(), [&](const auto& t) {
                         return t.first == key;
                       });
    const std::string value = r.one();
    c.refused |= taken || not_a_tag(key, value);
    // One statement per draw: the order in which arguments are evaluated is
    // the compiler's, and every compiler must draw the same cases.
    const std::string key_literal = r.literal(key);
    members += fmt::format("{}{} = {}", members.empty() ? "" : ", ", key_literal, r.literal(value));
    if (!taken) c.tags.emplace_back(std::move(key), value);
  }
  if (r.chance(5)) {
    members += fmt::format(", {} = \"x\"", c.tags.empty() || r.chance(50) ? "Name" : r.literal(c.tags.front().first));
    c.refused = true;
  }
  std::string user_data;
  if (r.chance(50)) {
    // A heredoc: literal text, lines ending in LF (CRLF becomes LF), no NUL
    // (the source may not hold one).
    std::string text = r.text();
    std::replace(text.begin(), text.end(), '\0', ' ');
    user_data = fmt::format("<<{}\n{}{}", kHeredocTag, text, kHeredocTag);
    for (std::size_t crlf; (crlf = text.find("\r\n")) != std::string::npos;) text.erase(crlf, 1);
    c.user_data = text;
  } else {
    // A string, which may end in no line feed or in several.
    c.user_data = r.text();
    if (r.chance(30)) c.user_data.pop_back();
    if (r.chance(20)) c.user_data += '\n';
    user_data = r.literal(c.user_data);
  }
  c.source = fmt::format(
      "stack \"p\" {{ tags = {{ {} }} }}\n"
      "vpc \"v\" {{\n"
      "  cidr = \"10.0.0.0/16\", zones = [\"a\", \"b\"], nat = \"none\"\n"
      "  subnet \"app\" {{ size = 24 }}\n"
      "}}\n"
      "asg \"a\" {{\n"
      "  subnets = vpc.v.app\n"
      "  user_data = {}\n"
      "}}\n",
      members, user_data);
  return c;
}

// Every `Tags` list in the template, without its Name tag.
void collect_tags(const YAML::Node& node, std::vector<Tags>& out) {
  if (node.IsSequence())
    for (const auto& item : node) collect_tags(item, out);
  if (!node.IsMap()) return;
  for (const auto& entry : node) {
    if (entry.first.as<std::string>() == "Tags" && entry.second.IsSequence()) {
      Tags tags;
      for (const auto& tag : entry.second)
        if (tag["Key"].as<std::string>() != "Name") tags.emplace_back(tag["Key"].as<std::string>(), tag["Value"].as<std::string>());
      out.push_back(std::move(tags));
    } else {
      collect_tags(entry.second, out);
    }
  }
}

TEST_CASE("random tag keys, tag values and user data read back from the template exactly (yaml-cpp)") {
  for (std::uint32_t i = 0; i < kCases; ++i) {
    RandomStrings r(kSeed + i);
    const Case c = make_case(r);
    INFO(fmt::format("seed {} + case {}; the file:\n{}", kSeed, i, c.source));
    auto compiled = test::compile(c.source);
    const auto errors = test::error_briefs(compiled->diags);
    INFO(Catch::Detail::stringify(errors));
    if (c.refused) {
      // A clean refusal: errors about the keys only, and nothing to emit.
      CHECK_FALSE(errors.empty());
      for (const std::string& e : errors)
        CHECK((e.find("error[invalid-value]: the Name tag") != std::string::npos ||
               e.find("error[duplicate-name]: key") != std::string::npos ||
               e.find("error[invalid-value]: a tag key must not be empty") != std::string::npos ||
               e.find("starts with `aws:`, which AWS keeps") != std::string::npos ||
               e.find("error[limit-exceeded]: the ") != std::string::npos));
      continue;
    }
    REQUIRE(errors.empty());
    const std::string yaml = emit_cloudformation(lower(compiled->model));
    INFO(yaml);
    CHECK(test::raw_unreadable(yaml) == std::nullopt);
    YAML::Node root;
    REQUIRE_NOTHROW(root = YAML::Load(yaml));
    std::vector<Tags> lists;
    collect_tags(root, lists);
    CHECK(lists.size() > 5);
    for (const Tags& tags : lists) CHECK(tags == c.tags);
    int launch_templates = 0;
    for (const auto& resource : root["Resources"]) {
      if (resource.second["Type"].as<std::string>() != "AWS::EC2::LaunchTemplate") continue;
      ++launch_templates;
      CHECK(resource.second["Properties"]["LaunchTemplateData"]["UserData"]["Fn::Base64"].as<std::string>() ==
            c.user_data);
    }
    CHECK(launch_templates == 1);
  }
}

}  // namespace
}  // namespace archc
