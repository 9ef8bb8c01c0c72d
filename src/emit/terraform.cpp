#include "emit/terraform.hpp"

#include <cctype>

#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"
#include "source/json_text.hpp"

namespace archc {

namespace {

// `RdsDbReplica1` → `rds<sep>db<sep>replica1`.
std::string lower_words(const std::string& logical_id, char sep) {
  std::string out;
  for (std::size_t i = 0; i < logical_id.size(); ++i) {
    const char c = logical_id[i];
    if (std::isupper(static_cast<unsigned char>(c))) {
      if (i > 0) out += sep;
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string terraform_name(const std::string& logical_id) { return lower_words(logical_id, '_'); }

std::string terraform_literal(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    // `${` and `%{` start template sequences; doubling the first character
    // makes them literal.
    if ((s[i] == '$' || s[i] == '%') && i + 1 < s.size() && s[i + 1] == '{') out += s[i];
  }
  return out;
}

std::string kebab_case(const std::string& logical_id) { return lower_words(logical_id, '-'); }

std::string emit_terraform(const aws::Stack& stack) {
  Json root;
  // The versions the output is tested with (docs/terraform.md): Terraform
  // 1.11 and later 1.x; hashicorp/aws 5.100, which `terraform apply` and
  // `terraform validate` run in the tests, and 6.x, whose schema the output
  // is checked against. Neither major version needs anything the other lacks.
  root["terraform"] = {
      {"required_version", ">= 1.11, < 2.0"},
      {"required_providers", {{"aws", {{"source", "hashicorp/aws"}, {"version", ">= 5.100, < 7.0"}}}}}};
  Json provider = {{"region", stack.region}};
  if (!stack.tags.empty()) {
    // The stack's tags reach every taggable resource; Name is set per resource.
    Json default_tags = Json::object();
    // Keys too: Terraform reads an object's keys as templates as well.
    for (const auto& t : stack.tags) default_tags[terraform_literal(t.key)] = terraform_literal(t.value);
    provider["default_tags"] = Json::array({{{"tags", default_tags}}});
  }
  root["provider"] = {{"aws", Json::array({provider})}};
  TfWriter w(root, stack);
  for (const auto& p : stack.images) emit(p, w);
  for (const auto& r : stack.resources) std::visit([&w](const auto& resource) { emit(resource, w); }, r);
  for (const auto& o : stack.outputs) emit(o, w);
  return escape_hidden_in_json(root.dump(2)) + "\n";
}

}  // namespace archc
