// The `bucket` kind (kinds/bucket.cpp): what it reads and refuses, what it
// lowers to in both backends, what the plan shows, and bucket-public-read at
// its exact place with a near miss.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "emit/terraform.hpp"
#include "lower/lower.hpp"
#include "test_support.hpp"

namespace {

using archc::test::compile;
using archc::test::error_briefs;
using archc::test::of_rule;
using archc::test::plan_of;

using Strings = std::vector<std::string>;

// Line 1 is the stack; `rest` starts on line 2.
std::string with_stack(const std::string& rest) { return "stack \"lab\" { region = \"us-east-1\" }\n" + rest; }

}  // namespace

TEST_CASE("a bucket is encrypted and private unless declared readable, and hosts a website", "[bucket]") {
  auto c = compile(with_stack(R"(bucket "site" {
  bucket_name    = "lab-site-example"
  versioning     = true
  index_document = "index.html"
  error_document = "404.html"
}
)"));
  REQUIRE(archc::test::briefs(c->diags).empty());
  const auto stack = archc::lower(c->model);
  REQUIRE(stack.resources.size() == 1);  // no policy: nothing is public
  const auto& b = std::get<archc::aws::S3Bucket>(stack.resources[0]);
  CHECK(b.id == "SiteBucket");
  CHECK(b.bucket_name == "lab-site-example");
  CHECK(b.versioning);
  CHECK(b.index_document == "index.html");
  CHECK(b.error_document == "404.html");
  CHECK(b.block_public_policy);
  const auto tf = nlohmann::json::parse(archc::emit_terraform(stack));
  const auto& r = tf["resource"];
  CHECK(r["aws_s3_bucket"]["site_bucket"]["bucket"] == "lab-site-example");
  CHECK(r["aws_s3_bucket_public_access_block"]["site_bucket"]["block_public_policy"] == true);
  CHECK(r["aws_s3_bucket_server_side_encryption_configuration"]["site_bucket"]["rule"][0]
         ["apply_server_side_encryption_by_default"][0]["sse_algorithm"] == "AES256");
  CHECK(r["aws_s3_bucket_versioning"]["site_bucket"]["versioning_configuration"][0]["status"] == "Enabled");
  CHECK(r["aws_s3_bucket_website_configuration"]["site_bucket"]["error_document"][0]["key"] == "404.html");
  CHECK_FALSE(r.contains("aws_s3_bucket_policy"));
  CHECK(tf["output"]["site_bucket_website_url"]["value"] ==
        "http://${aws_s3_bucket_website_configuration.site_bucket.website_endpoint}");

  const auto plan = plan_of(with_stack("bucket \"site\" { index_document = \"index.html\" }\n"));
  CHECK(plan["buckets"] == nlohmann::json::parse(R"([{"name": "site", "name_tag": "lab-bucket-site",
    "bucket_name": null, "encryption": "AES256", "versioning": false,
    "website": {"index_document": "index.html", "error_document": null}, "public_read": false}])"));
}

TEST_CASE("public_read adds a policy anyone may read by, and warns at its value", "[bucket][rules]") {
  const std::string text = with_stack("bucket \"site\" {\n  index_document = \"index.html\"\n  public_read    = true\n}\n");
  CHECK(of_rule(text, "bucket-public-read") ==
        Strings{"4:20: warning[bucket-public-read]: anyone on the internet may read the objects of bucket `site`",
                "  serve them through a CloudFront distribution with origin access control, and leave the bucket "
                "private"});
  // Near miss: said, but false.
  CHECK(of_rule(with_stack("bucket \"site\" { public_read = false }\n"), "bucket-public-read").empty());
  const auto stack = archc::lower(compile(text)->model);
  REQUIRE(stack.resources.size() == 2);
  CHECK_FALSE(std::get<archc::aws::S3Bucket>(stack.resources[0]).block_public_policy);
  const auto& policy = std::get<archc::aws::S3BucketPolicy>(stack.resources[1]);
  CHECK(policy.bucket == "SiteBucket");
  const auto tf = nlohmann::json::parse(archc::emit_terraform(stack));
  CHECK(tf["resource"]["aws_s3_bucket_policy"]["site_bucket_policy"]["depends_on"] ==
        Strings{"aws_s3_bucket_public_access_block.site_bucket"});
}

TEST_CASE("a bucket name S3 refuses is an error at the name, with the rule it breaks", "[bucket][rules]") {
  const auto error_of = [](const std::string& name) {
    const auto errors = error_briefs(compile(with_stack("bucket \"b\" { bucket_name = \"" + name + "\" }\n"))->diags);
    return errors.empty() ? std::string() : errors[0];
  };
  CHECK(error_of("ab") == "2:28: error[invalid-value]: `ab` is not an S3 bucket name: a bucket name holds 3 to 63 "
                          "characters, not 2");
  CHECK(error_of("Site") == "2:28: error[invalid-value]: `Site` is not an S3 bucket name: a bucket name holds "
                            "lowercase letters, digits, dots and hyphens only");
  CHECK(error_of("-site").find("starts and ends with a letter or a digit") != std::string::npos);
  CHECK(error_of("a..b").find("has no two dots in a row") != std::string::npos);
  CHECK(error_of("192.168.5.4").find("is not an IP address") != std::string::npos);
  CHECK(error_of("xn--site").find("does not start with `xn--`") != std::string::npos);
  CHECK(error_of("site-s3alias").find("does not end with `-s3alias`") != std::string::npos);
  CHECK(error_of(std::string(64, 'a')).find("not 64") != std::string::npos);
  // Near misses: the longest name, dots, digits, an address-like name with a letter.
  for (const std::string& ok : {std::string(63, 'a'), std::string("my.site-1"), std::string("192.168.5.4a"),
                               std::string("abc")})
    CHECK(error_of(ok).empty());
}

TEST_CASE("an error document needs its index document", "[bucket][rules]") {
  CHECK(error_briefs(compile(with_stack("bucket \"b\" { error_document = \"e.html\" }\n"))->diags) ==
        Strings{"2:14: error[missing-attribute]: a website's `error_document` needs its `index_document`"});
}
