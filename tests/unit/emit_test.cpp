// What the emitters write reads back as what was meant: YAML scalars that
// YAML 1.1 readers (CloudFormation's included) would take for something
// else are quoted, whole templates parse, base64 matches RFC 4648, and the
// mappings of the ElastiCache and EFS types write exactly the properties meant.
// That every resource type has both a CloudFormation and a Terraform mapping
// needs no test here: the build fails otherwise (src/emit/resources/mappings.hpp).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "emit/base64.hpp"
#include "emit/cfn_writer.hpp"
#include "emit/cloudformation.hpp"
#include "emit/json_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/terraform.hpp"
#include "emit/tf_writer.hpp"
#include "emit/yaml_writer.hpp"
#include "lower/lower.hpp"
#include "test_support.hpp"

namespace archc {
namespace {

// The document `value: <s>` written by YamlWriter.
std::string emit_value(const std::string& s) {
  YamlWriter y;
  y.begin_map();
  y.key("value");
  y.string(s);
  y.end_map();
  return y.finish();
}

// yaml-cpp tags a plain scalar "?" and a quoted or block one "!".
bool is_plain(const YAML::Node& n) { return n.Tag() == "?"; }

// `KEY: 1` as the writer puts it.
std::string one_key_map(std::string_view key) {
  YamlWriter y;
  y.begin_map();
  y.key(key);
  y.integer(1);
  y.end_map();
  return y.finish();
}

TEST_CASE("yaml11_needs_quotes: what YAML 1.1 reads as a bool, null or number") {
  for (const char* s : {"", "yes", "Yes", "NO", "y", "n", "on", "OFF", "true", "False", "null", "NULL", "~", "012",
                        "0x1F", "0o17", "1e3", "1_000", "-1", "+1", ".5", ".inf", "-.INF", ".NaN", "1:20",
                        "2001-12-14", "10.1"}) {
    INFO(s);
    CHECK(yaml11_needs_quotes(s));
  }
  for (const char* s : {"hello", "yesterday", "onion", "10.1.0.0/16", "ap-northeast-2a", "ami-0c9c942bd7bf113a2",
                        "t2.micro", "/index.php", "1 2", "0.0.0.0/0"}) {
    INFO(s);
    CHECK_FALSE(yaml11_needs_quotes(s));
  }
}

TEST_CASE("YamlWriter::string round-trips every string and quotes what YAML 1.1 would misread") {
  for (const char* s : {"yes", "on", "012", "1e3", "null", "~", "", "2001-12-14", "1:20"}) {
    INFO(s);
    const std::string text = emit_value(s);
    CHECK(text == fmt::format("value: \"{}\"\n", s));
    const YAML::Node n = YAML::Load(text)["value"];
    CHECK(n.as<std::string>() == s);
    CHECK_FALSE(is_plain(n));
  }
  for (const char* s : {"hello", "10.1.0.0/16", "t2.micro"}) {
    INFO(s);
    const std::string text = emit_value(s);
    CHECK(text == fmt::format("value: {}\n", s));
    CHECK(YAML::Load(text)["value"].as<std::string>() == s);
  }
}

TEST_CASE("yaml11_needs_quotes: the merge and value keys, and timestamps with a time") {
  for (const char* s : {"<<", "=", "0x1Db", "0b101", "-0o17", "190:20:30", "2001-12-14t21:59:43.10-05:00",
                        "2001-12-14 21:59:43.10 -5", "2001-12-15T02:59:43.1Z", "2002-12-14"}) {
    INFO(s);
    CHECK(yaml11_needs_quotes(s));
  }
  for (const char* s : {"<<a", "a=b", "2001-12-14 noon", "N0x1Db", "Yess"}) {
    INFO(s);
    CHECK_FALSE(yaml11_needs_quotes(s));
  }
}

TEST_CASE("YamlWriter::key quotes any key YAML 1.1 would not read as that string") {
  for (const char* k : {"0x1Db", "475", "1_000", "0o17", "0b11", "1:20", "1e3", ".inf", ".NaN", "yes", "No", "on",
                        "OFF", "y", "n", "null", "~", "<<", "=", "2001-12-14", "2001-12-14t21:59:43.10-05:00",
                        "-a", "a: b", "a #b", "[x]", "&x", "*x", "!x", "%x", "@x", "?x", "b:", " x"}) {
    INFO(k);
    const std::string text = one_key_map(k);
    CHECK(text.front() == '"');
    const YAML::Node doc = YAML::Load(text);
    REQUIRE(doc.IsMap());
    const auto entry = doc.begin();
    CHECK(entry->first.as<std::string>() == k);
    CHECK_FALSE(is_plain(entry->first));
  }
  for (const char* k : {"LabVpc", "N0x1Db", "Type", "Fn::GetAtt"}) {
    INFO(k);
    CHECK(one_key_map(k) == fmt::format("{}: 1\n", k));
  }
}

TEST_CASE("YamlWriter::string writes multi-line text as a literal block only when that reads back exactly") {
  SECTION("one final newline: literal block") {
    const std::string s = "#!/bin/bash\necho \"${HOME}\" yes\n";
    const std::string text = emit_value(s);
    CHECK(text == "value: |\n  #!/bin/bash\n  echo \"${HOME}\" yes\n");
    CHECK(YAML::Load(text)["value"].as<std::string>() == s);
  }
  // Each of these would lose or change characters in a literal block.
  for (const char* s : {"no final newline\nhere", "two final newlines\n\n", "crlf\r\nx\r\n", "nel\u0085\nx\n"}) {
    INFO(s);
    const std::string text = emit_value(s);
    CHECK(text.rfind("value: \"", 0) == 0);
    CHECK(YAML::Load(text)["value"].as<std::string>() == s);
  }
}

// `s` written as a value and as a key reads back as `s` through yaml-cpp,
// quoted (or, for a value, as a literal block when `literal`), and the
// document holds no character raw that another reader would change.
void check_round_trip(const std::string& s, bool literal = false) {
  INFO(Catch::Detail::stringify(s));
  const std::string value_doc = emit_value(s);
  INFO(value_doc);
  CHECK(test::raw_unreadable(value_doc) == std::nullopt);
  const YAML::Node value = YAML::Load(value_doc)["value"];
  CHECK(value.as<std::string>() == s);
  CHECK_FALSE(is_plain(value));
  CHECK((value_doc.rfind("value: |", 0) == 0) == literal);
  const std::string key_doc = one_key_map(s);
  INFO(key_doc);
  CHECK(test::raw_unreadable(key_doc) == std::nullopt);
  const YAML::Node map = YAML::Load(key_doc);
  REQUIRE(map.IsMap());
  CHECK(map.begin()->first.as<std::string>() == s);
  CHECK_FALSE(is_plain(map.begin()->first));
}

// Each kind of string that YAML 1.1 would read as something else: the
// example issue 9 gives first, then more of the kind.
TEST_CASE("the value key `=` and the merge key `<<` are quoted") {
  for (const char* s : {"=", "<<"}) check_round_trip(s);
  CHECK(emit_value("=") == "value: \"=\"\n");
  CHECK(one_key_map("<<") == "\"<<\": 1\n");
}

TEST_CASE("timestamps are quoted") {
  for (const char* s : {"2024-01-02T03:04:05Z", "2024-01-02", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
                        "2001-1-2 3:04:05", "2024-01-02T03:04:05.123456+09:00"})
    check_round_trip(s);
}

TEST_CASE("strings that look like numbers are quoted, as keys too") {
  for (const char* s : {"12", "0x1F", "-0b101", "0o17", "012", "1_000", "190:20:30", "6.8523015e+5", "+.inf", ".NaN",
                        "-1", "1."})
    check_round_trip(s);
}

TEST_CASE("NEL, LS and PS, which YAML reads as line breaks, are escaped") {
  for (const char* s : {"a\u0085b", "a\u2028b", "a\u2029b", "\u2028", "\u0085 leading", "trailing \u2029",
                        "#!/bin/sh\u2028echo\n", "line\n\u0085\n"})
    check_round_trip(s);
  CHECK(emit_value("a\u0085b\u2028c\u2029") == "value: \"a\\x85b\\u2028c\\u2029\"\n");
}

TEST_CASE("control characters are escaped") {
  for (const char* s : {"x\x01y", "\x1B[0m", "tab\there", "cr\rlf", "del\x7F", "c1\u0080\u009F", "bom\uFEFF",
                        "nonchar\uFFFE\uFFFF", "bell\x07\n"})
    check_round_trip(s);
  // Other characters outside ASCII stay as they are.
  CHECK(emit_value("e\u0301 \u00A0\u3000 \U0001F600") == "value: e\u0301 \u00A0\u3000 \U0001F600\n");
  CHECK(emit_value(std::string("nul\0", 4)) == "value: \"nul\\x00\"\n");
  check_round_trip(std::string("nul\0", 4));
}

TEST_CASE("a literal block whose first line is blank or more indented has an indentation indicator") {
  const std::string blank_first = "\n  indented first\nx\n";
  CHECK(emit_value(blank_first) == "value: |2\n\n    indented first\n  x\n");
  const std::string indented_first = "  more indented\nless\n";
  CHECK(emit_value(indented_first) == "value: |2\n    more indented\n  less\n");
  for (const std::string& s : {blank_first, indented_first, std::string("   \nblanks only first\n"),
                               std::string("\tx\ny\n"), std::string("\n\nx\n"), std::string("a\n    \n  b\n")})
    check_round_trip(s, true);
  // In a sequence and deeper in maps the indicator counts from the parent.
  YamlWriter y;
  y.begin_map();
  y.key("list");
  y.begin_seq();
  y.string(blank_first);
  y.begin_map();
  y.key("k");
  y.string(indented_first);
  y.end_map();
  y.end_seq();
  y.end_map();
  const std::string doc = y.finish();
  INFO(doc);
  const YAML::Node list = YAML::Load(doc)["list"];
  CHECK(list[0].as<std::string>() == blank_first);
  CHECK(list[1]["k"].as<std::string>() == indented_first);
}

// Both outputs of `text`, which must compile without errors.
std::pair<std::string, std::string> both_outputs(std::string text) {
  auto c = test::compile(std::move(text));
  INFO(Catch::Detail::stringify(test::briefs(c->diags)));
  REQUIRE(c->ok());
  const aws::Stack stack = lower(c->model);
  return {emit_cloudformation(stack), emit_terraform(stack)};
}

// The CloudFormation template of `text`, which must compile without errors.
std::string cloudformation_of(std::string text) { return both_outputs(std::move(text)).first; }

TEST_CASE("CloudFormation output parses, and tag values YAML 1.1 would misread stay strings") {
  const std::string yaml = cloudformation_of(
      "stack \"t\" { tags = { a = \"yes\", b = \"on\", c = \"012\", d = \"1e3\", e = \"null\", f = \"plain\" } }\n"
      "vpc \"v\" {\n"
      "  cidr = \"10.0.0.0/16\", zones = [\"a\", \"b\"], nat = \"none\"\n"
      "  subnet \"s\" { isolated = true, size = 24 }\n"
      "}\n");
  const YAML::Node root = YAML::Load(yaml);
  CHECK(root["AWSTemplateFormatVersion"].as<std::string>() == "2010-09-09");
  const YAML::Node vpc = root["Resources"]["VVpc"];
  REQUIRE(vpc.IsMap());
  CHECK(vpc["Type"].as<std::string>() == "AWS::EC2::VPC");
  std::vector<std::pair<std::string, std::string>> tags;
  for (const auto& tag : vpc["Properties"]["Tags"]) {
    const YAML::Node value = tag["Value"];
    tags.emplace_back(tag["Key"].as<std::string>(), value.as<std::string>());
    INFO(tags.back().second);
    CHECK(is_plain(value) == !yaml11_needs_quotes(value.Scalar()));
  }
  CHECK(tags == std::vector<std::pair<std::string, std::string>>{
                    {"Name", "t-vpc-v"}, {"a", "yes"}, {"b", "on"}, {"c", "012"}, {"d", "1e3"}, {"e", "null"}, {"f", "plain"}});
}

TEST_CASE("Terraform default_tags escape template sequences in keys as in values") {
  // `$${` in the source is a literal `${`; Terraform reads `${` and `%{` in
  // an object's keys and values alike as templates, so both are doubled.
  auto c = test::compile(
      "stack \"t\" { tags = { \"team-$${x}\" = \"a$${b}\", \"%{if y}\" = \"%{z}\", plain = \"$5\" } }\n"
      "vpc \"v\" {\n"
      "  cidr = \"10.0.0.0/16\", zones = [\"a\"], nat = \"none\"\n"
      "  subnet \"s\" { isolated = true, size = 24 }\n"
      "}\n");
  REQUIRE(c->ok());
  const auto tf = nlohmann::json::parse(emit_terraform(lower(c->model)));
  CHECK(tf["provider"]["aws"][0]["default_tags"][0]["tags"] ==
        nlohmann::json({{"team-$${x}", "a$${b}"}, {"%%{if y}", "%%{z}"}, {"plain", "$5"}}));
}

TEST_CASE("user data survives the trip through CloudFormation YAML") {
  const std::string script = "#!/bin/bash\necho \"${HOME}\" on\n\nexit 0\n";
  const std::string yaml = cloudformation_of(
      "vpc \"v\" {\n"
      "  cidr = \"10.0.0.0/16\", zones = [\"a\", \"b\"], nat = \"none\"\n"
      "  subnet \"s\" { isolated = true, size = 24 }\n"
      "}\n"
      "asg \"a\" {\n"
      "  subnets = vpc.v.s\n"
      "  user_data = <<EOT\n" +
      script +
      "EOT\n"
      "}\n");
  const YAML::Node root = YAML::Load(yaml);
  bool found = false;
  for (const auto& resource : root["Resources"]) {
    if (resource.second["Type"].as<std::string>() != "AWS::EC2::LaunchTemplate") continue;
    const YAML::Node data = resource.second["Properties"]["LaunchTemplateData"]["UserData"]["Fn::Base64"];
    CHECK(data.as<std::string>() == script);
    found = true;
  }
  CHECK(found);
}

constexpr const char* kIsolatedVpc =
    "vpc \"v\" {\n"
    "  cidr = \"10.0.0.0/16\", zones = [\"a\", \"b\"], nat = \"none\"\n"
    "  subnet \"s\" { isolated = true, size = 24 }\n"
    "}\n";

TEST_CASE("a U+FEFF in a string reaches both outputs; only the file's first is a byte order mark") {
  // The file starts with a byte order mark; each string starts with a
  // U+FEFF of its own, raw or as an escape.
  const std::string bom = "\xEF\xBB\xBF";
  const auto [yaml, tf] =
      both_outputs(bom + "stack \"t\" { tags = { raw = \"" + bom + "x\", esc = \"\\u{FEFF}y\" } }\n" + kIsolatedVpc +
                   "asg \"a\" {\n  subnets = vpc.v.s\n  user_data = <<EOT\n" + bom + "#!/bin/sh\nEOT\n}\n");
  CHECK(yaml.find(
            "        - Key: raw\n          Value: \"\\uFEFFx\"\n        - Key: esc\n          Value: \"\\uFEFFy\"\n") !=
        std::string::npos);
  CHECK(yaml.find("          Fn::Base64: \"\\uFEFF#!/bin/sh\\n\"\n") != std::string::npos);
  // JSON writes it as an escape too, which no tool takes for a mark.
  CHECK(tf.find("              \"raw\": \"\\ufeffx\",\n              \"esc\": \"\\ufeffy\"\n") != std::string::npos);
  CHECK(tf.find(bom) == std::string::npos);
  const auto json = nlohmann::json::parse(tf);
  CHECK(json["provider"]["aws"][0]["default_tags"][0]["tags"] ==
        nlohmann::json({{"raw", bom + "x"}, {"esc", bom + "y"}}));
  CHECK(json["resource"]["aws_launch_template"]["a_launch_template"]["user_data"] ==
        base64_encode(bom + "#!/bin/sh\n"));
  CHECK(YAML::Load(yaml)["Resources"]["VVpc"]["Properties"]["Tags"][1]["Value"].as<std::string>() == bom + "x");
}

TEST_CASE("interpolated numbers are written with every digit as written, in both outputs") {
  const auto [yaml, tf] = both_outputs(
      "big = 12345678901234567890\n"
      "seventeen = 12345678901234567\n"
      "fine = -0.12345678901234567890123\n"
      "stack \"t\" { tags = { a = \"${big}\", b = \"${seventeen}\", c = \"${fine}\", d = \"${007.50}/${-0.0}/${1.0}\" "
      "} }\n" +
      std::string(kIsolatedVpc));
  CHECK(yaml.find("        - Key: a\n          Value: \"12345678901234567890\"\n"
                  "        - Key: b\n          Value: \"12345678901234567\"\n"
                  "        - Key: c\n          Value: \"-0.12345678901234567890123\"\n"
                  "        - Key: d\n          Value: 7.5/0/1\n") != std::string::npos);
  CHECK(tf.find("              \"a\": \"12345678901234567890\",\n"
                "              \"b\": \"12345678901234567\",\n"
                "              \"c\": \"-0.12345678901234567890123\",\n"
                "              \"d\": \"7.5/0/1\"\n") != std::string::npos);
}

TEST_CASE("base64_encode matches the RFC 4648 test vectors") {
  CHECK(base64_encode("") == "");
  CHECK(base64_encode("f") == "Zg==");
  CHECK(base64_encode("fo") == "Zm8=");
  CHECK(base64_encode("foo") == "Zm9v");
  CHECK(base64_encode("foob") == "Zm9vYg==");
  CHECK(base64_encode("fooba") == "Zm9vYmE=");
  CHECK(base64_encode("foobar") == "Zm9vYmFy");
  // Every bit of every byte value, high ones included (no sign extension).
  CHECK(base64_encode(std::string("\x00\xFF\xFE\x80\x7F", 5)) == "AP/+gH8=");
  CHECK(base64_encode("#!/bin/bash\n") == "IyEvYmluL2Jhc2gK");
}

// One resource or output through its CloudFormation mapping: the entry it
// writes into the open Resources (or Outputs) map, as YAML.
template <class T>
std::string cfn_of(const T& r) {
  YamlWriter y;
  CfnWriter w(y);
  w.begin_map();
  emit(r, w);
  w.end_map();
  return y.finish();
}

// One resource or output through its Terraform mapping: the blocks it adds
// to an empty configuration of the stack `t` (region ap-northeast-2).
template <class T>
std::string tf_of(const T& r) {
  const aws::Stack stack{"t", "ap-northeast-2", {}, {}, {}, {}};
  JsonWriter json;
  TfWriter w(json, stack);
  w.begin_object();
  emit(r, w);
  w.blocks();
  w.end_object();
  return json.finish();
}

aws::Tags name_tag(const std::string& name) { return {{"Name", name, {}}}; }

TEST_CASE("CacheSubnetGroup: its name, description, subnets and Name tag") {
  const aws::CacheSubnetGroup g{"SessionsSubnetGroup", "t-sessions", "archc cache sessions subnets",
                                {"VAppSubnetA", "VAppSubnetB"}, name_tag("t-cache-sessions")};
  CHECK(cfn_of(g) == R"(SessionsSubnetGroup:
  Type: AWS::ElastiCache::SubnetGroup
  Properties:
    CacheSubnetGroupName: t-sessions
    Description: archc cache sessions subnets
    SubnetIds:
      - Ref: VAppSubnetA
      - Ref: VAppSubnetB
    Tags:
      - Key: Name
        Value: t-cache-sessions
)");
  CHECK(tf_of(g) == R"({
  "resource": {
    "aws_elasticache_subnet_group": {
      "sessions_subnet_group": {
        "name": "t-sessions",
        "description": "archc cache sessions subnets",
        "subnet_ids": [
          "${aws_subnet.v_app_subnet_a.id}",
          "${aws_subnet.v_app_subnet_b.id}"
        ],
        "tags": {
          "Name": "t-cache-sessions"
        }
      }
    }
  }
}
)");
}

// Two nodes in Multi-AZ with a pinned version: failover on with Multi-AZ.
aws::CacheReplicationGroup multi_az_group() {
  aws::CacheReplicationGroup r;
  r.id = "Sessions";
  r.group_id = "t-sessions";
  r.description = "archc cache sessions";
  r.engine_version = "7.1";
  r.node_type = "cache.t3.micro";
  r.nodes = 2;
  r.multi_az = true;
  r.subnet_group = "SessionsSubnetGroup";
  r.security_group = "SessionsSecurityGroup";
  r.tags = name_tag("t-cache-sessions");
  return r;
}

TEST_CASE("CacheReplicationGroup: Multi-AZ turns on automatic failover; both encryptions on") {
  const auto r = multi_az_group();
  CHECK(cfn_of(r) == R"(Sessions:
  Type: AWS::ElastiCache::ReplicationGroup
  Properties:
    ReplicationGroupId: t-sessions
    ReplicationGroupDescription: archc cache sessions
    Engine: redis
    EngineVersion: "7.1"
    CacheNodeType: cache.t3.micro
    NumCacheClusters: 2
    MultiAZEnabled: true
    AutomaticFailoverEnabled: true
    CacheSubnetGroupName:
      Ref: SessionsSubnetGroup
    SecurityGroupIds:
      - Fn::GetAtt: [SessionsSecurityGroup, GroupId]
    Port: 6379
    AtRestEncryptionEnabled: true
    TransitEncryptionEnabled: true
    Tags:
      - Key: Name
        Value: t-cache-sessions
)");
  CHECK(tf_of(r) == R"({
  "resource": {
    "aws_elasticache_replication_group": {
      "sessions": {
        "replication_group_id": "t-sessions",
        "description": "archc cache sessions",
        "engine": "redis",
        "engine_version": "7.1",
        "node_type": "cache.t3.micro",
        "num_cache_clusters": 2,
        "multi_az_enabled": true,
        "automatic_failover_enabled": true,
        "subnet_group_name": "${aws_elasticache_subnet_group.sessions_subnet_group.name}",
        "security_group_ids": [
          "${aws_security_group.sessions_security_group.id}"
        ],
        "port": 6379,
        "at_rest_encryption_enabled": "true",
        "transit_encryption_enabled": true,
        "tags": {
          "Name": "t-cache-sessions"
        }
      }
    }
  }
}
)");
}

