// Two edges into one target on a common port of one protocol from one source (or one edge
// naming a port twice) make the same ingress rule twice; CloudFormation
// rejects the duplicate rule, and it is usually a copy left behind by an
// edit. A source is what it admits: two ways of writing the same addresses
// (a tier and the CIDR blocks of its subnets) open the port to them twice.
#include <algorithm>
#include <limits>
#include <map>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "sema/checks/chain_graph.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

namespace {

using Kind = model::Endpoint::Kind;

// Equal for two sources exactly when they admit the same: one resource's
// security group, or the same addresses however they are written
// (`internet` and 0.0.0.0/0, a tier and the CIDR blocks of its subnets, a VPC
// and its CIDR). A VPC or tier whose blocks did not read is only itself.
struct SourceKey {
  enum class Of { Addresses, Resource, UnreadVpc, UnreadTier } of;
  std::size_t a = 0, b = 0;  // Resource, UnreadVpc: its index; UnreadTier: its TierRef
  std::vector<AddressRange> addresses = {};
  auto operator<=>(const SourceKey&) const = default;
};

SourceKey source_key(const model::Model& m, const model::Endpoint& e) {
  if (e.is_resource()) return {SourceKey::Of::Resource, e.index};
  if (std::vector<Cidr> blocks = m.source_cidrs(e); !blocks.empty())
    return {SourceKey::Of::Addresses, 0, 0, address_ranges(std::move(blocks))};
  if (e.kind == Kind::Vpc) return {SourceKey::Of::UnreadVpc, e.index};
  return {SourceKey::Of::UnreadTier, e.tier.vpc, e.tier.tier};
}

// "`vpc.lab.app` is 10.0.1.0/24 and 10.0.2.0/24": the blocks a source that
// is not written as one stands for.
std::string blocks_of(const model::Model& m, const model::Endpoint& e) {
  const std::vector<Cidr> blocks = m.source_cidrs(e);
  std::string out = fmt::format("`{}` is ", m.describe(e));
  for (std::size_t i = 0; i < blocks.size(); ++i)
    out += (i == 0 ? "" : i + 1 == blocks.size() ? " and " : ", ") + blocks[i].str();
  return out;
}

// For each port range of `ports`, the first of `ports` that overlaps it:
// itself when none before it does. A sweep in O(n log n) (comparing each
// with those before it was quadratic in the ports of one pair of
// endpoints): ranges are added in order of their low end while the queries
// go in order of their high end, so every range added starts at or below
// the query's high end, and a Fenwick tree over the high ends gives the
// first of them that ends at or above the query's low end.
std::vector<std::size_t> first_overlapping(const std::vector<const model::PortRange*>& ports) {
  const std::size_t n = ports.size();
  std::vector<int> ends;
  for (const auto* p : ports) ends.push_back(p->hi);
  std::sort(ends.begin(), ends.end());
  ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
  // Slot of a high end: the highest first, so that "ends at or above x" is
  // a prefix of the slots.
  const auto slot = [&](int end) {
    return ends.end() - std::lower_bound(ends.begin(), ends.end(), end) - 1;
  };
  constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> tree(ends.size() + 1, kNone);  // prefix minima of slots, 1-based
  std::vector<std::size_t> by_low(n), by_high(n), out(n);
  for (std::size_t i = 0; i < n; ++i) by_low[i] = by_high[i] = i;
  std::stable_sort(by_low.begin(), by_low.end(), [&](auto a, auto b) { return ports[a]->lo < ports[b]->lo; });
  std::stable_sort(by_high.begin(), by_high.end(), [&](auto a, auto b) { return ports[a]->hi < ports[b]->hi; });
  std::size_t added = 0;
  for (const std::size_t q : by_high) {
    for (; added < n && ports[by_low[added]]->lo <= ports[q]->hi; ++added) {
      const std::size_t i = by_low[added];
      for (auto s = static_cast<std::size_t>(slot(ports[i]->hi)) + 1; s < tree.size(); s += s & -s)
        tree[s] = std::min(tree[s], i);
    }
    std::size_t first = kNone;
    for (auto s = static_cast<std::size_t>(slot(ports[q]->lo)) + 1; s > 0; s -= s & -s)
      first = std::min(first, tree[s]);
    out[q] = first;
  }
  return out;
}

}  // namespace

void duplicate_edge(const model::Model& m, Diagnostics& diags) {
  const ChainGraph graph(m);
  // Every port of every edge, in order; an earlier edge's ports come first.
  struct Port {
    const model::Edge* edge;
    const model::PortRange* range;
  };
  std::vector<Port> all;
  // The ports of each edge, and of each pair of endpoints (target, source),
  // by protocol: rules of two protocols are two rules.
  std::map<std::pair<std::size_t, model::Protocol>, std::vector<std::size_t>> of_edge;
  std::map<std::tuple<std::size_t, SourceKey, model::Protocol>, std::vector<std::size_t>> of_pair;
  for (std::size_t k = 0; k < graph.edges().size(); ++k) {
    const model::Edge* e = graph.edges()[k];
    const std::size_t to = *graph.node(e->to);
    const SourceKey from = source_key(m, e->from);
    for (const auto& p : e->ports) {
      of_edge[{k, p.protocol}].push_back(all.size());
      of_pair[{to, from, p.protocol}].push_back(all.size());
      all.push_back({e, &p});
    }
  }
  // For each port, the first port that overlaps it in its own edge, and in
  // all the edges between its endpoints.
  std::vector<std::size_t> in_edge(all.size()), in_pair(all.size());
  const auto solve = [&](const std::vector<std::size_t>& group, std::vector<std::size_t>& answer) {
    std::vector<const model::PortRange*> ranges;
    for (std::size_t i : group) ranges.push_back(all[i].range);
    const std::vector<std::size_t> first = first_overlapping(ranges);
    for (std::size_t k = 0; k < group.size(); ++k) answer[group[k]] = group[first[k]];
  };
  for (const auto& edge : of_edge) solve(edge.second, in_edge);
  for (const auto& [endpoints, group] : of_pair) solve(group, in_pair);

  for (std::size_t i = 0; i < all.size(); ++i) {
    const model::Edge* e = all[i].edge;
    const model::PortRange* p = all[i].range;
    const auto report = [&](const model::PortRange& shared, SourceRange where, const char* note) -> Diagnostic& {
      Diagnostic& d = diags.report(Rule::DuplicateEdge, p->range, "{} -> {} on {} is already opened",
                                   graph.describe(e->from), graph.describe(e->to), format_ports({shared}));
      d.notes.push_back({where, note});
      return d;
    };
    // A repeat in its own edge is reported as such, before any earlier edge.
    if (in_edge[i] != i) {
      report(*all[in_edge[i]].range, all[in_edge[i]].range->range, "earlier in this edge");
    } else if (const model::Edge* earlier = all[in_pair[i]].edge; earlier != e) {
      Diagnostic& d = report(*all[in_pair[i]].range, earlier->range, "by this edge");
      // The same addresses written two ways: say what each name stands for
      // (two CIDR blocks of the same addresses are the same text).
      if (graph.describe(earlier->from) != graph.describe(e->from))
        for (const model::Endpoint* source : {&earlier->from, &e->from})
          if (source->kind != Kind::Cidr) d.notes.push_back({source->range, blocks_of(m, *source)});
    }
  }
}

}  // namespace archc::checks
