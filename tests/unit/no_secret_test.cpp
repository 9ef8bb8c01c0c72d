// No secret value appears in any output: every sample's CloudFormation and
// Terraform stacks, plans and graphs are scanned for what gives a secret
// away, and a file that holds one (in user data, a tag, a secret block)
// compiles to an error, so that nothing is written.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "emit/cloudformation.hpp"
#include "emit/terraform.hpp"
#include "graph/graph.hpp"
#include "lower/lower.hpp"
#include "test_support.hpp"

namespace {

using archc::test::compile;
using archc::test::error_briefs;

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// What would be a secret in an output: an AWS access key id, a private key,
// a secret access key, a database password set in the stack, a secret's
// value written out (CloudFormation's SecretString, Terraform's
// secret_string or secret_string_wo other than the ephemeral generated one).
const std::regex kSecret(
    R"(A[KS]IA[0-9A-Z]{16}|PRIVATE KEY-----|aws_secret_access_key|\bMasterUserPassword|"password"\s*:|\bSecretString:|"secret_string(_wo)?": "(?!\$\{ephemeral\.aws_secretsmanager_random_password\.))",
    std::regex::icase);

// Every output of a compiled file: both stacks, both plans, both graphs.
std::vector<std::pair<std::string, std::string>> outputs(const archc::model::Model& m) {
  const archc::aws::Stack stack = archc::lower(m);
  const auto plan = archc::plan::make_plan(m);
  const auto graph = archc::graph::make_graph(m);
  return {{"CloudFormation", archc::emit_cloudformation(stack)},
          {"Terraform", archc::emit_terraform(stack)},
          {"plan", archc::plan::render_text(plan)},
          {"plan JSON", archc::plan::render_json(plan)},
          {"DOT", archc::graph::render_dot(graph)},
          {"Mermaid", archc::graph::render_mermaid(graph)}};
}

}  // namespace

TEST_CASE("no sample's output holds a secret value", "[secrets][samples]") {
  std::size_t samples = 0;
  for (const auto& entry : std::filesystem::directory_iterator(ARCHC_SOURCE_DIR "/samples")) {
    if (entry.path().extension() != ".arch") continue;
    ++samples;
    auto c = archc::compile_text(entry.path().string(), read(entry.path()));
    REQUIRE(error_briefs(c->diags).empty());
    for (const auto& [what, text] : outputs(c->model)) {
      INFO(entry.path().filename().string() << ", " << what);
      std::smatch found;
      const bool leaks = std::regex_search(text, found, kSecret);
      INFO((leaks ? found.str() : ""));
      CHECK_FALSE(leaks);
    }
  }
  CHECK(samples >= 5);
}

TEST_CASE("the scan finds a secret where one is written", "[secrets]") {
  // What the scan above would miss if its pattern were wrong.
  for (const char* leak : {"AKIAIOSFODNN7EXAMPLE", "-----BEGIN RSA PRIVATE KEY-----", "MasterUserPassword: x",
                           "\"secret_string\": \"hunter2\"", "SecretString: hunter2"})
    CHECK(std::regex_search(std::string(leak), kSecret));
  CHECK(std::regex_search(std::string("\"secret_string_wo\": \"hunter2\""), kSecret));
  CHECK_FALSE(std::regex_search(
      std::string(R"("secret_string_wo": "${ephemeral.aws_secretsmanager_random_password.key_secret.random_password}")"),
      kSecret));
}

TEST_CASE("a file that holds a secret compiles to an error, so nothing is written", "[secrets]") {
  const std::string network = archc::test::with_public_and_app("");
  for (const char* block : {
           "instance \"b\" {\n  subnets   = vpc.main.public\n  user_data = \"export KEY=AKIAIOSFODNN7EXAMPLE\"\n}\n",
           "asg \"w\" {\n  subnets   = vpc.main.app\n  user_data = \"-----BEGIN RSA PRIVATE KEY-----\"\n}\n",
           "secret \"s\" { value = \"correct horse battery staple\" }\n",
           "instance \"c\" {\n  subnets = vpc.main.public\n  name    = \"AKIAIOSFODNN7EXAMPLE\"\n}\n"}) {
    INFO(block);
    const auto errors = error_briefs(compile(network + block)->diags);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find("error[secret-in-output]") != std::string::npos);
  }
}
