// `k: v` for the writers of both targets (CfnWriter over YamlWriter,
// TfWriter over JsonWriter), whose value writers share their calls: key,
// string, integer, number, boolean.
#pragma once

#include <string_view>

namespace archc {

// `Writer` derives from KeyValues<Writer> and gives `value_writer()`, the
// writer its values go to now.
template <typename Writer>
class KeyValues {
 public:
  // A string literal goes to the string overload, not to bool.
  void kv(const char* k, std::string_view v) { out(k).string(v); }
  void kv(const char* k, const char* v) { kv(k, std::string_view(v)); }
  void kv(const char* k, int v) { out(k).integer(v); }
  void kv(const char* k, double v) { out(k).number(v); }
  void kv(const char* k, bool v) { out(k).boolean(v); }

 private:
  // The value writer, after writing the key `k`.
  auto& out(const char* k) {
    auto& w = static_cast<Writer&>(*this).value_writer();
    w.key(k);
    return w;
  }
};

}  // namespace archc
