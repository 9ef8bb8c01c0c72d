// `gateway-endpoint`: a gateway VPC endpoint for S3 or DynamoDB, associated
// with the route tables of the tiers named. Read by sema itself
// (sema/build_model.cpp) and lowered with the network (lower/lower.cpp).
#include "kinds/kinds.hpp"

namespace archc::kinds {

using model::AttributeSpec;
using model::ValueType;

const model::KindSpec& gateway_endpoint() {
  static const model::KindSpec kind{
      .keyword = "gateway-endpoint",
      .doc = "A gateway VPC endpoint: S3 or DynamoDB reached from the tiers named without a NAT gateway.",
      .attributes =
          {
              AttributeSpec{.name = "vpc",
                            .type = ValueType::ResourceRef,
                            .required = true,
                            .refers_to = "vpc",
                            .extension = true,
                            .doc = "the VPC of the endpoint"},
              // The services AWS offers as gateway endpoints (VPC user
              // guide, "Gateway endpoints"); every other is an interface
              // endpoint.
              AttributeSpec{.name = "service",
                            .required = true,
                            .allowed = {"s3", "dynamodb"},
                            .extension = true,
                            .doc = "the AWS service it reaches"},
              AttributeSpec{.name = "tiers",
                            .type = ValueType::TierRefList,
                            .required = true,
                            .extension = true,
                            .doc = "the tiers whose route tables lead to it"},
          },
  };
  return kind;
}

}  // namespace archc::kinds
