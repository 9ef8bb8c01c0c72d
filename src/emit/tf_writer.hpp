// The Terraform JSON forms the resource mappings write: the blocks of one
// configuration (`resource.TYPE.NAME`, `data.TYPE.NAME`, `output.NAME`) and
// the values that recur in them (references, the Name tag, literals).
#pragma once

#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "emit/terraform.hpp"
#include "lower/aws_resources.hpp"

namespace archc {

using Json = nlohmann::ordered_json;

class TfWriter {
 public:
  // Adds blocks to `root`, the configuration being built; `stack` is the
  // stack it describes. Both must outlive the writer.
  TfWriter(Json& root, const aws::Stack& stack) : root_(root), stack_(stack) {}

  const aws::Stack& stack() const { return stack_; }

  // The new block `resource.type.NAME`, `data.type.NAME` or `output.NAME`
  // (NAME: terraform_name of the logical id), null for the caller to fill.
  // Blocks stay in the order they are added. Each id may be added once per
  // type: the name is appended without looking for an existing one.
  Json& resource(const char* type, const std::string& id);
  Json& data(const char* type, const std::string& id);
  Json& output(const std::string& id);

  // `${type.NAME.attr}`: the attribute `attr` of the resource `id`.
  static std::string ref(const char* type, const std::string& id, const char* attr);
  // `${aws_vpc.NAME.id}` and the like, for the references that recur.
  static std::string vpc(const std::string& id) { return ref("aws_vpc", id, "id"); }
  static std::string subnet(const std::string& id) { return ref("aws_subnet", id, "id"); }
  static std::string group(const std::string& id) { return ref("aws_security_group", id, "id"); }
  // Arrays of subnet ids and of security group ids.
  static Json subnets(const aws::Ids& ids);
  static Json groups(const aws::Ids& ids);
  // `["type.NAME", ...]`, a `depends_on` on the resources `ids`, each
  // added before (aws_resources.hpp: a dependency comes earlier in the
  // stack); one that was not is a bug (std::logic_error).
  Json depends_on(const aws::Ids& ids) const;
  // `{Name: ...}` from the first of `t`: the stack's tags come from the
  // provider's default_tags.
  static Json tags(const aws::Tags& t);
  // `s` with Terraform's template syntax escaped.
  static std::string lit(const std::string& s) { return terraform_literal(s); }

 private:
  Json& root_;
  const aws::Stack& stack_;
  // The type of every resource added, by logical id: what `depends_on`
  // addresses are made of.
  std::unordered_map<std::string, const char*> types_;
};

}  // namespace archc
