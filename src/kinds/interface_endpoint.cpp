// `interface-endpoint`: an interface VPC endpoint (AWS PrivateLink), an AWS
// service such as Systems Manager or Secrets Manager reached through a
// network interface in each subnet of a tier, behind its own security group,
// without a NAT gateway.
#include "model/interface_endpoint.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "graph/graph.hpp"
#include "kinds/kinds.hpp"
#include "lower/lowering.hpp"
#include "model/aws_catalog.hpp"
#include "model/logical_id.hpp"
#include "plan/planner.hpp"
#include "sema/kind_reader.hpp"

namespace archc::kinds {

namespace {

using model::AttributeSpec;
using model::ValueType;

void read_interface_endpoint(KindReader& r, model::Block& resource) {
  auto& endpoint = static_cast<model::InterfaceEndpoint&>(resource);
  if (auto v = r.string("service")) endpoint.service = std::move(*v);
  // Private DNS needs the VPC's DNS support and DNS hostnames (AWS
  // PrivateLink Guide, "DNS hostnames"), which every archc VPC turns on
  // (emit/resources/vpc.cpp): nothing to check here.
  if (auto v = r.boolean("private_dns")) endpoint.private_dns = *v;
}

std::string service_name(const model::Model& m, const model::InterfaceEndpoint& e) {
  return AwsCatalog::endpoint_service_name(m.stack.region, e.service);
}

void lower_interface_endpoint(Lowering& lo, const model::Block& resource, std::size_t index) {
  const auto& endpoint = static_cast<const model::InterfaceEndpoint&>(resource);
  aws::VpcEndpoint e;
  e.id = logical_id::leading_word(endpoint.name) + "InterfaceEndpoint";
  e.vpc = lo.vpc_id(endpoint.subnets->vpc);
  e.service_name = service_name(lo.model(), endpoint);
  e.type = aws::VpcEndpoint::Type::Interface;
  e.subnets = lo.subnet_ids(*endpoint.subnets);
  e.security_groups = {lo.security_group(index)};
  e.private_dns = endpoint.private_dns;
  e.tags = lo.tags("vpce", endpoint.name);
  lo.add(std::move(e));
}

plan::Entry plan_interface_endpoint(plan::Planner& p, const model::Block& resource, std::size_t index) {
  const auto& endpoint = static_cast<const model::InterfaceEndpoint&>(resource);
  const std::string full_name = service_name(p.model(), endpoint);
  const std::vector<std::string> subnets = p.subnet_tags(*endpoint.subnets);
  plan::Entry e;
  e.heading = fmt::format("interface endpoint {}  {}", endpoint.name, full_name);
  e.facts = {
      {"name", p.tag("vpce", endpoint.name)},
      {"service", *AwsCatalog::get().endpoint_service(endpoint.service)},
      {"network interfaces", fmt::format("one in each of {}", fmt::join(subnets, ", "))},
      {"private DNS", endpoint.private_dns ? "on: the service's own DNS name leads here from inside the VPC"
                                           : "off: clients name the endpoint's own DNS names"},
      {"port", fmt::format("{} (HTTPS)", model::InterfaceEndpoint::kPort)},
      {"security group", p.security_group(index)},
  };
  e.json = {{"name", endpoint.name},
            {"name_tag", p.tag("vpce", endpoint.name)},
            {"vpc", p.model().vpc_of(*endpoint.subnets).name},
            {"service", endpoint.service},
            {"service_name", full_name},
            {"type", "Interface"},
            {"tier", p.tier_ref(*endpoint.subnets)},
            {"subnets", subnets},
            {"private_dns", endpoint.private_dns},
            {"port", model::InterfaceEndpoint::kPort},
            {"security_group", p.security_group(index)}};
  return e;
}

graph::Drawing draw_interface_endpoint(const model::Block& resource) {
  const auto& endpoint = static_cast<const model::InterfaceEndpoint&>(resource);
  return {graph::Shape::Endpoint,
          endpoint.ref(),
          {"VPC interface endpoint", *AwsCatalog::get().endpoint_service(endpoint.service)}};
}

}  // namespace

const model::KindSpec& interface_endpoint() {
  static const model::KindSpec kind{
      .keyword = "interface-endpoint",
      .doc = "An interface VPC endpoint (an archc extension): an AWS service reached through network interfaces in a "
             "tier, behind their own security group.",
      .attributes =
          {
              AttributeSpec{.name = "subnets",
                            .type = ValueType::TierRef,
                            .required = true,
                            .doc = "the tier of its network interfaces, one in each zone's subnet"},
              AttributeSpec{.name = "service",
                            .required = true,
                            .catalog = model::Catalog::EndpointServices,
                            .doc = "the AWS service it reaches: `ssm`, `secretsmanager`, `ecr.api` ..."},
              AttributeSpec{.name = "private_dns",
                            .type = ValueType::Bool,
                            .default_value = "`true`",
                            .doc = "the service's own DNS name leads to the endpoint from inside the VPC"},
          },
      .chain_endpoint = true,
      // Called by the instances of the app tier, like a data store, but no
      // data store: `internet` or a public CIDR to it is no exposure (its
      // interfaces have private addresses only), which the data layer
      // would make an error (db-internet-exposed).
      .layer = model::Layer::App,
      .name_tag_word = "vpce",
      .make = []() -> std::unique_ptr<model::Block> { return std::make_unique<model::InterfaceEndpoint>(); },
      .read = read_interface_endpoint,
      .lower = lower_interface_endpoint,
      .plan = plan_interface_endpoint,
      .plan_key = "interface_endpoints",
      .draw = draw_interface_endpoint,
  };
  return kind;
}

}  // namespace archc::kinds
