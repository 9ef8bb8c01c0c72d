// The `role` and `secret` kinds (kinds/role.cpp, kinds/secret.cpp): what
// they read and refuse, what they lower to in both backends, what the plan
// shows, and role-unused at its exact place with a near miss.
#include <catch2/catch.hpp>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "emit/terraform.hpp"
#include "lower/lower.hpp"
#include "test_support.hpp"

namespace {

using archc::test::compile;
using archc::test::diagnostics_of;
using archc::test::of_rule;
using archc::test::plan_of;
using archc::test::with_public_and_app;

using Strings = std::vector<std::string>;

// Lines 8-13: an asg and an rds, each in the app tier; `rest` starts on line 14.
std::string with_asg_and_rds(const std::string& asg_attributes, const std::string& rest) {
  return with_public_and_app(R"(sg-chain "c" { asg.web -> rds.app }
asg "web" {
  subnets = vpc.main.app
)" + asg_attributes + R"(
}
rds "app" { subnets = vpc.main.app, engine = "mysql", multi_az = true }
)" + rest);
}

template <typename T>
std::vector<T> of_type(const archc::aws::Stack& s) {
  std::vector<T> out;
  for (const auto& r : s.resources)
    if (const auto* t = std::get_if<T>(&r)) out.push_back(*t);
  return out;
}

}  // namespace

TEST_CASE("a role reads the secrets it is granted by ARN, and its asg carries its instance profile", "[identity]") {
  const std::string text = with_asg_and_rds("  role = role.web", R"(secret "db" { rds = rds.app }
secret "key" {
  length      = 48
  punctuation = false
}
role "web" {
  read_secrets    = [secret.db, secret.key]
  session_manager = true
}
)");
  auto c = compile(text);
  REQUIRE(archc::test::error_briefs(c->diags).empty());
  const archc::aws::Stack stack = archc::lower(c->model);

  const auto roles = of_type<archc::aws::IamRole>(stack);
  REQUIRE(roles.size() == 1);
  CHECK(roles[0].id == "WebRole");
  CHECK(roles[0].managed_policies == Strings{"AmazonSSMManagedInstanceCore"});
  REQUIRE(roles[0].readable_secrets.size() == 2);
  CHECK(roles[0].readable_secrets[0].resource == "AppDb");
  CHECK(roles[0].readable_secrets[0].db_master_user);
  CHECK(roles[0].readable_secrets[1].resource == "KeySecret");
  CHECK_FALSE(roles[0].readable_secrets[1].db_master_user);

  const auto profiles = of_type<archc::aws::InstanceProfile>(stack);
  REQUIRE(profiles.size() == 1);
  CHECK(profiles[0].id == "WebInstanceProfile");
  CHECK(profiles[0].role == "WebRole");
  const auto templates = of_type<archc::aws::LaunchTemplate>(stack);
  REQUIRE(templates.size() == 1);
  CHECK(templates[0].instance_profile == "WebInstanceProfile");

  // Only the generated secret is a resource; RDS made the other.
  const auto secrets = of_type<archc::aws::Secret>(stack);
  REQUIRE(secrets.size() == 1);
  CHECK(secrets[0].id == "KeySecret");
  CHECK(secrets[0].length == 48);
  CHECK(secrets[0].exclude_punctuation);

  Strings outputs;
  for (const auto& o : stack.outputs) outputs.push_back(o.id);
  CHECK(std::count(outputs.begin(), outputs.end(), "DbSecretArn") == 1);
  CHECK(std::count(outputs.begin(), outputs.end(), "KeySecretArn") == 1);
  CHECK(std::count(outputs.begin(), outputs.end(), "WebRoleArn") == 1);

  // Terraform: the policy names each ARN, never `*`; the generated value
  // comes from GetRandomPassword, ephemeral and write-only, so neither the
  // configuration nor the state holds it.
  const auto tf = nlohmann::json::parse(archc::emit_terraform(stack));
  const std::string policy = tf["resource"]["aws_iam_role_policy"]["web_role"]["policy"];
  const auto statement = nlohmann::json::parse(policy)["Statement"].at(0);
  CHECK(statement["Action"] == Strings{"secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"});
  CHECK(statement["Resource"] == Strings{"${aws_db_instance.app_db.master_user_secret[0].secret_arn}",
                                         "${aws_secretsmanager_secret.key_secret.arn}"});
  const auto& version = tf["resource"]["aws_secretsmanager_secret_version"]["key_secret"];
  CHECK(version["secret_string_wo"] == "${ephemeral.aws_secretsmanager_random_password.key_secret.random_password}");
  CHECK(version["secret_string_wo_version"] == 1);
  CHECK_FALSE(version.contains("secret_string"));
  CHECK(tf["ephemeral"]["aws_secretsmanager_random_password"]["key_secret"]["password_length"] == 48);
  CHECK(tf["resource"]["aws_iam_role_policy_attachment"]["web_role_policy1"]["policy_arn"] ==
        "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");
}

