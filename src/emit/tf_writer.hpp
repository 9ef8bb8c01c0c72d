// The Terraform JSON forms the resource mappings write (blocks, references,
// the Name tag, nested blocks, literals) over the hand-written JsonWriter.
// The configuration is written call by call, as the CloudFormation template
// is through CfnWriter; only the blocks are held back, one text per block
// type, so that every block of a type is listed together, as the
// nlohmann::ordered_json tree this replaces listed them (it added a block
// under the type's first).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "emit/key_values.hpp"
#include "emit/json_writer.hpp"
#include "emit/terraform.hpp"
#include "lower/aws_resources.hpp"

namespace archc {

class TfWriter : public KeyValues<TfWriter> {
 public:
  // Writes into `root`, where the caller opens the configuration's object
  // and writes its frame (`terraform`, `provider`) through the calls below;
  // `stack` is the stack it describes. Both must outlive the writer.
  TfWriter(JsonWriter& root, const aws::Stack& stack) : root_(root), out_(&root), stack_(stack) {}

  const aws::Stack& stack() const { return stack_; }

  // Opens the block `resource.type.NAME`, `data.type.NAME`,
  // `ephemeral.type.NAME` (Terraform 1.10: read anew at every plan and
  // apply, never kept in the plan or the state) or `output.NAME`
  // (NAME: terraform_name of the logical id `id`) as an object for the calls
  // below to fill, until close(). One block at a time; each id once per
  // type. Blocks of a type are listed together, in the order they were
  // opened, and the types in the order of their first block.
  void resource(const char* type, std::string_view id);
  void data(const char* type, std::string_view id);
  void ephemeral(const char* type, std::string_view id);
  void output(std::string_view id);
  void close();
  // Writes the blocks opened so far into the root object, after its frame:
  // the `data`, `resource` and `output` members that have any.
  void blocks();

  // Structure the helpers below do not cover, as in JsonWriter: into the
  // open block, else into the root.
  void begin_object() { out_->begin_object(); }
  void end_object() { out_->end_object(); }
  void begin_array() { out_->begin_array(); }
  void end_array() { out_->end_array(); }
  void key(std::string_view k) { out_->key(k); }
  void str(std::string_view s) { out_->string(s); }

  // kv(k, v), `k: v` for strings, numbers and booleans: from KeyValues.
  // A key, a value and `"k": v` with Terraform's template syntax escaped
  // (append_terraform_literal): text from the source, where `${` means
  // itself.
  void key_literal(std::string_view k);
  void literal(std::string_view s);
  void kv_literal(const char* k, std::string_view v) {
    key(k);
    literal(v);
  }

  // `"k": [{`, a nested block as Terraform JSON writes one: an array of one
  // object; end_block() closes both.
  void begin_block(const char* k) {
    key(k);
    begin_array();
    begin_object();
  }
  void end_block() {
    end_object();
    end_array();
  }

  // `"k": "${type.NAME.attr}"`, the attribute `attr` of the resource (or
  // `data.type`) `id`, and the bare reference as a value.
  void ref(const char* k, const char* type, std::string_view id, const char* attr) {
    key(k);
    ref_value(type, id, attr);
  }
  void ref_value(const char* type, std::string_view id, const char* attr);
  // `"k": [...]`, the ids of the subnets or security groups `ids`.
  void subnets(const char* k, const aws::Ids& ids) { refs(k, "aws_subnet", ids, "id"); }
  void groups(const char* k, const aws::Ids& ids) { refs(k, "aws_security_group", ids, "id"); }
  void route_tables(const char* k, const aws::Ids& ids) { refs(k, "aws_route_table", ids, "id"); }
  // `"tags": {"Name": ...}` from the first of `t`: the stack's tags come
  // from the provider's default_tags.
  void tags(const aws::Tags& t) {
    key("tags");
    begin_object();
    key(t.front().key);
    literal(t.front().value);
    end_object();
  }
  // `"depends_on": ["type.NAME", ...]`, when `ids` is not empty: the
  // resources `ids`, each opened before (aws_resources.hpp: a dependency
  // comes earlier in the stack); one that was not is a bug
  // (std::logic_error).
  void depends_on(const aws::Ids& ids);

 private:
  friend class KeyValues<TfWriter>;
  JsonWriter& value_writer() { return *out_; }
  // Where a block is listed, in the configuration's order.
  enum class Section { kData, kEphemeral, kResource, kOutput };
  // The blocks of one type, or every output: the text of their object,
  // indented for its place in the configuration.
  struct Group {
    Section section;
    std::string_view type;  // empty for outputs
    JsonWriter blocks;
  };
  void open(Section section, std::string_view type, std::string_view id);
  void refs(const char* k, const char* type, const aws::Ids& ids, const char* attr);

  JsonWriter& root_;
  JsonWriter* out_;  // the open block's group, or the root
  const aws::Stack& stack_;
  std::vector<Group> groups_;
  // The type of every resource opened, by logical id: what `depends_on`
  // addresses are made of.
  std::unordered_map<std::string, const char*> types_;
  // The text of a reference or literal being written, kept to reuse its
  // memory.
  std::string scratch_;
};

}  // namespace archc
