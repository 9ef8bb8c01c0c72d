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

void name_tags(const model::Model& m, Diagnostics& diags) {
  for (const auto& r : m.resources) {
    const std::string tag = name_tag(m.stack.name, r->kind->name_tag_word, r->name);
    if (!is_tag_text(tag))
      diags.report(Rule::TagCharacters, r->range,
                   "{} `{}` gets the Name tag `{}`, which holds a character that RDS, ElastiCache and load balancers "
                   "refuse: use letters, digits, spaces and `_ . : / = + - @`",
                   r->kind->keyword, r->name, tag);
  }
}

}  // namespace archc::checks