TEST_CASE("the plan shows each role and secret, who uses it and who reads it", "[identity]") {
  const auto plan = plan_of(with_asg_and_rds("  role = role.web", R"(secret "db" { rds = rds.app }
role "web" { read_secrets = [secret.db] }
)"));
  CHECK(plan["roles"] == nlohmann::json::parse(R"([{"name": "web", "name_tag": "lab-role-web",
    "trusted_service": "ec2.amazonaws.com", "used_by": ["asg.web"], "read_secrets": ["secret.db"],
    "managed_policies": []}])"));
  CHECK(plan["secrets"] == nlohmann::json::parse(R"([{"name": "db", "name_tag": null, "rds": "rds.app",
    "length": null, "punctuation": null, "read_by": ["role.web"]}])"));
  CHECK(plan["auto_scaling_groups"][0]["role"] == "role.web");
  const std::string text = archc::plan::render_text(archc::plan::make_plan(compile(with_asg_and_rds(
      "  role = role.web", "secret \"db\" { rds = rds.app }\nrole \"web\" { read_secrets = [secret.db] }\n"))->model));
  CHECK(text.find("\noutside the VPCs\n\n    secret db  master user secret of rds.app\n") != std::string::npos);
  CHECK(text.find("      reads secrets     secret.db\n") != std::string::npos);
}

TEST_CASE("a role no asg or instance takes on is role-unused, at its name", "[identity][rules]") {
  CHECK(of_rule(with_asg_and_rds("", "role \"web\" { session_manager = true }\n"), "role-unused") ==
        Strings{"14:6: warning[role-unused]: no asg or instance takes on role `web`",
                "  set `role = role.web` on the asg or instance that needs it"});
  // Near miss: the asg takes it on.
  CHECK(of_rule(with_asg_and_rds("  role = role.web", "role \"web\" { session_manager = true }\n"), "role-unused")
            .empty());
  // A block that could not be read, or a resource that could not be read
  // whole, may be the one that names it.
  CHECK(of_rule(with_asg_and_rds("", "role \"web\" { session_manager = true }\ninstance \"b\" { subnets = }\n"),
                "role-unused")
            .empty());
}

