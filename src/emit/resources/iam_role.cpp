#include <fmt/format.h>

#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/resources/policy_document.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

namespace {

// What reading a secret takes: its value and its metadata (Secrets Manager
// User Guide, "Permissions reference").
constexpr const char* kReadSecretActions[] = {"secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"};
// The trust policy of a role for EC2 instances, as Terraform takes it: JSON text.
constexpr const char* kTrustPolicy =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},)"
    R"("Action":"sts:AssumeRole"}]})";
// The name of the inline policy that grants reading secrets.
constexpr const char* kReadSecretsPolicy = "read-secrets";

// The ARN of an AWS managed policy. archc's regions are all in the `aws`
// partition (stdlib/regions.json).
std::string managed_policy_arn(const std::string& name) { return "arn:aws:iam::aws:policy/" + name; }

}  // namespace

void emit(const aws::IamRole& r, CfnWriter& w) {
  w.open(r.id, "AWS::IAM::Role");
  w.key("AssumeRolePolicyDocument");
  begin_allow_statement(w);
  w.key("Principal");
  w.begin_map();
  w.kv("Service", "ec2.amazonaws.com");
  w.end_map();
  w.kv("Action", "sts:AssumeRole");
  end_allow_statement(w);
  if (!r.managed_policies.empty()) {
    w.key("ManagedPolicyArns");
    w.begin_seq();
    for (const auto& p : r.managed_policies) w.str(managed_policy_arn(p));
    w.end_seq();
  }
  if (!r.readable_secrets.empty()) {
    w.key("Policies");
    w.begin_seq();
    w.begin_map();
    w.kv("PolicyName", kReadSecretsPolicy);
    w.key("PolicyDocument");
    begin_allow_statement(w);
    w.key("Action");
    w.begin_seq();
    for (const char* a : kReadSecretActions) w.str(a);
    w.end_seq();
    w.key("Resource");
    w.begin_seq();
    for (const auto& s : r.readable_secrets) {
      if (s.db_master_user) w.get_att_value(s.resource, "MasterUserSecret.SecretArn");
      else w.ref_value(s.resource);
    }
    w.end_seq();
    end_allow_statement(w);
    w.end_map();
    w.end_seq();
  }
  w.tags(r.tags);
  w.close();
}

// Terraform: the role, its inline policy as an aws_iam_role_policy (the
// role's own `inline_policy` is deprecated in the AWS provider), and one
// aws_iam_role_policy_attachment a managed policy.
void emit(const aws::IamRole& r, TfWriter& w) {
  w.resource("aws_iam_role", r.id);
  w.kv("assume_role_policy", kTrustPolicy);
  w.tags(r.tags);
  w.close();
  if (!r.readable_secrets.empty()) {
    // JSON text with Terraform references in it: the ARNs are known only
    // once the secrets exist.
    std::string arns;
    for (const auto& s : r.readable_secrets)
      arns += fmt::format("{}\"${{{}}}\"", arns.empty() ? "" : ",",
                          s.db_master_user ? fmt::format("aws_db_instance.{}.master_user_secret[0].secret_arn",
                                                         terraform_name(s.resource))
                                           : fmt::format("aws_secretsmanager_secret.{}.arn", terraform_name(s.resource)));
    w.resource("aws_iam_role_policy", r.id);
    w.kv("name", kReadSecretsPolicy);
    w.ref("role", "aws_iam_role", r.id, "id");
    w.kv("policy", fmt::format(R"({{"Version":"{}","Statement":[{{"Effect":"Allow","Action":["{}","{}"],"Resource":[{}]}}]}})",
                               kPolicyVersion, kReadSecretActions[0], kReadSecretActions[1], arns));
    w.close();
  }
  for (const auto& p : r.managed_policies) {
    w.resource("aws_iam_role_policy_attachment", r.id + "Policy" + std::to_string(&p - r.managed_policies.data() + 1));
    w.ref("role", "aws_iam_role", r.id, "name");
    w.kv("policy_arn", managed_policy_arn(p));
    w.close();
  }
}

void emit(const aws::InstanceProfile& r, CfnWriter& w) {
  w.open(r.id, "AWS::IAM::InstanceProfile");
  w.refs("Roles", {r.role});
  w.close();
}

void emit(const aws::InstanceProfile& r, TfWriter& w) {
  w.resource("aws_iam_instance_profile", r.id);
  w.ref("role", "aws_iam_role", r.role, "name");
  w.close();
}

}  // namespace archc
