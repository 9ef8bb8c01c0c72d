// The Terraform configuration is written by JsonWriter and TfWriter, not
// dumped from an nlohmann::ordered_json tree as it was; these tests hold
// them to what that dump wrote (the goldens hold whole configurations, and
// json_text_test.cpp the strings): the same layout and numbers, blocks of a
// type listed together.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "emit/json_writer.hpp"
#include "emit/tf_writer.hpp"
#include "source/json_text.hpp"

namespace archc {
namespace {

using ordered_json = nlohmann::ordered_json;

std::string number_text(double v) {
  JsonWriter w;
  w.number(v);
  return std::string(w.text());
}

TEST_CASE("JsonWriter::number writes a double as nlohmann/json lays one out") {
  // Whole numbers keep a `.0`; plain from 0.0001 up to 15 digits before
  // the point; else an exponent of at least two digits.
  CHECK(number_text(70) == "70.0");
  CHECK(number_text(55.5) == "55.5");
  CHECK(number_text(-0.0) == "-0.0");
  CHECK(number_text(123456789012345) == "123456789012345.0");
  CHECK(number_text(1e15) == "1e+15");
  CHECK(number_text(0.0001) == "0.0001");
  CHECK(number_text(0.00001) == "1e-05");
  CHECK(number_text(-1.25e-300) == "-1.25e-300");
  for (const double v : {0.0, 1.0, 7.0, 100.0, 0.1, 33.333333333333336, 99.99999999999999, 123456789012345.6, 1.5e16,
                         0.00123, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, -42.125})
    CHECK(number_text(v) == ordered_json(v).dump());
}

// The significant digits of a JSON number: `-0.00120e+5` → `12`.
std::string significant_digits(std::string_view number) {
  std::string digits;
  for (const char c : number.substr(0, number.find('e')))
    if (c >= '0' && c <= '9' && !(digits.empty() && c == '0')) digits += c;
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  return digits;
}

// The writer's digits are the fewest that read back as `v`, and of those
// the closest to `v` (std::to_chars, as fmt's in the CloudFormation
// template). nlohmann/json's Grisu2 finds the same digits for all but
// about one double in a thousand of 15 to 17 digits, where it writes one
// digit more or other digits of the same length (it wrote 71.24655418022721
// for 71.2465541802272): where the digits agree, the text must too.
void check_number(double v) {
  const std::string ours = number_text(v), theirs = ordered_json(v).dump();
  INFO(ours << " where nlohmann/json writes " << theirs);
  CHECK(std::strtod(ours.c_str(), nullptr) == v);
  const std::size_t digits = significant_digits(ours).size();
  if (digits > 1) CHECK(std::strtod(fmt::format("{:.{}e}", v, digits - 2).c_str(), nullptr) != v);
  if (significant_digits(ours) == significant_digits(theirs))
    CHECK(ours == theirs);
  else
    CHECK(ours.size() <= theirs.size());
}

TEST_CASE("JsonWriter::number: random doubles in the fewest digits, laid out as nlohmann/json lays them out") {
  std::mt19937_64 rng(14);
  // Any bits, and the percentages a scaling policy holds: as many digits
  // as a double keeps, 15 of them, or a few.
  std::uniform_real_distribution<double> percent(1, 100);
  for (int i = 0; i < 20000; ++i) {
    double v;
    const std::uint64_t bits = rng();
    std::memcpy(&v, &bits, sizeof v);
    if (std::isfinite(v)) check_number(v);
    check_number(percent(rng));
    check_number(std::strtod(fmt::format("{:.14e}", percent(rng)).c_str(), nullptr));
    check_number(std::round(percent(rng) * 1000) / 1000);
  }
}

// A few strings, escapes among them: the strings themselves are
// json_text_test.cpp's.
std::string random_text(std::mt19937& rng) {
  static const std::vector<std::string> texts = {"", "k", "name", "a\"b", "${aws_vpc.v.id}", "\u2028", "caf\u00e9"};
  return texts[std::uniform_int_distribution<std::size_t>(0, texts.size() - 1)(rng)];
}

// A random document: nested objects and arrays (empty ones too) of the
// values the configuration holds.
ordered_json random_value(std::mt19937& rng, int depth) {
  std::uniform_int_distribution<int> kind(0, depth < 4 ? 5 : 3), size(0, 3), integer(-100000, 100000);
  switch (kind(rng)) {
    case 0: return random_text(rng);
    case 1: return integer(rng);
    case 2: return integer(rng) / 8.0;
    case 3: return integer(rng) % 2 == 0;
    case 4: {
      ordered_json object = ordered_json::object();
      for (int n = size(rng); n > 0; --n) object[random_text(rng)] = random_value(rng, depth + 1);
      return object;
    }
    default: {
      ordered_json array = ordered_json::array();
      for (int n = size(rng); n > 0; --n) array.push_back(random_value(rng, depth + 1));
      return array;
    }
  }
}

void write(const ordered_json& j, JsonWriter& w) {
  switch (j.type()) {
    case ordered_json::value_t::object:
      w.begin_object();
      for (const auto& [k, v] : j.items()) {
        w.key(k);
        write(v, w);
      }
      w.end_object();
      break;
    case ordered_json::value_t::array:
      w.begin_array();
      for (const auto& v : j) write(v, w);
      w.end_array();
      break;
    case ordered_json::value_t::string: w.string(j.get_ref<const std::string&>()); break;
    case ordered_json::value_t::number_integer: w.integer(j.get<long long>()); break;
    case ordered_json::value_t::number_float: w.number(j.get<double>()); break;
    case ordered_json::value_t::boolean: w.boolean(j.get<bool>()); break;
    default: FAIL("no such value in a configuration: " << j.type_name());
  }
}

TEST_CASE("JsonWriter lays out random documents as nlohmann/json's dump(2) does") {
  std::mt19937 rng(14);
  for (int i = 0; i < 10000; ++i) {
    const ordered_json doc = random_value(rng, 0);
    JsonWriter w;
    write(doc, w);
    const std::string expected =
        escape_hidden_in_json(doc.dump(2, ' ', false, ordered_json::error_handler_t::replace)) + "\n";
    REQUIRE(w.finish() == expected);
  }
}

TEST_CASE("JsonWriter::json puts a value written for its depth in place") {
  JsonWriter part(2);
  part.begin_object();
  part.key("b");
  part.begin_array();
  part.integer(1);
  part.end_array();
  part.end_object();
  JsonWriter doc;
  doc.begin_object();
  doc.key("a");
  doc.begin_object();
  doc.key("x");
  doc.json(part.text());
  doc.end_object();
  doc.end_object();
  CHECK(doc.finish() == ordered_json::parse(R"({"a": {"x": {"b": [1]}}})").dump(2) + "\n");
}

TEST_CASE("TfWriter lists the blocks of a type together, the types in the order of their first block") {
  const aws::Stack stack{"t", "ap-northeast-2", {}, {}, {}, {}};
  JsonWriter json;
  TfWriter w(json, stack);
  w.begin_object();
  w.kv("frame", "first");
  w.resource("aws_vpc", "A");
  w.kv("n", 1);
  w.close();
  w.output("Out");
  w.kv("value", "o");
  w.close();
  w.resource("aws_subnet", "B");
  w.depends_on({"A"});
  w.close();
  w.data("aws_ssm_parameter", "Image");
  w.kv("name", "/x");
  w.close();
  w.resource("aws_vpc", "CdE");
  w.depends_on({});
  w.close();
  w.blocks();
  w.end_object();
  CHECK(json.finish() == R"({
  "frame": "first",
  "data": {
    "aws_ssm_parameter": {
      "image": {
        "name": "/x"
      }
    }
  },
  "resource": {
    "aws_vpc": {
      "a": {
        "n": 1
      },
      "cd_e": {}
    },
    "aws_subnet": {
      "b": {
        "depends_on": [
          "aws_vpc.a"
        ]
      }
    }
  },
  "output": {
    "out": {
      "value": "o"
    }
  }
}
)");
}

TEST_CASE("TfWriter: a depends_on on a resource not written yet is a bug") {
  const aws::Stack stack{"t", "ap-northeast-2", {}, {}, {}, {}};
  JsonWriter json;
  TfWriter w(json, stack);
  w.begin_object();
  w.resource("aws_eip", "Ip");
  CHECK_THROWS_AS(w.depends_on({"Attachment"}), std::logic_error);
}

}  // namespace
}  // namespace archc
