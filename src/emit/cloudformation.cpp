#include "emit/cloudformation.hpp"

#include <fmt/format.h>

#include "emit/cfn_writer.hpp"
#include "emit/resources/mappings.hpp"
#include "emit/yaml_writer.hpp"
#include "model/aws_catalog.hpp"

namespace archc {

// Writes the template in the lowered order, so the same stack always gives
// the same bytes. No anchors or aliases are made.
std::string emit_cloudformation(const aws::Stack& stack) {
  YamlWriter y;
  CfnWriter w(y);
  w.begin_map();
  w.kv("AWSTemplateFormatVersion", "2010-09-09");
  w.kv("Description", "archc stack " + stack.name + " for " + stack.region);
  if (!stack.images.empty()) {
    w.key("Parameters");
    w.begin_map();
    for (const auto& p : stack.images) emit(p, w);
    w.end_map();
  }
  w.key("Resources");
  w.begin_map();
  for (const auto& r : stack.resources) std::visit([&w](const auto& resource) { emit(resource, w); }, r);
  w.end_map();
  if (!stack.outputs.empty()) {
    w.key("Outputs");
    w.begin_map();
    for (const auto& o : stack.outputs) emit(o, w);
    w.end_map();
  }
  w.end_map();
  return y.finish();
}

void check_cloudformation_limits(const aws::Stack& stack, std::string_view template_text, SourceRange where,
                                 Diagnostics& diags) {
  const AwsCatalog& catalog = AwsCatalog::get();
  const AwsLimit& most = catalog.limit("resources_per_stack");
  if (stack.resources.size() > most.value)
    diags.report(Rule::LimitExceeded, where,
                 "the stack makes {} CloudFormation resources; one stack takes at most {} (split it, or build it for "
                 "Terraform)",
                 stack.resources.size(), most.value);
  const AwsLimit& largest = catalog.limit("template_body_bytes");
  if (template_text.size() > largest.value) {
    // The request limit is no error of its own: a template over it deploys
    // from S3, which the console does by itself; the note says why a
    // smaller template still needs S3.
    const AwsLimit& in_request = catalog.limit("template_body_bytes_in_request");
    diags
        .report(Rule::LimitExceeded, where,
                "the CloudFormation template is {} bytes; CloudFormation reads at most {} (1 MiB), even from S3 "
                "(split the stack, or build it for Terraform)",
                template_text.size(), largest.value)
        .notes.push_back({{},
                          fmt::format("a template over {} bytes deploys only from S3 (TemplateURL; `aws cloudformation "
                                      "deploy --s3-bucket`), not passed in the request",
                                      in_request.value)});
  }
}

}  // namespace archc
