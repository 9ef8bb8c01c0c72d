// No secret reaches the generated stack: templates are stored in S3, shown
// in the console and committed to repositories. User data and tags are the
// only free text archc copies into the output; a credential there is an
// error, so nothing is written.
#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "sema/checks/check.hpp"
#include "model/asg.hpp"
#include "model/efs.hpp"
#include "model/instance.hpp"

namespace archc::checks {

namespace {

// What gives a secret away: an AWS access key id (AKIA/ASIA and 16 upper-case
// letters or digits), a PEM private key, or an AWS secret key assignment.
std::optional<std::string_view> secret_kind(std::string_view text) {
  for (std::size_t i = 0; i + 20 <= text.size(); ++i) {
    const std::string_view prefix = text.substr(i, 4);
    if (prefix != "AKIA" && prefix != "ASIA") continue;
    std::string_view rest = text.substr(i + 4, 16);
    const bool key = std::all_of(rest.begin(), rest.end(), [](char c) {
      return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c));
    });
    const bool bounded = i + 20 == text.size() || !std::isalnum(static_cast<unsigned char>(text[i + 20]));
    if (key && bounded) return "an AWS access key id";
  }
  if (text.find("PRIVATE KEY-----") != std::string_view::npos) return "a private key";
  for (std::string_view name : {"aws_secret_access_key", "AWS_SECRET_ACCESS_KEY"})
    if (text.find(name) != std::string_view::npos) return "an AWS secret access key";
  return std::nullopt;
}

void report(Diagnostics& diags, SourceRange where, std::string_view what, std::string_view kind) {
  diags.report(Rule::SecretInOutput, where, "{} holds what looks like {}", what, kind)
      .notes.push_back({{}, "the stack would carry it in clear text; read it at boot from Secrets Manager or SSM "
                            "Parameter Store through an instance role instead"});
}

}  // namespace

void secret_in_output(const model::Model& m, Diagnostics& diags) {
  for (const model::Asg* asg : m.all<model::Asg>())
    if (asg->user_data)
      if (auto kind = secret_kind(*asg->user_data))
        report(diags, asg->user_data_range, fmt::format("the user data of asg `{}`", asg->name), *kind);
  for (const model::Instance* instance : m.all<model::Instance>())
    if (instance->user_data)
      if (auto kind = secret_kind(*instance->user_data))
        report(diags, instance->user_data_range, fmt::format("the user data of instance `{}`", instance->name), *kind);
  for (const auto& tag : m.stack.tags)
    if (auto kind = secret_kind(tag.value)) report(diags, tag.range, fmt::format("tag `{}`", tag.key), *kind);
  // The Name tags the source chooses (`name`, `igw_name`, `nat_names`).
  const auto name_tag = [&](const std::optional<model::NameOverride>& name) {
    if (name)
      if (auto kind = secret_kind(name->value)) report(diags, name->range, "the Name tag", *kind);
  };
  for (const model::Instance* instance : m.all<model::Instance>()) name_tag(instance->name_tag);
  for (const model::Efs* efs : m.all<model::Efs>()) name_tag(efs->name_tag);
  for (const auto& vpc : m.vpcs) {
    name_tag(vpc.igw_name);
    for (const auto& nat : vpc.nat_names) name_tag(nat);
  }
}

}  // namespace archc::checks