TEST_CASE("CacheReplicationGroup: one node, no version, another port, transit encryption off") {
  auto r = multi_az_group();
  r.engine_version.reset();
  r.nodes = 1;
  r.multi_az = false;
  r.port = 6380;
  r.transit_encryption = false;
  const std::string yaml = cfn_of(r);
  CHECK(yaml.find("EngineVersion") == std::string::npos);
  CHECK(yaml.find("    NumCacheClusters: 1\n    MultiAZEnabled: false\n    AutomaticFailoverEnabled: false\n") !=
        std::string::npos);
  CHECK(yaml.find("    Port: 6380\n    AtRestEncryptionEnabled: true\n    TransitEncryptionEnabled: false\n") !=
        std::string::npos);
  const std::string json = tf_of(r);
  CHECK(json.find("engine_version") == std::string::npos);
  CHECK(json.find(R"("num_cache_clusters": 1,
        "multi_az_enabled": false,
        "automatic_failover_enabled": false,)") != std::string::npos);
  CHECK(json.find(R"("port": 6380,
        "at_rest_encryption_enabled": "true",
        "transit_encryption_enabled": false,)") != std::string::npos);
}

TEST_CASE("Output of a cache: the primary endpoint's address, GetAtt in long form") {
  const aws::Output o{aws::Output::Kind::CacheAddress, "SessionsEndpoint", "Sessions",
                      "primary endpoint address of cache sessions"};
  CHECK(cfn_of(o) == R"(SessionsEndpoint:
  Description: primary endpoint address of cache sessions
  Value:
    Fn::GetAtt: [Sessions, PrimaryEndPoint.Address]
)");
  CHECK(tf_of(o) == R"({
  "output": {
    "sessions_endpoint": {
      "description": "primary endpoint address of cache sessions",
      "value": "${aws_elasticache_replication_group.sessions.primary_endpoint_address}"
    }
  }
}
)");
}

TEST_CASE("VpcEndpoint, Interface: its subnets, security group, private DNS and Name tag") {
  aws::VpcEndpoint r;
  r.id = "SecretsInterfaceEndpoint";
  r.vpc = "MainVpc";
  r.service_name = "com.amazonaws.eu-west-1.secretsmanager";
  r.type = aws::VpcEndpoint::Type::Interface;
  r.subnets = {"MainWebSubnetA", "MainWebSubnetB"};
  r.security_groups = {"SecretsVpceSecurityGroup"};
  r.private_dns = true;
  r.tags = name_tag("t-vpce-secrets");
  CHECK(cfn_of(r) == R"(SecretsInterfaceEndpoint:
  Type: AWS::EC2::VPCEndpoint
  Properties:
    VpcId:
      Ref: MainVpc
    ServiceName: com.amazonaws.eu-west-1.secretsmanager
    VpcEndpointType: Interface
    SubnetIds:
      - Ref: MainWebSubnetA
      - Ref: MainWebSubnetB
    SecurityGroupIds:
      - Fn::GetAtt: [SecretsVpceSecurityGroup, GroupId]
    PrivateDnsEnabled: true
    Tags:
      - Key: Name
        Value: t-vpce-secrets
)");
  CHECK(tf_of(r) == R"({
  "resource": {
    "aws_vpc_endpoint": {
      "secrets_interface_endpoint": {
        "vpc_id": "${aws_vpc.main_vpc.id}",
        "service_name": "com.amazonaws.eu-west-1.secretsmanager",
        "vpc_endpoint_type": "Interface",
        "subnet_ids": [
          "${aws_subnet.main_web_subnet_a.id}",
          "${aws_subnet.main_web_subnet_b.id}"
        ],
        "security_group_ids": [
          "${aws_security_group.secrets_vpce_security_group.id}"
        ],
        "private_dns_enabled": true,
        "tags": {
          "Name": "t-vpce-secrets"
        }
      }
    }
  }
}
)");
}

