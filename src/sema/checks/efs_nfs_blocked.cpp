// Clients mount an EFS file system over NFS on TCP 2049, the one port its
// mount targets serve (Amazon EFS User Guide, "Using VPC security groups").
// An edge to a file system that opens other ports only (`asg.web ->
// efs.files : ssh`) lets its source reach the mount targets on nothing they
// answer: it cannot mount. Another edge from the same source that opens
// NFS makes up for it.
#include <set>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "model/efs.hpp"
#include "sema/checks/chain_graph.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

void efs_nfs_blocked(const model::Model& m, Diagnostics& diags) {
  const ChainGraph graph(m);
  const auto is_efs = [&](const model::Edge& e) { return dynamic_cast<const model::Efs*>(m.resources[e.to.index].get()); };
  // (file system, source as written) of the edges that open NFS.
  std::set<std::pair<std::size_t, std::string>> mounts;
  for (const auto* e : graph.edges())
    if (is_efs(*e) && opens_port(*e, model::Efs::kNfsPort)) mounts.emplace(e->to.index, graph.describe(e->from));
  for (const auto* e : graph.edges()) {
    if (!is_efs(*e) || e->ports.empty() || opens_port(*e, model::Efs::kNfsPort)) continue;
    const std::string source = graph.describe(e->from);
    if (mounts.contains({e->to.index, source})) continue;
    const std::string& name = m.resources[e->to.index]->name;
    const SourceRange ports{e->ports.front().range.file, e->ports.front().range.begin, e->ports.back().range.end};
    diags
        .report(Rule::EfsNfsBlocked, ports,
                fmt::format("{} opens only {} to efs `{}`, which serves NFS on TCP {}: {} cannot mount it", source,
                            format_ports(e->ports), name, model::Efs::kNfsPort, source))
        .notes.push_back({m.resources[e->to.index]->range,
                          fmt::format("efs `{}` serves NFS only; an edge to it that names no ports opens NFS", name)});
  }
}

}  // namespace archc::checks
