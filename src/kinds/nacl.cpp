// `nacl`: a network ACL on a tier, its numbered rules as strings
// ("100 allow tcp:3306 from vpc.lab.app"). Read by sema itself
// (sema/build_model.cpp), lowered with the network (lower/lower.cpp),
// checked against the chains (sema/checks/nacl_*.cpp).
#include "kinds/kinds.hpp"

namespace archc::kinds {

const model::KindSpec& nacl() {
  using model::AttributeSpec;
  using model::ValueType;
  static const model::KindSpec kind{
      .keyword = "nacl",
      .doc = "A network ACL on a tier (an archc extension): numbered, stateless allow and deny rules for its subnets.",
      .attributes =
          {
              AttributeSpec{.name = "tier",
                            .type = ValueType::TierRef,
                            .required = true,
                            .doc = "the tier whose subnets it guards, in place of the VPC's default ACL"},
              AttributeSpec{.name = "inbound",
                            .type = ValueType::StringList,
                            .default_value = "`[]`: nothing comes in",
                            .doc = "rules `NUMBER ACTION PORTS from PEER`: ACTION allow or deny, PEER a CIDR or a tier"},
              AttributeSpec{.name = "outbound",
                            .type = ValueType::StringList,
                            .default_value = "`[]`: nothing goes out",
                            .doc = "rules `NUMBER ACTION PORTS to PEER`: ACTION allow or deny, PEER a CIDR or a tier"},
          },
  };
  return kind;
}

}  // namespace archc::kinds
