// `subnet`: a tier of a VPC, one subnet per zone. Read by sema itself
// (sema/build_model.cpp, sema/subnet_allocation.cpp).
#include "kinds/kinds.hpp"

namespace archc::kinds {

using model::AttributeSpec;
using model::ValueType;

const model::KindSpec& subnet() {
  static const model::KindSpec kind{
      .keyword = "subnet",
      .doc = "A tier of the VPC: one subnet per zone. Public, private (the default: routes to a NAT) or isolated.",
      .top_level = false,
      .attributes =
          {
              AttributeSpec{.name = "public",
                            .type = ValueType::Bool,
                            .default_value = "`false`",
                            .doc = "route 0.0.0.0/0 to the internet gateway; map public IPs on launch"},
              AttributeSpec{.name = "isolated",
                            .type = ValueType::Bool,
                            .default_value = "`false`",
                            .doc = "no default route at all"},
              AttributeSpec{.name = "cidrs",
                            .type = ValueType::StringList,
                            .doc = "one block per zone, in zone order (or give `size`)"},
              AttributeSpec{.name = "size",
                            .type = ValueType::Integer,
                            .min = 16,
                            .max = 28,
                            .unit = "prefix length",
                            .doc = "archc allocates one block of this size per zone (or give `cidrs`)"},
          },
  };
  return kind;
}

}  // namespace archc::kinds
