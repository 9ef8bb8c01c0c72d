#include "emit/cloudformation.hpp"


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

void check_cloudformation_limits(const aws::Stack& stack, SourceRange where, Diagnostics& diags) {
  const AwsLimit& most = AwsCatalog::get().limit("resources_per_stack");
  if (stack.resources.size() > most.value)
    diags.report(Rule::LimitExceeded, where,
                 "the stack makes {} CloudFormation resources; one stack takes at most {} (split it, or build it for "
                 "Terraform)",
                 stack.resources.size(), most.value);
}

}  // namespace archc
