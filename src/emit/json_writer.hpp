// A streaming writer for JSON laid out as nlohmann/json's dump(2) lays it
// out: two spaces per level, `"key": value`, one member or item per line,
// `{}` and `[]` when empty. The Terraform configuration is written with it,
// byte for byte what building an nlohmann::ordered_json tree and dumping it
// wrote, without the tree: building and dumping it was more than half of a
// Terraform build (docs/performance.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace archc {

class JsonWriter {
 public:
  // Writes one value `depth` levels deep: 0 for a document, more for a part
  // of another writer's document (its lines indented to that depth), which
  // json() then puts in place.
  explicit JsonWriter(int depth = 0) : depth_(depth) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  // A member's name, in an open object; the next call writes its value.
  void key(std::string_view k);
  // Values, after a key or as an array item. Strings are escaped by
  // append_json_string (source/json_text.hpp).
  void string(std::string_view s);
  void integer(long long v);
  // A finite number: the fewest digits that read back as `v`, the closest
  // to it of those (std::to_chars), laid out as nlohmann/json lays numbers
  // out, always with a fraction or an exponent (`70.0`, `55.5`, `1e+15`).
  // nlohmann/json's own digits differ for about one double in a thousand of
  // 15 to 17 digits: more of them, or others as many (json_writer_test.cpp).
  void number(double v);
  void boolean(bool v);
  // A value written by another JsonWriter, created with this value's depth.
  void json(std::string_view value);

  // What is written so far: a whole value once every begin has its end.
  std::string_view text() const { return out_; }
  // The document, ending in a newline.
  std::string finish();

 private:
  struct Frame {
    bool is_object;
    bool empty = true;
  };
  // A line break and the indentation of `level`.
  void new_line(std::size_t level);
  // The line of the open object's or array's next member or item.
  void member_line();
  // Starts a value: an item's line in an array; nothing after a key.
  void begin_value();
  void open(bool is_object, char bracket);
  void close(char bracket);

  std::string out_;
  std::vector<Frame> frames_;
  int depth_;
};

}  // namespace archc
