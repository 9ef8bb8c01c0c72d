// Two edges between the same endpoints on a common port (or one edge naming
// a port twice) make the same ingress rule twice; CloudFormation rejects the
// duplicate rule, and it is usually a copy left behind by an edit.
#include <algorithm>
#include <limits>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "sema/checks/chain_graph.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

namespace {

using Kind = model::Endpoint::Kind;

// Equal for two endpoints exactly when same_endpoint says they are the same.
std::tuple<int, std::uint64_t, std::uint64_t> key(const model::Endpoint& e) {
  switch (e.kind) {
    case Kind::Internet: return {1, 0, 0};  // 0.0.0.0/0
    case Kind::Cidr: return {1, e.cidr.base, static_cast<std::uint64_t>(e.cidr.prefix)};
    case Kind::Tier: return {2, e.tier.vpc, e.tier.tier};
    case Kind::Vpc: return {3, e.index, 0};
    case Kind::Resource: return {4, e.index, 0};
  }
  return {};
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
  // The ports of each edge, and of each pair of endpoints (target, source).
  std::vector<std::vector<std::size_t>> of_edge;
  std::map<std::tuple<std::size_t, std::tuple<int, std::uint64_t, std::uint64_t>>, std::vector<std::size_t>> of_pair;
  for (const auto* e : graph.edges()) {
    auto& pair = of_pair[{*graph.node(e->to), key(e->from)}];
    auto& own = of_edge.emplace_back();
    for (const auto& p : e->ports) {
      own.push_back(all.size());
      pair.push_back(all.size());
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
  for (const auto& group : of_edge) solve(group, in_edge);
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
      if (earlier->from.kind != e->from.kind)  // `internet` and 0.0.0.0/0
        d.notes.push_back({earlier->from.range, fmt::format("`{}` and `{}` make the same ingress rule",
                                                            graph.describe(earlier->from), graph.describe(e->from))});
    }
  }
}

}  // namespace archc::checks
