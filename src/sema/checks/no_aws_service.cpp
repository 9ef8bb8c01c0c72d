// An isolated tier has no route out of its VPC (no internet gateway, no NAT
// gateway): the instances of an asg or instance placed there reach an AWS
// service only through a VPC endpoint. With none they cannot register with
// Systems Manager, fetch packages (Amazon Linux's repositories are on S3),
// send logs and metrics to CloudWatch or read a secret. An endpoint counts
// when it serves them: a gateway endpoint on the tier's route table, or an
// interface endpoint of the VPC that an sg-chain edge from them (the
// resource itself, its tier, its VPC or a block holding the tier) opens TCP
// 443 to. O(G + E + R H): G gateway endpoints, E edges, R resources, H the
// edges that open 443 to an interface endpoint.
#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "model/asg.hpp"
#include "model/instance.hpp"
#include "model/interface_endpoint.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

namespace {

// Whether the instances of resource `index`, in `tier`, are among the
// sources of `e`.
bool sends_from(const model::Model& m, const model::Edge& e, std::size_t index, const model::TierRef& tier) {
  if (e.from.is_resource()) return e.from.index == index;
  const std::vector<Cidr> blocks = m.source_cidrs(e.from);
  const auto& subnets = m.tier(tier).cidrs;
  return !subnets.empty() && std::all_of(subnets.begin(), subnets.end(), [&](const Cidr& subnet) {
    return std::any_of(blocks.begin(), blocks.end(), [&](const Cidr& b) { return b.contains(subnet); });
  });
}

bool opens_https(const model::Edge& e) {
  return std::any_of(e.ports.begin(), e.ports.end(),
                     [](const auto& p) { return p.opens(model::Protocol::Tcp, model::InterfaceEndpoint::kPort); });
}

}  // namespace

void no_aws_service(const model::Model& m, Diagnostics& diags) {
  if (!m.all_edges_read) return;  // the edge to an endpoint may be the one that could not be read
  // The VPCs whose isolated tiers' route table, one a VPC (lower.cpp), leads
  // to a gateway endpoint.
  std::vector<bool> gateway(m.vpcs.size(), false);
  for (const auto& e : m.gateway_endpoints)
    for (const auto& t : e.tiers)
      if (m.tier(t).isolated) gateway[t.vpc] = true;
  // The edges that open TCP 443 to a placed interface endpoint.
  std::vector<const model::Edge*> https;
  for (const auto& chain : m.chains)
    for (const auto& e : chain.edges) {
      const model::Resource& to = *m.resources[e.to.index];
      if (dynamic_cast<const model::InterfaceEndpoint*>(&to) && to.subnets && opens_https(e)) https.push_back(&e);
    }
  for (std::size_t i = 0; i < m.resources.size(); ++i) {
    const model::Resource& r = *m.resources[i];
    if (!dynamic_cast<const model::Asg*>(&r) && !dynamic_cast<const model::Instance*>(&r)) continue;
    if (!r.subnets || !m.tier(*r.subnets).isolated || gateway[r.subnets->vpc]) continue;
    if (std::any_of(https.begin(), https.end(), [&](const model::Edge* e) {
          return m.resources[e->to.index]->subnets->vpc == r.subnets->vpc && sends_from(m, *e, i, *r.subnets);
        }))
      continue;
    const model::Tier& tier = m.tier(*r.subnets);
    diags
        .report(Rule::NoAwsService, r.range,
                fmt::format("{} `{}` reaches no AWS service (no SSM, no package repository, no CloudWatch): no "
                            "gateway endpoint serves isolated tier `{}`, and no interface endpoint of vpc `{}` is "
                            "opened to it on TCP 443",
                            r.kind->keyword, r.name, tier.name, m.vpc_of(*r.subnets).name))
        .notes.push_back({tier.range, fmt::format("tier `{}` is isolated: no route leaves the VPC", tier.name)});
  }
}

}  // namespace archc::checks