TEST_CASE("VpcEndpoint, Gateway: its route tables, and no subnets, groups, DNS or tags") {
  aws::VpcEndpoint r;
  r.id = "S3GatewayEndpoint";
  r.vpc = "MainVpc";
  r.service_name = "com.amazonaws.eu-west-1.s3";
  r.route_tables = {"MainIsolatedRouteTable"};
  CHECK(cfn_of(r) == R"(S3GatewayEndpoint:
  Type: AWS::EC2::VPCEndpoint
  Properties:
    VpcId:
      Ref: MainVpc
    ServiceName: com.amazonaws.eu-west-1.s3
    VpcEndpointType: Gateway
    RouteTableIds:
      - Ref: MainIsolatedRouteTable
)");
  CHECK(tf_of(r) == R"({
  "resource": {
    "aws_vpc_endpoint": {
      "s3_gateway_endpoint": {
        "vpc_id": "${aws_vpc.main_vpc.id}",
        "service_name": "com.amazonaws.eu-west-1.s3",
        "vpc_endpoint_type": "Gateway",
        "route_table_ids": [
          "${aws_route_table.main_isolated_route_table.id}"
        ]
      }
    }
  }
}
)");
}

TEST_CASE("FileSystem: encrypted, general purpose, its throughput mode, lifecycle policy and Name tag") {
  aws::FileSystem fs{"FilesFileSystem", true, "AFTER_30_DAYS", "elastic", name_tag("t-efs-files")};
  CHECK(cfn_of(fs) == R"(FilesFileSystem:
  Type: AWS::EFS::FileSystem
  Properties:
    Encrypted: true
    PerformanceMode: generalPurpose
    ThroughputMode: elastic
    LifecyclePolicies:
      - TransitionToIA: AFTER_30_DAYS
    FileSystemTags:
      - Key: Name
        Value: t-efs-files
)");
  CHECK(tf_of(fs) == R"({
  "resource": {
    "aws_efs_file_system": {
      "files_file_system": {
        "encrypted": true,
        "performance_mode": "generalPurpose",
        "throughput_mode": "elastic",
        "lifecycle_policy": [
          {
            "transition_to_ia": "AFTER_30_DAYS"
          }
        ],
        "tags": {
          "Name": "t-efs-files"
        }
      }
    }
  }
}
)");
  // Without a transition, no lifecycle policy; unencrypted when told.
  fs.transition_to_ia.reset();
  fs.encrypted = false;
  const std::string yaml = cfn_of(fs);
  CHECK(yaml.find("LifecyclePolicies") == std::string::npos);
  CHECK(yaml.find("    Encrypted: false\n") != std::string::npos);
  const std::string json = tf_of(fs);
  CHECK(json.find("lifecycle_policy") == std::string::npos);
  CHECK(json.find(R"("encrypted": false,)") != std::string::npos);
}

