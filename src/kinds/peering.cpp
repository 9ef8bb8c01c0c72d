// `peering`: a VPC peering connection from a VPC of the file to another of
// the file or to one outside the stack. Read by sema itself
// (sema/build_model.cpp) and lowered with the network (lower/lower.cpp): it
// is ground the resources stand on, not a chain endpoint.
#include "kinds/kinds.hpp"

namespace archc::kinds {

using model::AttributeSpec;
using model::ValueType;

const model::KindSpec& peering() {
  static const model::KindSpec kind{
      .keyword = "peering",
      .doc = "A VPC peering connection, and routes to the peer's block from the route tables of the tiers named.",
      .attributes =
          {
              AttributeSpec{.name = "vpc",
                            .type = ValueType::ResourceRef,
                            .required = true,
                            .refers_to = "vpc",
                            .extension = true,
                            .doc = "the VPC that requests the connection"},
              AttributeSpec{.name = "peer_vpc",
                            .type = ValueType::ResourceRef,
                            .refers_to = "vpc",
                            .extension = true,
                            .doc = "the VPC of the file it peers with (or give `peer_vpc_id` and `peer_cidr`)"},
              AttributeSpec{.name = "peer_vpc_id",
                            .extension = true,
                            .doc = "the id (`vpc-...`) of a VPC outside the stack it peers with"},
              AttributeSpec{.name = "peer_cidr",
                            .extension = true,
                            .doc = "the block of that VPC, which the routes lead to"},
              AttributeSpec{.name = "peer_region",
                            .catalog = model::Catalog::Regions,
                            .extension = true,
                            .doc = "the region of that VPC, when not the stack's"},
              AttributeSpec{.name = "peer_owner",
                            .extension = true,
                            .doc = "the 12-digit account id that owns that VPC, when not the stack's"},
              AttributeSpec{.name = "tiers",
                            .type = ValueType::TierRefList,
                            .default_value = "every tier of both VPCs",
                            .extension = true,
                            .doc = "the tiers whose route tables lead to the other side"},
          },
  };
  return kind;
}

}  // namespace archc::kinds
