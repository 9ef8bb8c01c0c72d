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
// value: the value comes from GetRandomPassword (the data source
// aws_secretsmanager_random_password) into the secret's first version,
// which then ignores the new one the data source reads at every plan. The
// value lands in the Terraform state, as every secret Terraform writes does;
// the configuration never holds it.
void emit(const aws::Secret& r, TfWriter& w) {
  w.data("aws_secretsmanager_random_password", r.id);
  w.kv("password_length", r.length);
  w.kv("exclude_punctuation", r.exclude_punctuation);
  w.close();
  w.resource("aws_secretsmanager_secret", r.id);
  w.kv_literal("description", r.description);
  w.tags(r.tags);
  w.close();
  w.resource("aws_secretsmanager_secret_version", r.id);
  w.ref("secret_id", "aws_secretsmanager_secret", r.id, "id");
  w.ref("secret_string", "data.aws_secretsmanager_random_password", r.id, "random_password");
  w.key("lifecycle");
  w.begin_object();
  w.key("ignore_changes");
  w.begin_array();
  w.str("secret_string");
  w.end_array();
  w.end_object();
  w.close();
}

}  // namespace archc
