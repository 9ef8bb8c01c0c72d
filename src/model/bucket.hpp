// An S3 bucket (kinds/bucket.cpp declares the `bucket` block): encrypted,
// its public access blocked unless it is declared publicly readable.
#pragma once

#include <optional>
#include <string>

#include "model/model.hpp"

namespace archc::model {

struct Bucket : Block {
  // Its S3 name; absent: AWS gives it one (CloudFormation: `<stack>-<logical
  // id>-<random>`, Terraform: `terraform-<time>`), unique as S3 requires.
  std::optional<std::string> bucket_name;
  bool versioning = false;
  // Static website hosting when `index_document` is set (S3 User Guide,
  // "Hosting a static website using Amazon S3").
  std::optional<std::string> index_document, error_document;
  // Anyone on the internet may read its objects (s3:GetObject for `*`), its
  // public access block then leaving public policies alone.
  bool public_read = false;
  SourceRange public_read_range;  // of the attribute's value, when written
};

}  // namespace archc::model
