// Tiers call forward, never back: a cycle (asg.a -> asg.b -> asg.a) usually
// means an edge written backwards, which opens the front tier to the one
// behind it. A self edge (a group admitting itself, for clusters) is not
// reported.
#include <algorithm>

#include <fmt/format.h>

#include "sema/checks/chain_graph.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

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
  struct Frame {
    std::size_t node, next;
    const model::Edge* via;
  };
  for (std::size_t root = 0; root < n; ++root) {
    if (state[root] != State::New) continue;
    std::vector<Frame> path{{root, 0, nullptr}};
    state[root] = State::OnPath;
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
        path.push_back({to, 0, e});
      } else if (state[to] == State::OnPath) {
        auto start = std::find_if(path.begin(), path.end(), [&](const Frame& p) { return p.node == to; });
        std::string names = graph.describe_node(to);
        for (auto it = start + 1; it != path.end(); ++it) names += " -> " + graph.describe_node(it->node);
        auto& d = diags.report(Rule::ChainCycle, e->range,
                                fmt::format("sg-chain edges form a cycle: {} -> {}", names, graph.describe_node(to)));
        for (auto it = start + 1; it != path.end(); ++it) d.notes.push_back({it->via->range, "part of the cycle"});
      }
    }
  }
}

}  // namespace archc::checks
