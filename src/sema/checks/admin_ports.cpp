// SSH (22) and RDP (3389) open to internet addresses are scanned and
// brute-forced within minutes of launch; Well-Architected admits them from a
// VPN or bastion CIDR, or replaces them with SSM Session Manager. A block of
// one host (a /32: the bastion or the VPN's address) is that advice, and is
// not reported; any wider block that holds internet addresses is, with how
// many it holds, or "the whole internet" when the blocks that open the port
// hold them all (0.0.0.0/1 and 128.0.0.0/1 as much as 0.0.0.0/0).
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "sema/checks/chain_graph.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

void admin_ports(const model::Model& m, Diagnostics& diags) {
  constexpr std::pair<int, const char*> kAdminPorts[] = {{22, "ssh"}, {3389, "rdp"}};
  const ChainGraph graph(m);
  // Each (edge, port range, admin port) to report: one that opens an admin
  // port to a block of more than one host that holds internet addresses.
  struct Opening {
    const model::Edge* edge;
    const model::PortRange* ports;
    int port;
    const char* name;
    std::uint64_t addresses;  // the internet addresses of the source
  };
  std::vector<Opening> openings;
  // The blocks of internet addresses that open one admin port of one
  // target, without repeats; /32s too, which add to the whole.
  struct Sources {
    std::vector<Cidr> blocks;
    bool whole_internet = false;  // whether they hold every internet address
  };
  std::map<std::pair<std::size_t, int>, Sources> of_port;
  for (const auto* e : graph.edges()) {
    if (e->from.kind != model::Endpoint::Kind::Internet && e->from.kind != model::Endpoint::Kind::Cidr) continue;
    const Cidr block = m.source_cidrs(e->from).front();
    const std::uint64_t addresses = internet_addresses(block);
    if (addresses == 0) continue;
    for (const auto& p : e->ports)
      for (const auto& [port, name] : kAdminPorts)
        if (p.opens(model::Protocol::Tcp, port)) {
          of_port[{*graph.node(e->to), port}].blocks.push_back(block);
          if (block.size() > 1) openings.push_back({e, &p, port, name, addresses});
        }
  }
  for (auto& [target_port, sources] : of_port) {
    auto& blocks = sources.blocks;
    std::sort(blocks.begin(), blocks.end(),
              [](const Cidr& a, const Cidr& b) { return std::pair(a.base, a.prefix) < std::pair(b.base, b.prefix); });
    blocks.erase(std::unique(blocks.begin(), blocks.end()), blocks.end());
    sources.whole_internet = hold_every_internet_address(blocks);
  }
  for (const auto& [e, p, port, name, addresses] : openings) {
    const Sources& sources = of_port.at({*graph.node(e->to), port});
    const std::size_t others = sources.blocks.size() - 1;
    std::string how_much;
    if (is_everyone(e->from))
      how_much = "the whole internet";
    else if (sources.whole_internet)
      how_much = fmt::format("the whole internet, with the {} other block{} that open{} it", others,
                             others == 1 ? "" : "s", others == 1 ? "s" : "");
    else
      how_much = fmt::format("{} internet addresses", addresses);
    diags.report(Rule::AdminPortFromInternet, p->range, "{} (port {}) of {} is open to {}", name, port,
                 graph.describe(e->to), how_much);
  }
}

}  // namespace archc::checks
