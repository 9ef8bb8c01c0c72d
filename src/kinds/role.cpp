// `role`: an IAM role for EC2 instances and its instance profile, its
// permissions generated from what it is granted (each by ARN, never `*`).
// A service: outside every VPC, named by the asgs and instances that take
// it on (`role = role.NAME`).
#include "model/role.hpp"

#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "kinds/kinds.hpp"
#include "lower/lowering.hpp"
#include "model/logical_id.hpp"
#include "model/secret.hpp"
#include "plan/planner.hpp"
#include "sema/kind_reader.hpp"

namespace archc::kinds {

namespace {

using model::AttributeSpec;
using model::ValueType;

// The AWS managed policy that lets Systems Manager manage an instance and
// open Session Manager sessions to it (Systems Manager User Guide, "Configure
// instance permissions required for Systems Manager").
constexpr const char* kSessionManagerPolicy = "AmazonSSMManagedInstanceCore";

void read_role(KindReader& r, model::Block& block) {
  auto& role = static_cast<model::Role&>(block);
  if (auto secrets = r.services("read_secrets")) {
    // Each item resolved: one index an item.
    const auto& items = r.get("read_secrets")->value->items();
    std::map<std::size_t, SourceRange> first;  // secret → where it is first listed
    for (std::size_t i = 0; i < secrets->size(); ++i) {
      const auto [at, added] = first.try_emplace((*secrets)[i], items[i]->range);
      if (added)
        role.read_secrets.push_back((*secrets)[i]);
      else
        r.diags()
            .report(Rule::InvalidValue, items[i]->range, "secret `{}` is listed twice",
                    r.model().services[(*secrets)[i]]->name)
            .notes.push_back({at->second, "first listed here"});
    }
    role.read_secrets_range = r.get("read_secrets")->value->range;
  }
  role.session_manager = r.boolean("session_manager").value_or(false);
}

// The ARN of secret `index` (into Model::services) as a policy names it.
aws::SecretArn secret_arn(const model::Model& m, std::size_t index) {
  const auto& secret = static_cast<const model::Secret&>(*m.services[index]);
  if (secret.rds) return {logical_id::db_instance(m.resources[*secret.rds]->name), true};
  return {logical_id::secret(secret.name), false};
}

void lower_role(Lowering& lo, const model::Block& block, std::size_t) {
  const auto& role = static_cast<const model::Role&>(block);
  aws::IamRole out;
  out.id = logical_id::role(role.name);
  if (role.session_manager) out.managed_policies.emplace_back(kSessionManagerPolicy);
  for (std::size_t s : role.read_secrets) out.readable_secrets.push_back(secret_arn(lo.model(), s));
  out.tags = lo.tags("role", role.name);
  const std::string id = lo.add(std::move(out)).id;
  lo.add(aws::InstanceProfile{logical_id::instance_profile(role.name), id});
  lo.add_output({aws::Output::Kind::RoleArn, id + "Arn", id, fmt::format("ARN of role {}", role.name)});
}

// The asgs and instances that take the role at `index` on, as the source
// names them.
std::vector<std::string> users(const model::Model& m, std::size_t index) {
  std::vector<std::string> out;
  for (std::size_t i : m.resources_by_kind()) {
    const model::Resource& r = *m.resources[i];
    if (model::role_of(r) == index) out.push_back(r.ref());
  }
  return out;
}

plan::Entry plan_role(plan::Planner& p, const model::Block& block, std::size_t index) {
  const auto& role = static_cast<const model::Role&>(block);
  std::vector<std::string> secrets, policies;
  for (std::size_t s : role.read_secrets) secrets.push_back(p.model().services[s]->ref());
  if (role.session_manager) policies.emplace_back(kSessionManagerPolicy);
  const std::vector<std::string> used_by = users(p.model(), index);
  plan::Entry e;
  e.heading = fmt::format("role {}  {}", role.name, p.tag("role", role.name));
  e.facts = {
      {"trusted by", "EC2 instances, through its instance profile"},
      {"used by", used_by.empty() ? "none" : fmt::format("{}", fmt::join(used_by, ", "))},
      {"reads secrets", secrets.empty() ? "none" : fmt::format("{}", fmt::join(secrets, ", "))},
      {"managed policies", policies.empty() ? "none" : fmt::format("{}", fmt::join(policies, ", "))},
  };
  e.json = {{"name", role.name},
            {"name_tag", p.tag("role", role.name)},
            {"trusted_service", "ec2.amazonaws.com"},
            {"used_by", used_by},
            {"read_secrets", secrets},
            {"managed_policies", policies}};
  return e;
}

}  // namespace

const model::KindSpec& role() {
  static const model::KindSpec kind{
      .keyword = "role",
      .doc = "An IAM role that EC2 instances take on (an archc extension), with its instance profile and the "
             "permissions it is granted.",
      .attributes =
          {
              AttributeSpec{.name = "read_secrets",
                            .type = ValueType::ResourceRefList,
                            .default_value = "`[]`",
                            .refers_to = "secret",
                            .extension = true,
                            .doc = "the secrets it may read (GetSecretValue, DescribeSecret), each by its ARN"},
              AttributeSpec{.name = "session_manager",
                            .type = ValueType::Bool,
                            .default_value = "`false`",
                            .extension = true,
                            .doc = "Systems Manager and Session Manager instead of SSH (AmazonSSMManagedInstanceCore)"},
          },
      .service = true,
      .name_tag_word = "role",
      .make = []() -> std::unique_ptr<model::Block> { return std::make_unique<model::Role>(); },
      .read = read_role,
      .lower = lower_role,
      .plan = plan_role,
      .plan_key = "roles",
  };
  return kind;
}

}  // namespace archc::kinds
