// Tiers call forward, never back: a cycle (asg.a -> asg.b -> asg.a) usually
// means an edge written backwards, which opens the front tier to the one
// behind it. A self edge (a group admitting itself, for clusters) is not
// reported.
#include <algorithm>

#include <fmt/format.h>

#include "sema/checks/chain_graph.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

namespace {

// A cycle through more resources than this is shown by its first and last
// half of them, so that a report costs the same however long the cycle:
// every edge back to a long path would otherwise repeat the whole path.
constexpr std::size_t kShownNodes = 12;

}  // namespace

void chain_cycle(const model::Model& m, Diagnostics& diags) {
  const ChainGraph graph(m);
  const std::size_t n = graph.resource_count();
  std::vector<std::vector<const model::Edge*>> leaving(n);
  for (const auto* e : graph.edges()) {
    auto from = graph.node(e->from), to = graph.node(e->to);
    if (from && *from != *to) leaving[*from].push_back(e);
  }
  // Iterative depth-first search; an edge to a node on the current path
  // closes a cycle, reported at that edge with the path's edges as notes.
  enum class State { New, OnPath, Done };
  std::vector<State> state(n, State::New);
  std::vector<std::size_t> depth(n);  // where a node on the path stands in it
  struct Frame {
    std::size_t node, next;
    const model::Edge* via;
  };
  std::vector<Frame> path;
  for (std::size_t root = 0; root < n; ++root) {
    if (state[root] != State::New) continue;
    path.push_back({root, 0, nullptr});
    state[root] = State::OnPath;
    depth[root] = 0;
    while (!path.empty()) {
      Frame& f = path.back();
      if (f.next == leaving[f.node].size()) {
        state[f.node] = State::Done;
        path.pop_back();
        continue;
      }
      const model::Edge* e = leaving[f.node][f.next++];
      const std::size_t to = *graph.node(e->to);
      if (state[to] == State::New) {
        state[to] = State::OnPath;
        depth[to] = path.size();
        path.push_back({to, 0, e});
      } else if (state[to] == State::OnPath) {
        // The cycle is path[first..] and back to its first node; path[i].via
        // is the edge into path[i].
        const std::size_t first = depth[to], nodes = path.size() - first;
        const std::size_t half = nodes > kShownNodes ? kShownNodes / 2 : nodes;
        std::string names = graph.describe_node(to);
        for (std::size_t i = first + 1; i < first + half; ++i) names += " -> " + graph.describe_node(path[i].node);
        if (half < nodes) {
          names += fmt::format(" -> ({} more)", nodes - 2 * half);
          for (std::size_t i = path.size() - half; i < path.size(); ++i)
            names += " -> " + graph.describe_node(path[i].node);
        }
        auto& d = diags.report(Rule::ChainCycle, e->range,
                               fmt::format("sg-chain edges form a cycle: {} -> {}", names, graph.describe_node(to)));
        for (std::size_t i = first + 1; i < first + half; ++i)
          d.notes.push_back({path[i].via->range, "part of the cycle"});
        if (half < nodes) {
          d.notes.push_back({{}, fmt::format("{} more edges of the cycle are not shown", nodes - 2 * half)});
          for (std::size_t i = path.size() - half; i < path.size(); ++i)
            d.notes.push_back({path[i].via->range, "part of the cycle"});
        }
      }
    }
  }
}

}  // namespace archc::checks
