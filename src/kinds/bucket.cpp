// `bucket`: an S3 bucket, encrypted (SSE-S3), owned by its account alone
// (ACLs disabled), its public access blocked unless `public_read` says
// otherwise, optionally versioned and hosting a static website. A service:
// outside every VPC.
#include "model/bucket.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "kinds/kinds.hpp"
#include "lower/lowering.hpp"
#include "model/logical_id.hpp"
#include "plan/planner.hpp"
#include "sema/kind_reader.hpp"

namespace archc::kinds {

namespace {

using model::AttributeSpec;
using model::ValueType;

// Why `name` is not a general purpose bucket name, or nullopt when it is
// one (S3 User Guide, "General purpose bucket naming rules"): 3 to 63
// characters of lowercase letters, digits, dots and hyphens, starting and
// ending with a letter or digit, no two dots in a row, not an IPv4 address,
// and none of the prefixes and suffixes S3 keeps for itself.
std::optional<std::string> bucket_name_problem(const std::string& name) {
  if (name.size() < 3 || name.size() > 63) return fmt::format("holds 3 to 63 characters, not {}", name.size());
  const auto allowed = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-'; };
  if (!std::all_of(name.begin(), name.end(), allowed))
    return std::string("holds lowercase letters, digits, dots and hyphens only");
  const auto alnum = [](char c) { return c != '.' && c != '-'; };
  if (!alnum(name.front()) || !alnum(name.back())) return std::string("starts and ends with a letter or a digit");
  if (name.find("..") != std::string::npos) return std::string("has no two dots in a row");
  int dots = 0;
  bool ip = true;
  for (char c : name) {
    if (c == '.') ++dots;
    else if (c < '0' || c > '9') ip = false;
  }
  if (ip && dots == 3) return std::string("is not an IP address");
  for (const char* prefix : {"xn--", "sthree-", "amzn-s3-demo-"})
    if (name.starts_with(prefix)) return fmt::format("does not start with `{}`, which S3 keeps for itself", prefix);
  for (const char* suffix : {"-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"})
    if (name.ends_with(suffix)) return fmt::format("does not end with `{}`, which S3 keeps for itself", suffix);
  return std::nullopt;
}

void read_bucket(KindReader& r, model::Block& block) {
  auto& bucket = static_cast<model::Bucket&>(block);
  if (auto name = r.string("bucket_name")) {
    if (auto problem = bucket_name_problem(*name))
      r.diags()
          .report(Rule::InvalidValue, r.get("bucket_name")->value->range,
                  fmt::format("`{}` is not an S3 bucket name: a bucket name {}", *name, *problem))
          .notes.push_back({{}, "S3 bucket names are DNS names, unique across all AWS accounts"});
    else
      bucket.bucket_name = *name;
  }
  bucket.versioning = r.boolean("versioning").value_or(false);
  bucket.index_document = r.string("index_document");
  bucket.error_document = r.string("error_document");
  if (bucket.error_document && !bucket.index_document && !r.get("index_document") && !r.broken())
    r.diags().report(Rule::MissingAttribute, r.get("error_document")->name_range(),
                     "a website's `error_document` needs its `index_document`");
  if (auto v = r.boolean("public_read")) {
    bucket.public_read = *v;
    bucket.public_read_range = r.get("public_read")->value->range;
  }
}

// The logical id of the bucket, of its policy.
std::string bucket_id(const model::Bucket& b) { return logical_id::leading_word(b.name) + "Bucket"; }

void lower_bucket(Lowering& lo, const model::Block& block, std::size_t) {
  const auto& bucket = static_cast<const model::Bucket&>(block);
  aws::S3Bucket out;
  out.id = bucket_id(bucket);
  out.bucket_name = bucket.bucket_name;
  out.versioning = bucket.versioning;
  out.index_document = bucket.index_document;
  out.error_document = bucket.error_document;
  out.block_public_policy = !bucket.public_read;
  out.tags = lo.tags("bucket", bucket.name);
  const std::string id = lo.add(std::move(out)).id;
  if (bucket.public_read) lo.add(aws::S3BucketPolicy{id + "Policy", id});
  lo.add_output({aws::Output::Kind::BucketName, id + "Name", id, fmt::format("name of bucket {}", bucket.name)});
  if (bucket.index_document)
    lo.add_output({aws::Output::Kind::BucketWebsiteUrl, id + "WebsiteUrl", id,
                   fmt::format("website URL of bucket {}", bucket.name)});
}

plan::Entry plan_bucket(plan::Planner& p, const model::Block& block, std::size_t) {
  const auto& bucket = static_cast<const model::Bucket&>(block);
  using Json = nlohmann::ordered_json;
  plan::Entry e;
  e.heading = fmt::format("bucket {}  {}", bucket.name, p.tag("bucket", bucket.name));
  e.facts = {
      {"name", bucket.bucket_name.value_or("given by AWS")},
      {"encryption", "SSE-S3 (AES256)"},
      {"versioning", bucket.versioning ? "on" : "off"},
      {"website", bucket.index_document
                      ? fmt::format("index {}{}", *bucket.index_document,
                                    bucket.error_document ? ", error " + *bucket.error_document : "")
                      : "none"},
      {"public access", bucket.public_read ? "objects readable by anyone (bucket policy)" : "blocked"},
  };
  e.json = {{"name", bucket.name},
            {"name_tag", p.tag("bucket", bucket.name)},
            {"bucket_name", plan::or_null(bucket.bucket_name)},
            {"encryption", "AES256"},
            {"versioning", bucket.versioning},
            {"website", bucket.index_document ? Json{{"index_document", *bucket.index_document},
                                                    {"error_document", plan::or_null(bucket.error_document)}}
                                              : Json(nullptr)},
            {"public_read", bucket.public_read}};
  return e;
}

}  // namespace

const model::KindSpec& bucket() {
  static const model::KindSpec kind{
      .keyword = "bucket",
      .doc = "An S3 bucket (an archc extension): encrypted, its public access blocked unless declared readable, "
             "optionally versioned and hosting a static website.",
      .attributes =
          {
              AttributeSpec{.name = "bucket_name",
                            .default_value = "given by AWS",
                            .extension = true,
                            .doc = "its S3 name: 3-63 lowercase letters, digits, dots and hyphens, unique across AWS"},
              AttributeSpec{.name = "versioning",
                            .type = ValueType::Bool,
                            .default_value = "`false`",
                            .extension = true,
                            .doc = "keep every version of every object"},
              AttributeSpec{.name = "index_document",
                            .default_value = "none: no website",
                            .extension = true,
                            .doc = "host a static website, answering a folder's address with this object"},
              AttributeSpec{.name = "error_document",
                            .default_value = "none",
                            .extension = true,
                            .doc = "the website's object for a 4xx error; needs `index_document`"},
              AttributeSpec{.name = "public_read",
                            .type = ValueType::Bool,
                            .default_value = "`false`",
                            .extension = true,
                            .doc = "let anyone on the internet read its objects (bucket-public-read)"},
          },
      .service = true,
      .name_tag_word = "bucket",
      .make = []() -> std::unique_ptr<model::Block> { return std::make_unique<model::Bucket>(); },
      .read = read_bucket,
      .lower = lower_bucket,
      .plan = plan_bucket,
      .plan_key = "buckets",
  };
  return kind;
}

}  // namespace archc::kinds
