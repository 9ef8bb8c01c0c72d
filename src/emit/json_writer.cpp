#include "emit/json_writer.hpp"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <iterator>

#include "source/json_text.hpp"

namespace archc {

void JsonWriter::new_line(std::size_t level) {
  out_ += '\n';
  out_.append(2 * level, ' ');
}

void JsonWriter::member_line() {
  Frame& f = frames_.back();
  if (!f.empty) out_ += ',';
  f.empty = false;
  new_line(static_cast<std::size_t>(depth_) + frames_.size());
}

void JsonWriter::begin_value() {
  if (!frames_.empty() && !frames_.back().is_object) member_line();
}

void JsonWriter::open(bool is_object, char bracket) {
  begin_value();
  out_ += bracket;
  frames_.push_back({is_object});
}

void JsonWriter::close(char bracket) {
  const bool empty = frames_.back().empty;
  frames_.pop_back();
  if (!empty) new_line(static_cast<std::size_t>(depth_) + frames_.size());
  out_ += bracket;
}

void JsonWriter::begin_object() { open(true, '{'); }

void JsonWriter::end_object() {
  assert(!frames_.empty() && frames_.back().is_object);
  close('}');
}

void JsonWriter::begin_array() { open(false, '['); }

void JsonWriter::end_array() {
  assert(!frames_.empty() && !frames_.back().is_object);
  close(']');
}

void JsonWriter::key(std::string_view k) {
  assert(!frames_.empty() && frames_.back().is_object);
  member_line();
  append_json_string(out_, k);
  out_ += ": ";
}

void JsonWriter::string(std::string_view s) {
  begin_value();
  append_json_string(out_, s);
}

void JsonWriter::integer(long long v) {
  begin_value();
  char buffer[24];
  out_.append(buffer, std::to_chars(buffer, std::end(buffer), v).ptr);
}

void JsonWriter::number(double v) {
  assert(std::isfinite(v));
  begin_value();
  // Laid out as nlohmann/json lays out its digits (format_buffer in its
  // to_chars.hpp): plain from 0.0001 up to 15 digits before the point, with
  // `.0` when there is no fraction; else one digit, the others after a
  // point, and an exponent of at least 2 digits.
  char buffer[32];
  const char* end = std::to_chars(buffer, std::end(buffer), v, std::chars_format::scientific).ptr;
  std::string_view s(buffer, static_cast<std::size_t>(end - buffer));  // [-]d[.ddd]e±dd
  if (s.front() == '-') {
    out_ += '-';
    s.remove_prefix(1);
  }
  const std::size_t e = s.find('e');
  char digits[20];  // at most 17 significant digits
  std::size_t k = 0;
  for (const char c : s.substr(0, e))
    if (c != '.') digits[k++] = c;
  int exponent = 0;
  std::from_chars(s.data() + e + 2, s.data() + s.size(), exponent);
  if (s[e + 1] == '-') exponent = -exponent;
  const int n = exponent + 1;  // digits before the decimal point; when negative, zeros after it
  const auto point = static_cast<std::size_t>(std::max(n, 0));
  if (static_cast<int>(k) <= n && n <= 15) {
    out_.append(digits, k);
    out_.append(point - k, '0');
    out_ += ".0";
  } else if (0 < n && n <= 15) {
    out_.append(digits, point);
    out_ += '.';
    out_.append(digits + point, k - point);
  } else if (-4 < n && n <= 0) {
    out_ += "0.";
    out_.append(static_cast<std::size_t>(-n), '0');
    out_.append(digits, k);
  } else {
    out_ += digits[0];
    if (k > 1) {
      out_ += '.';
      out_.append(digits + 1, k - 1);
    }
    out_ += exponent < 0 ? "e-" : "e+";
    if (std::abs(exponent) < 10) out_ += '0';
    out_ += std::to_string(std::abs(exponent));
  }
}

void JsonWriter::boolean(bool v) {
  begin_value();
  out_ += v ? "true" : "false";
}

void JsonWriter::json(std::string_view value) {
  begin_value();
  out_ += value;
}

std::string JsonWriter::finish() {
  assert(frames_.empty());
  out_ += '\n';
  return std::move(out_);
}

}  // namespace archc