TEST_CASE("MountTarget: its file system, subnet and security group") {
  const aws::MountTarget t{"FilesMountTargetA", "FilesFileSystem", "VAppSubnetA", "FilesEfsSecurityGroup"};
  CHECK(cfn_of(t) == R"(FilesMountTargetA:
  Type: AWS::EFS::MountTarget
  Properties:
    FileSystemId:
      Ref: FilesFileSystem
    SubnetId:
      Ref: VAppSubnetA
    SecurityGroups:
      - Fn::GetAtt: [FilesEfsSecurityGroup, GroupId]
)");
  CHECK(tf_of(t) == R"({
  "resource": {
    "aws_efs_mount_target": {
      "files_mount_target_a": {
        "file_system_id": "${aws_efs_file_system.files_file_system.id}",
        "subnet_id": "${aws_subnet.v_app_subnet_a.id}",
        "security_groups": [
          "${aws_security_group.files_efs_security_group.id}"
        ]
      }
    }
  }
}
)");
}

TEST_CASE("Output of a file system: its id, a Ref") {
  const aws::Output o{aws::Output::Kind::FileSystemId, "FilesFileSystemId", "FilesFileSystem",
                      "id of file system files, which its clients mount"};
  CHECK(cfn_of(o) == R"(FilesFileSystemId:
  Description: id of file system files, which its clients mount
  Value:
    Ref: FilesFileSystem
)");
  CHECK(tf_of(o) == R"({
  "output": {
    "files_file_system_id": {
      "description": "id of file system files, which its clients mount",
      "value": "${aws_efs_file_system.files_file_system.id}"
    }
  }
}
)");
}

}  // namespace
}  // namespace archc
