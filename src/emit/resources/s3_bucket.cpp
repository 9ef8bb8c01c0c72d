#include <fmt/format.h>

#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/resources/policy_document.hpp"
#include "emit/tf_writer.hpp"

namespace archc {

namespace {

// The server-side encryption of every object: S3-managed keys (SSE-S3).
constexpr const char* kSseAlgorithm = "AES256";
// ACLs disabled: the bucket owner owns every object, whoever uploads it (S3
// User Guide, "Controlling ownership of objects").
constexpr const char* kObjectOwnership = "BucketOwnerEnforced";

}  // namespace

void emit(const aws::S3Bucket& r, CfnWriter& w) {
  w.open(r.id, "AWS::S3::Bucket");
  if (r.bucket_name) w.kv("BucketName", *r.bucket_name);
  w.key("BucketEncryption");
  w.begin_map();
  w.key("ServerSideEncryptionConfiguration");
  w.begin_seq();
  w.begin_map();
  w.key("ServerSideEncryptionByDefault");
  w.begin_map();
  w.kv("SSEAlgorithm", kSseAlgorithm);
  w.end_map();
  w.end_map();
  w.end_seq();
  w.end_map();
  w.key("OwnershipControls");
  w.begin_map();
  w.key("Rules");
  w.begin_seq();
  w.begin_map();
  w.kv("ObjectOwnership", kObjectOwnership);
  w.end_map();
  w.end_seq();
  w.end_map();
  w.key("PublicAccessBlockConfiguration");
  w.begin_map();
  w.kv("BlockPublicAcls", true);
  w.kv("BlockPublicPolicy", r.block_public_policy);
  w.kv("IgnorePublicAcls", true);
  w.kv("RestrictPublicBuckets", r.block_public_policy);
  w.end_map();
  if (r.versioning) {
    w.key("VersioningConfiguration");
    w.begin_map();
    w.kv("Status", "Enabled");
    w.end_map();
  }
  if (r.index_document) {
    w.key("WebsiteConfiguration");
    w.begin_map();
    w.kv("IndexDocument", *r.index_document);
    if (r.error_document) w.kv("ErrorDocument", *r.error_document);
    w.end_map();
  }
  w.tags(r.tags);
  w.close();
}

// Terraform: since version 4 of the AWS provider a bucket's settings are
// resources of their own, each naming the bucket.
void emit(const aws::S3Bucket& r, TfWriter& w) {
  w.resource("aws_s3_bucket", r.id);
  if (r.bucket_name) w.kv_literal("bucket", *r.bucket_name);
  w.tags(r.tags);
  w.close();
  w.resource("aws_s3_bucket_server_side_encryption_configuration", r.id);
  w.ref("bucket", "aws_s3_bucket", r.id, "id");
  w.begin_block("rule");
  w.begin_block("apply_server_side_encryption_by_default");
  w.kv("sse_algorithm", kSseAlgorithm);
  w.end_block();
  w.end_block();
  w.close();
  w.resource("aws_s3_bucket_ownership_controls", r.id);
  w.ref("bucket", "aws_s3_bucket", r.id, "id");
  w.begin_block("rule");
  w.kv("object_ownership", kObjectOwnership);
  w.end_block();
  w.close();
  w.resource("aws_s3_bucket_public_access_block", r.id);
  w.ref("bucket", "aws_s3_bucket", r.id, "id");
  w.kv("block_public_acls", true);
  w.kv("block_public_policy", r.block_public_policy);
  w.kv("ignore_public_acls", true);
  w.kv("restrict_public_buckets", r.block_public_policy);
  w.close();
  if (r.versioning) {
    w.resource("aws_s3_bucket_versioning", r.id);
    w.ref("bucket", "aws_s3_bucket", r.id, "id");
    w.begin_block("versioning_configuration");
    w.kv("status", "Enabled");
    w.end_block();
    w.close();
  }
  if (r.index_document) {
    w.resource("aws_s3_bucket_website_configuration", r.id);
    w.ref("bucket", "aws_s3_bucket", r.id, "id");
    w.begin_block("index_document");
    w.kv_literal("suffix", *r.index_document);
    w.end_block();
    if (r.error_document) {
      w.begin_block("error_document");
      w.kv_literal("key", *r.error_document);
      w.end_block();
    }
    w.close();
  }
}

void emit(const aws::S3BucketPolicy& r, CfnWriter& w) {
  w.open(r.id, "AWS::S3::BucketPolicy");
  w.ref("Bucket", r.bucket);
  w.key("PolicyDocument");
  begin_allow_statement(w);
  w.kv("Sid", "PublicRead");
  w.kv("Principal", "*");
  w.kv("Action", "s3:GetObject");
  // Its objects: the bucket's ARN and `/*`.
  w.key("Resource");
  w.begin_map();
  w.kv("Fn::Sub", fmt::format("${{{}.Arn}}/*", r.bucket));
  w.end_map();
  end_allow_statement(w);
  w.close();
}

void emit(const aws::S3BucketPolicy& r, TfWriter& w) {
  const std::string bucket = terraform_name(r.bucket);
  w.resource("aws_s3_bucket_policy", r.id);
  w.ref("bucket", "aws_s3_bucket", r.bucket, "id");
  w.kv("policy", fmt::format(R"({{"Version":"{}","Statement":[{{"Effect":"Allow","Sid":"PublicRead","Principal":"*",)"
                             R"("Action":"s3:GetObject","Resource":"${{aws_s3_bucket.{}.arn}}/*"}}]}})",
                             kPolicyVersion, bucket));
  // S3 refuses a public policy while the public access block stops it;
  // nothing in the policy names the block, so Terraform would not wait.
  w.key("depends_on");
  w.begin_array();
  w.str("aws_s3_bucket_public_access_block." + bucket);
  w.end_array();
  w.close();
}

}  // namespace archc
