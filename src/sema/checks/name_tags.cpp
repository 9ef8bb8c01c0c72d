// archc tags each resource it makes with a Name made of the resource's name
// (model/name_tag.hpp). RDS, ElastiCache and Elastic Load Balancing refuse
// a tag with characters outside is_tag_text, and a name reaches their tags
// through its resource's own or, for an asg, its alb's target group. The
// stack's tags are checked where they are read (sema/build_model.cpp); these
// here, once per resource, at its name.
#include <string>

#include "model/name_tag.hpp"
#include "model/tag_text.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

namespace {

// `refusers`: the services that refuse such a tag, for the message.
void check(const model::Model& m, const model::Block& b, std::string_view refusers, Diagnostics& diags) {
  const std::string tag = name_tag(m.stack.name, b.kind->name_tag_word, b.name);
  if (!is_tag_text(tag))
    diags.report(Rule::TagCharacters, b.range,
                 "{} `{}` gets the Name tag `{}`, which holds a character that {} refuse: use letters, digits, "
                 "spaces and `_ . : / = + - @`",
                 b.kind->keyword, b.name, tag, refusers);
}

}  // namespace

void name_tags(const model::Model& m, Diagnostics& diags) {
  for (const auto& r : m.resources) check(m, *r, "RDS, ElastiCache and load balancers", diags);
  // IAM and Secrets Manager take letters, digits, spaces and `_ . : / = + - @`
  // only (IAM API Reference, "Tag"; Secrets Manager API Reference, "Tag"),
  // and S3 the same.
  for (const auto& s : m.services) check(m, *s, "IAM, Secrets Manager and S3", diags);
}

}  // namespace archc::checks
