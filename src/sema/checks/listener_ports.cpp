// The ports of an alb's listeners. AWS keeps one listener per port of a load
// balancer and refuses a second (DuplicateListener, ELBv2 CreateListener).
// The alb's security group admits only what sg-chain edges open to it, so a
// listener on a port no edge opens serves no client. A redirect sends the
// browser to another listener of the same alb, which must speak HTTPS.
#include <algorithm>
#include <iterator>
#include <limits>
#include <map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "model/alb.hpp"
#include "sema/checks/chain_graph.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

namespace {

// The ports the edges into one resource open, as sorted disjoint ranges.
class OpenedPorts {
 public:
  // Only what carries TCP: a listener's traffic.
  void add(const model::PortRange& p) {
    if (p.protocol == model::Protocol::Tcp || p.protocol == model::Protocol::All) ranges_.push_back({p.lo, p.hi});
  }
  void finish() {
    std::sort(ranges_.begin(), ranges_.end());
    std::vector<std::pair<int, int>> merged;
    for (const auto& r : ranges_)
      if (!merged.empty() && r.first <= merged.back().second + 1)
        merged.back().second = std::max(merged.back().second, r.second);
      else
        merged.push_back(r);
    ranges_ = std::move(merged);
  }
  bool opens(int port) const {
    auto after = std::upper_bound(ranges_.begin(), ranges_.end(), std::pair{port, std::numeric_limits<int>::max()});
    return after != ranges_.begin() && std::prev(after)->second >= port;
  }

 private:
  std::vector<std::pair<int, int>> ranges_;  // [lo, hi]
};

using ByPort = std::map<int, const model::Listener*>;  // the first listener on each port

// Reports each listener on a port an earlier one took; returns the first on
// each port.
ByPort first_on_each_port(const model::Alb& alb, Diagnostics& diags) {
  ByPort first;
  for (const auto& l : alb.listeners) {
    if (l.port == 0) continue;
    auto [it, fresh] = first.emplace(l.port, &l);
    if (fresh) continue;
    diags.report(Rule::DuplicateListener, l.port_range, "alb `{}` already listens on port {}", alb.name, l.port)
        .notes.push_back(
            {it->second->port_range, fmt::format("listener `{}` is on port {}", it->second->name, l.port)});
  }
  return first;
}

void redirect_targets(const model::Alb& alb, const ByPort& by_port, Diagnostics& diags) {
  for (const auto& l : alb.listeners) {
    if (!l.redirect || l.port == 0) continue;
    if (*l.redirect == l.port) {
      // The redirect keeps host and path and asks for HTTPS: on an HTTPS
      // listener it changes nothing, which ELB refuses (RedirectActionConfig:
      // "you must modify at least one of ... protocol, hostname, port, or
      // path"); on a plain one it asks for TLS where none is spoken.
      if (l.https())
        diags.report(Rule::InvalidValue, l.redirect_range,
                     "listener `{}` redirects to itself (HTTPS on port {}, same host and path): AWS refuses a "
                     "redirect that changes nothing",
                     l.name, l.port);
      else
        diags.report(Rule::RedirectTarget, l.redirect_range,
                     "listener `{}` redirects to HTTPS on its own port {}, which speaks plain HTTP", l.name, l.port);
      continue;
    }
    const auto target = by_port.find(*l.redirect);
    if (target == by_port.end()) {
      diags.report(Rule::RedirectTarget, l.redirect_range,
                   "listener `{}` redirects to port {}, where alb `{}` has no listener", l.name, *l.redirect, alb.name);
    } else if (!target->second->https()) {
      diags
          .report(Rule::RedirectTarget, l.redirect_range,
                  "listener `{}` redirects to HTTPS on port {}, where alb `{}` listens with plain HTTP", l.name,
                  *l.redirect, alb.name)
          .notes.push_back(
              {target->second->range, fmt::format("listener `{}` has no `certificate`", target->second->name)});
    }
  }
}

}  // namespace

void listener_ports(const model::Model& m, Diagnostics& diags) {
  const ChainGraph graph(m);
  // The ports opened into each resource, by the edges into it.
  std::vector<OpenedPorts> opened(m.resources.size());
  std::vector<bool> reached(m.resources.size());  // by an edge of any protocol
  for (const auto* e : graph.edges()) {
    reached[*graph.node(e->to)] = true;
    for (const auto& p : e->ports) opened[*graph.node(e->to)].add(p);
  }
  for (auto& o : opened) o.finish();

  for (std::size_t i = 0; i < m.resources.size(); ++i) {
    const auto* alb = dynamic_cast<const model::Alb*>(m.resources[i].get());
    if (!alb) continue;
    redirect_targets(*alb, first_on_each_port(*alb, diags), diags);
    // An alb no edge reaches is unreachable-resource's; an edge that could
    // not be read may have opened the port.
    if (!reached[i] || !m.all_edges_read) continue;
    for (const auto& l : alb->listeners)
      if (l.port != 0 && !opened[i].opens(l.port))
        diags.report(Rule::ListenerUnreachable, l.port_range,
                     "listener `{}` of alb `{}` is on port {}, which no sg-chain edge opens to alb.{}", l.name,
                     alb->name, l.port, alb->name);
  }
}

}  // namespace archc::checks
