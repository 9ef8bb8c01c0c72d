// bucket-public-read: a bucket anyone on the internet may read, where a
// CloudFront distribution with origin access control would serve the same
// files from a private bucket.
#include <fmt/format.h>

#include "model/bucket.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

void bucket_public_read(const model::Model& m, Diagnostics& diags) {
  for (const model::Bucket* bucket : m.all<model::Bucket>())
    if (bucket->public_read)
      diags
          .report(Rule::BucketPublicRead, bucket->public_read_range,
                  "anyone on the internet may read the objects of bucket `{}`", bucket->name)
          .notes.push_back({{}, "serve them through a CloudFront distribution with origin access control, and leave "
                                "the bucket private"});
}

}  // namespace archc::checks
