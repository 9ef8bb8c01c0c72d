// `vpc`: a network with its zones and NAT mode; its tiers are `subnet`
// blocks. Read by sema itself (sema/build_model.cpp) and lowered by
// lower/lower_network.cpp: every resource stands on a VPC's tiers.
#include "kinds/kinds.hpp"

namespace archc::kinds {

using model::AttributeSpec;
using model::ValueType;

const model::KindSpec& vpc() {
  static const model::KindSpec kind{
      .keyword = "vpc",
      .doc = "A VPC: its address block, the zones it spans, and how private tiers reach the internet.",
      .attributes =
          {
              AttributeSpec{.name = "cidr", .required = true, .doc = "the VPC's block, /16 to /28, no host bits"},
              AttributeSpec{.name = "zones",
                            .type = ValueType::StringList,
                            .required = true,
                            .doc = "zone letters of the region, in order"},
              AttributeSpec{.name = "nat",
                            .default_value = "`\"per-zone\"`",
                            .allowed = {"none", "single", "per-zone"},
                            .doc = "NAT gateways for private tiers: none, one for all zones, or one per zone"},
              AttributeSpec{.name = "igw_name",
                            .default_value = "`<stack>-igw-<vpc>`",
                            .extension = true,
                            .doc = "the Name tag of its internet gateway (a VPC with a public tier has one)"},
              AttributeSpec{.name = "nat_names",
                            .type = ValueType::StringList,
                            .default_value = "`<stack>-nat-<vpc>-<zone>`",
                            .extension = true,
                            .doc = "the Name tags of its NAT gateways in zone order: one name a gateway"},
          },
      .nested = {&subnet()},
  };
  return kind;
}

}  // namespace archc::kinds
