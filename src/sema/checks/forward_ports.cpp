// An alb sends forwarded requests and health checks to the asg's port; the
// asg's security group drops them unless a chain edge opens that port from
// the alb. The targets then stay unhealthy and every request fails with 502.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "sema/checks/chain_graph.hpp"
#include "sema/checks/check.hpp"
#include "model/alb.hpp"
#include "model/asg.hpp"

namespace archc::checks {

namespace {

// Whether traffic from the alb's subnets matches the edge's source.
bool source_admits_alb(const model::Model& m, const model::Endpoint& from, std::size_t alb_index,
                       const model::TierRef& alb_tier) {
  switch (from.kind) {
    case model::Endpoint::Kind::Resource: return from.index == alb_index;
    case model::Endpoint::Kind::Internet: return true;
    case model::Endpoint::Kind::Vpc: return from.index == alb_tier.vpc;
    case model::Endpoint::Kind::Tier: return from.tier.vpc == alb_tier.vpc && from.tier.tier == alb_tier.tier;
    case model::Endpoint::Kind::Cidr: {
      const auto& cidrs = m.tier(alb_tier).cidrs;
      return std::all_of(cidrs.begin(), cidrs.end(), [&](const Cidr& c) { return from.cidr.contains(c); });
    }
  }
  return false;
}

// The edges that do not open the port, shown as notes.
constexpr std::size_t kShownEdges = 12;

}  // namespace

void forward_ports(const model::Model& m, Diagnostics& diags) {
  if (!m.all_edges_read) return;  // the edge that opens the port may be one that could not be read
  const ChainGraph graph(m);
  // The edges into each resource, so a listener meets only those into its
  // target, and one verdict per alb and asg, which all its listeners that
  // forward there share: looking at every edge for every listener was
  // quadratic.
  std::vector<std::vector<const model::Edge*>> into(graph.resource_count());
  for (const auto* e : graph.edges()) into[*graph.node(e->to)].push_back(e);
  struct Verdict {
    bool open = false;
    std::vector<DiagnosticNote> notes;  // when not open
  };
  std::map<std::pair<std::size_t, std::size_t>, Verdict> verdicts;  // (alb, asg)
  const auto judge = [&](std::size_t a, const model::Alb& alb, std::size_t s, const model::Asg& asg) {
    Verdict v;
    std::size_t between = 0;
    for (const auto* e : into[s]) {
      if (!source_admits_alb(m, e->from, a, *alb.subnets)) continue;
      v.open = v.open || opens_port(*e, asg.port);
      // The edges that do not open it, as notes: a handful, so that a
      // report costs the same however many edges there are.
      if (++between <= kShownEdges) {
        v.notes.push_back({e->range, fmt::format("this edge opens only {}", format_ports(e->ports))});
        clip(v.notes.back().message);
      }
    }
    if (v.open) return v;
    v.notes.insert(v.notes.begin(), {asg.range, fmt::format("asg `{}` serves port {}", asg.name, asg.port)});
    clip(v.notes.front().message);
    if (between > kShownEdges)
      v.notes.push_back({{}, fmt::format("{} more edges from the alb open other ports", between - kShownEdges)});
    if (between == 0)
      v.notes.push_back({{}, fmt::format("add `alb.{} -> asg.{} : {}` to an sg-chain", alb.name, asg.name, asg.port)});
    return v;
  };
  for (std::size_t a = 0; a < m.resources.size(); ++a) {
    const auto* alb = dynamic_cast<const model::Alb*>(m.resources[a].get());
    if (!alb || !alb->subnets || !alb->complete) continue;  // where it stands or what it forwards is unknown
    for (const auto& l : alb->listeners) {
      if (!l.forward) continue;
      const auto& asg = static_cast<const model::Asg&>(*m.resources[*l.forward]);
      if (!asg.complete) continue;  // its port may be in the part that did not parse
      auto [it, fresh] = verdicts.try_emplace({a, *l.forward});
      if (fresh) it->second = judge(a, *alb, *l.forward, asg);
      if (it->second.open) continue;
      diags.report(Rule::ForwardPortBlocked, l.forward_range,
                   fmt::format("listener `{}` of alb `{}` forwards to asg `{}` on port {}, which no sg-chain "
                               "edge opens from the alb: the traffic would be dropped",
                               l.name, alb->name, asg.name, asg.port))
          .notes = it->second.notes;
    }
  }
}

}  // namespace archc::checks
