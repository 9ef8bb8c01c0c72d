// The CloudFormation forms the resource mappings write (`Ref`, `Fn::GetAtt`,
// tags, a resource's frame) over the hand-written YamlWriter. Everything is
// inline: the template is written call by call, and the mappings of all
// resource types go through these few helpers.
#pragma once

#include <string>
#include <string_view>

#include "emit/key_values.hpp"
#include "emit/yaml_writer.hpp"
#include "lower/aws_resources.hpp"

namespace archc {

class CfnWriter : public KeyValues<CfnWriter> {
 public:
  // Writes into `y`, which must outlive the writer.
  explicit CfnWriter(YamlWriter& y) : y_(y) {}

  // Structure the helpers below do not cover, as in YamlWriter.
  void begin_map() { y_.begin_map(); }
  void end_map() { y_.end_map(); }
  void begin_seq() { y_.begin_seq(); }
  void end_seq() { y_.end_seq(); }
  // A map key: a property name or a logical id (plain words only).
  void key(std::string_view k) { y_.key(k); }
  // A string value after a key or as a sequence item.
  void str(std::string_view s) { y_.string(s); }

  // kv(k, v), `k: v` for strings, numbers and booleans: from KeyValues.
  // `k: "v"`: CloudFormation types some numbers as strings (MinSize, ports
  // in redirects).
  void kv_number_string(const char* k, int v) { kv(k, std::to_string(v)); }

  // `k: {Ref: id}`, and the bare `{Ref: id}` as a value.
  void ref(const char* k, const std::string& id) {
    key(k);
    ref_value(id);
  }
  void ref_value(const std::string& id) {
    begin_map();
    kv("Ref", id);
    end_map();
  }
  // `k: {Fn::GetAtt: [id, attr]}`, and the bare map as a value. Long form:
  // moto splits the short form's attribute on every dot.
  void get_att(const char* k, const std::string& id, const char* attr) {
    key(k);
    get_att_value(id, attr);
  }
  void get_att_value(const std::string& id, const char* attr) {
    begin_map();
    key("Fn::GetAtt");
    y_.flow_seq({id, attr});
    end_map();
  }
  // `k: {Fn::Base64: text}`: text CloudFormation encodes at deploy time
  // (an instance's or a launch template's UserData), readable in the template.
  void base64(const char* k, std::string_view text) {
    key(k);
    begin_map();
    key("Fn::Base64");
    str(text);
    end_map();
  }
  // `k:` and a sequence of `{Ref: id}`, one per id.
  void refs(const char* k, const aws::Ids& ids) {
    key(k);
    begin_seq();
    for (const auto& id : ids) ref_value(id);
    end_seq();
  }
  // `k:` and a sequence of the security groups' `GroupId`s.
  void group_ids(const char* k, const aws::Ids& ids) {
    key(k);
    begin_seq();
    for (const auto& id : ids) get_att_value(id, "GroupId");
    end_seq();
  }
  // `Tags:` (or `k:`, for the types that name it otherwise) as Key/Value
  // maps, with `PropagateAtLaunch: true` when `propagate` (auto scaling
  // groups).
  void tags(const aws::Tags& t, bool propagate = false, const char* k = "Tags") {
    key(k);
    begin_seq();
    for (const auto& tag : t) {
      begin_map();
      kv("Key", tag.key);
      kv("Value", tag.value);
      if (propagate) kv("PropagateAtLaunch", true);
      end_map();
    }
    end_seq();
  }

  // Opens `id: {Type: type, [DependsOn: depends_on,] Properties: {`;
  // close() ends both maps. One dependency is written as a string, more as
  // a list, as CloudFormation's own examples do.
  void open(const std::string& id, const char* type, const aws::Ids& depends_on = {}) {
    key(id);
    begin_map();
    kv("Type", type);
    if (depends_on.size() == 1) {
      kv("DependsOn", depends_on.front());
    } else if (!depends_on.empty()) {
      key("DependsOn");
      begin_seq();
      for (const auto& d : depends_on) str(d);
      end_seq();
    }
    key("Properties");
    begin_map();
  }
  void close() {
    end_map();
    end_map();
  }

 private:
  friend class KeyValues<CfnWriter>;
  YamlWriter& value_writer() { return y_; }
  YamlWriter& y_;
};

}  // namespace archc
