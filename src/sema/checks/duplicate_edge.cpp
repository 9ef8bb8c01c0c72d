// Two edges between the same endpoints on a common port (or one edge naming
// a port twice) make the same ingress rule twice; CloudFormation rejects the
// duplicate rule, and it is usually a copy left behind by an edit.
#include <algorithm>

#include <fmt/format.h>

#include "sema/checks/chain_graph.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

namespace {
const model::PortRange* shared_port(const model::PortRange& p, const model::PortRange* begin,
                                    const model::PortRange* end) {
  auto it = std::find_if(begin, end, [&](const model::PortRange& q) { return q.lo <= p.hi && p.lo <= q.hi; });
  return it == end ? nullptr : it;
}
}  // namespace

void duplicate_edge(const model::Model& m, Diagnostics& diags) {
  const ChainGraph graph(m);
  // Ingress rules are grouped by target so each edge meets only its siblings.
  std::vector<std::vector<const model::Edge*>> into(graph.resource_count());
  for (const auto* e : graph.edges()) {
    auto& siblings = into[*graph.node(e->to)];
    const model::PortRange* ports = e->ports.data();
    for (std::size_t k = 0; k < e->ports.size(); ++k) {
      const model::PortRange& p = ports[k];
      auto report = [&](const model::PortRange& shared, SourceRange where, const char* note) {
        diags.report(Rule::DuplicateEdge, p.range,
                      fmt::format("{} -> {} on {} is already opened", graph.describe(e->from), graph.describe(e->to),
                                  format_ports({shared})))
            .notes.push_back({where, note});
      };
      if (const auto* same = shared_port(p, ports, ports + k)) {
        report(*same, same->range, "earlier in this edge");
        continue;
      }
      for (const auto* earlier : siblings) {
        if (!same_endpoint(earlier->from, e->from)) continue;
        const model::PortRange* first = earlier->ports.data();
        if (const auto* shared = shared_port(p, first, first + earlier->ports.size())) {
          report(*shared, earlier->range, "by this edge");
          break;
        }
      }
    }
    siblings.push_back(e);
  }
}

}  // namespace archc::checks