TEST_CASE("role and secret refuse what they cannot mean, at the place", "[identity][rules]") {
  SECTION("a literal secret value") {
    CHECK(of_rule(with_asg_and_rds("", "secret \"api\" { value = \"hunter2\" }\n"), "secret-in-output") ==
          Strings{"14:24: error[secret-in-output]: secret `api` holds a literal value; archc has Secrets Manager "
                  "generate it",
                  "  remove `value`; set `length` and `punctuation` for the generated value, or name an rds whose "
                  "master secret this is with `rds`"});
    // Near miss: a generated one.
    CHECK(of_rule(with_asg_and_rds("", "secret \"api\" { length = 40 }\n"), "secret-in-output").empty());
  }
  SECTION("a generated value's shape beside rds") {
    CHECK(of_rule(with_asg_and_rds("", "secret \"db\" {\n  rds    = rds.app\n  length = 40\n}\n"),
                  "conflicting-attributes") ==
          Strings{"16:3: error[conflicting-attributes]: `length` shapes a generated value; RDS generates the master "
                  "secret of `rds`",
                  "  15:3: `rds` is given here"});
  }
  SECTION("grants and roles that name nothing, or the wrong kind") {
    const Strings d = diagnostics_of(with_asg_and_rds("  role = role.wbe", R"(role "web" { read_secrets = [secret.nope, rds.app] }
)"));
    CHECK(std::count(d.begin(), d.end(), "11:15: error[unknown-reference]: no role named `wbe`") == 1);
    CHECK(std::count(d.begin(), d.end(), "14:37: error[unknown-reference]: no secret named `nope`") == 1);
    CHECK(std::count(d.begin(), d.end(),
                     "14:43: error[type-mismatch]: `read_secrets` must name a block of kind `secret`, as in "
                     "secret.NAME") == 1);
    // The role is named, misspelt: it is not reported unused as well.
    CHECK(std::count_if(d.begin(), d.end(), [](const std::string& s) { return s.find("role-unused") != s.npos; }) == 0);
  }
  SECTION("a length outside Secrets Manager's bounds") {
    CHECK(archc::test::error_briefs(compile(with_asg_and_rds("", "secret \"k\" { length = 4 }\n"))->diags) ==
          Strings{"14:23: error[invalid-value]: `length` must be a whole number from 8 to 4096"});
  }
}

TEST_CASE("a secret listed twice, an rds's master secret named twice, are errors at the second", "[identity][rules]") {
  CHECK(of_rule(with_asg_and_rds("  role = role.web",
                                 "secret \"db\" { rds = rds.app }\nrole \"web\" { read_secrets = [secret.db, secret.db] }\n"),
                "invalid-value") == Strings{"15:41: error[invalid-value]: secret `db` is listed twice",
                                            "  15:30: first listed here"});
  CHECK(of_rule(with_asg_and_rds("", "secret \"db\" { rds = rds.app }\nsecret \"db-again\" { rds = rds.app }\n"),
                "invalid-value") ==
        Strings{"15:8: error[invalid-value]: rds `app` has one master user secret, already secret `db`",
                "  14:8: secret `db` names it here"});
  // Near miss: two secrets, each its own.
  CHECK(of_rule(with_asg_and_rds("", "secret \"db\" { rds = rds.app }\nsecret \"key\" { length = 40 }\n"),
                "invalid-value")
            .empty());
}

TEST_CASE("a role's and a secret's Name tags hold only what IAM and Secrets Manager take", "[identity][rules]") {
  CHECK(of_rule(with_asg_and_rds("", "role \"r#1\" {}\n"), "tag-characters") ==
        Strings{"14:6: warning[tag-characters]: role `r#1` gets the Name tag `lab-role-r#1`, which holds a character "
                "that IAM, Secrets Manager and S3 refuse: use letters, digits, spaces and `_ . : / = + - @`"});
  // Not an identifier: the role cannot be named, and role-unused says so without a fix.
  CHECK(of_rule(with_asg_and_rds("", "role \"r#1\" {}\n"), "role-unused") ==
        Strings{"14:6: warning[role-unused]: no asg or instance takes on role `r#1`"});
}

TEST_CASE("a misspelt kind in a service reference gets a did-you-mean", "[identity][rules]") {
  auto c = compile(with_asg_and_rds("  role = rol.web", "role \"web\" {}\n"));
  REQUIRE(archc::test::error_briefs(c->diags) ==
          Strings{"11:10: error[type-mismatch]: `role` must name a block of kind `role`, as in role.NAME"});
  const auto& d = *std::find_if(c->diags.all().begin(), c->diags.all().end(),
                                [](const auto& x) { return x.id() == std::string_view("type-mismatch"); });
  CHECK(archc::test::notes(d) == Strings{"did you mean `role`?"});
}
