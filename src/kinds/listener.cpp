// `listener`: a port an alb listens on, inside an alb block (kinds/alb.cpp
// reads it).
#include "kinds/kinds.hpp"

namespace archc::kinds {

using model::AttributeSpec;
using model::ValueType;

const model::KindSpec& listener() {
  static const model::KindSpec kind{
      .keyword = "listener",
      .doc = "A port the load balancer listens on: it forwards to an asg, or redirects to HTTPS.",
      .top_level = false,
      .attributes =
          {
              AttributeSpec{.name = "port",
                            .type = ValueType::Integer,
                            .required = true,
                            .min = 1,
                            .max = 65535,
                            .unit = "port",
                            .doc = "the port it listens on"},
              AttributeSpec{.name = "redirect",
                            .type = ValueType::Integer,
                            .min = 1,
                            .max = 65535,
                            .unit = "port",
                            .doc = "answer with an HTTP 301 to HTTPS on this port (or give `forward`)"},
              AttributeSpec{.name = "certificate",
                            .doc = "an ACM certificate ARN: the listener speaks HTTPS"},
              AttributeSpec{.name = "forward",
                            .type = ValueType::ResourceRef,
                            .refers_to = "asg",
                            .doc = "the asg it forwards to, through a target group (or give `redirect`)"},
          },
  };
  return kind;
}

}  // namespace archc::kinds
