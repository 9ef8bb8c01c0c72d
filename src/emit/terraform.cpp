#include "emit/terraform.hpp"

#include <algorithm>

#include "emit/json_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

namespace {

bool is_capital(char c) { return c >= 'A' && c <= 'Z'; }

// `RdsDbReplica1` → `rds<sep>db<sep>replica1`, appended to `out`: a capital
// starts a word (a logical id is ASCII letters and digits). Sized first
// and written in place: every reference in a Terraform configuration is
// made of one.
void append_lower_words(std::string& out, std::string_view logical_id, char sep) {
  const auto words = static_cast<std::size_t>(std::count_if(logical_id.begin(), logical_id.end(), is_capital));
  const std::size_t at = out.size();
  const bool first_capital = !logical_id.empty() && is_capital(logical_id.front());
  out.resize(at + logical_id.size() + words - (first_capital ? 1 : 0));
  char* p = out.data() + at;
  for (std::size_t i = 0; i < logical_id.size(); ++i) {
    const char c = logical_id[i];
    if (!is_capital(c)) {
      *p++ = c;
      continue;
    }
    if (i > 0) *p++ = sep;
    *p++ = static_cast<char>(c - 'A' + 'a');
  }
}

}  // namespace

void append_terraform_name(std::string& out, std::string_view logical_id) { append_lower_words(out, logical_id, '_'); }

std::string terraform_name(const std::string& logical_id) {
  std::string out;
  append_terraform_name(out, logical_id);
  return out;
}

void append_terraform_literal(std::string& out, std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    // `${` and `%{` start template sequences; doubling the first character
    // makes them literal.
    if ((s[i] == '$' || s[i] == '%') && i + 1 < s.size() && s[i + 1] == '{') out += s[i];
  }
}

std::string kebab_case(const std::string& logical_id) {
  std::string out;
  append_lower_words(out, logical_id, '-');
  return out;
}

std::string emit_terraform(const aws::Stack& stack) {
  JsonWriter json;
  TfWriter w(json, stack);
  w.begin_object();
  // The versions the output is tested with (docs/terraform.md): Terraform
  // 1.11 and later 1.x; hashicorp/aws 5.100, which `terraform apply` and
  // `terraform validate` run in the tests, and 6.x, whose schema the output
  // is checked against. Neither major version needs anything the other lacks.
  w.key("terraform");
  w.begin_object();
  w.kv("required_version", ">= 1.11, < 2.0");
  w.key("required_providers");
  w.begin_object();
  w.key("aws");
  w.begin_object();
  w.kv("source", "hashicorp/aws");
  w.kv("version", ">= 5.100, < 7.0");
  w.end_object();
  w.end_object();
  w.end_object();
  w.key("provider");
  w.begin_object();
  w.begin_block("aws");
  w.kv("region", stack.region);
  if (!stack.tags.empty()) {
    // The stack's tags reach every taggable resource; Name is set per resource.
    w.begin_block("default_tags");
    w.key("tags");
    w.begin_object();
    for (const auto& t : stack.tags) {
      // Keys too: Terraform reads an object's keys as templates as well.
      w.key_literal(t.key);
      w.literal(t.value);
    }
    w.end_object();
    w.end_block();
  }
  w.end_block();
  w.end_object();
  for (const auto& p : stack.images) emit(p, w);
  for (const auto& r : stack.resources) std::visit([&w](const auto& resource) { emit(resource, w); }, r);
  for (const auto& o : stack.outputs) emit(o, w);
  w.blocks();
  w.end_object();
  return json.finish();
}

}  // namespace archc
