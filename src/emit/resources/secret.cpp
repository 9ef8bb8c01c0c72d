#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

void emit(const aws::Secret& r, CfnWriter& w) {
  w.open(r.id, "AWS::SecretsManager::Secret");
  w.kv("Description", r.description);
  w.key("GenerateSecretString");
  w.begin_map();
  w.kv("PasswordLength", r.length);
  w.kv("ExcludePunctuation", r.exclude_punctuation);
  w.end_map();
  w.tags(r.tags);
  w.close();
}

// Terraform has no property that makes Secrets Manager generate a secret's
// value: the value comes from GetRandomPassword, through the ephemeral
// resource aws_secretsmanager_random_password, into the write-only
// `secret_string_wo` of the secret's first version (Terraform 1.11, AWS
// provider 5.x). Neither is kept in the plan or the state, so the value is
// in no file Terraform writes; `secret_string_wo_version` stays 1, so later
// applies write no new value.
void emit(const aws::Secret& r, TfWriter& w) {
  w.ephemeral("aws_secretsmanager_random_password", r.id);
  w.kv("password_length", r.length);
  w.kv("exclude_punctuation", r.exclude_punctuation);
  w.close();
  w.resource("aws_secretsmanager_secret", r.id);
  w.kv_literal("description", r.description);
  w.tags(r.tags);
  w.close();
  w.resource("aws_secretsmanager_secret_version", r.id);
  w.ref("secret_id", "aws_secretsmanager_secret", r.id, "id");
  w.ref("secret_string_wo", "ephemeral.aws_secretsmanager_random_password", r.id, "random_password");
  w.kv("secret_string_wo_version", 1);
  w.close();
}

}  // namespace archc
