// A streaming writer for the block-style YAML that CloudFormation templates
// use: nested maps and sequences, flow sequences of plain words, keys and
// scalars quoted so every YAML 1.1 or 1.2 reader reads back the same
// string. Written by hand because yaml-cpp's emitter spent three quarters
// of archc's time deciding, character by character, how to write each
// scalar.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace archc {

class YamlWriter {
 public:
  void begin_map();
  void end_map();
  void begin_seq();
  void end_seq();
  // A map key of at most 1024 bytes: plain when it reads back as the same
  // string, else double-quoted (`"0x1Db"`, `"yes"`, `"<<"`, `"a: b"`).
  void key(std::string_view k);
  // A string value: plain when safe, a literal block for multi-line text
  // that reads back exactly (`|2` when its first line is blank or starts
  // with a blank), else double-quoted with escapes (`"a\u2028b"`).
  void string(std::string_view s);
  void integer(long long v);
  // A finite number, in the fewest digits that read back as it (`70`, `55.5`).
  void number(double v);
  void boolean(bool v);
  // `[a, b]` of plain words (logical ids, attribute names).
  void flow_seq(std::initializer_list<std::string_view> words);

  // The document, ending in a newline.
  std::string finish();

 private:
  struct Frame {
    bool is_map;
    int indent;
    bool empty = true;
    bool after_dash = false;  // a map that is a sequence item starts on the dash's line
  };
  void new_line(int indent);
  // Starts a value: after a key, or as a sequence item.
  void begin_value();
  // Starts a value written on the current line: a scalar or a flow sequence.
  void begin_scalar();
  void literal_block(std::string_view s);
  void double_quoted(std::string_view s);

  std::string out_;
  std::vector<Frame> frames_;
};

// Whether the UTF-8 text `s`, written as a plain scalar (a key or a value),
// would not read back as the string `s`: YAML 1.1 (CloudFormation's reader)
// would take it for a bool, null, number or timestamp (`yes`, `on`, `012`,
// `0x1Db`, `1e3`, `.inf`, `~`, `2001-12-14`, `2001-12-14T21:59:43Z`), the
// merge key `<<` or the value key `=`; or it is empty, starts with an
// indicator or a blank, holds `: ` or ` #`, or holds a character a plain
// scalar cannot: a tab, a line break (LF, CR, NEL, LS, PS), another control
// character, a byte order mark. Errs towards true: quoting a string is
// always safe.
bool yaml11_needs_quotes(std::string_view s);

}  // namespace archc
