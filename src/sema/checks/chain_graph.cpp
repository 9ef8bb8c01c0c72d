#include "sema/checks/chain_graph.hpp"

#include <deque>

#include <fmt/format.h>

namespace archc::checks {

using Kind = model::Endpoint::Kind;

ChainGraph::ChainGraph(const model::Model& m) : m_(m) {
  for (const auto& c : m.chains)
    for (const auto& e : c.edges) edges_.push_back(&e);
}

std::optional<std::size_t> ChainGraph::node(const model::Endpoint& e) const {
  if (e.kind == Kind::Resource) return e.index;
  return std::nullopt;
}

std::string ChainGraph::describe(const model::Endpoint& e) const { return m_.describe(e); }

std::string ChainGraph::describe_node(std::size_t n) const { return m_.resources[n]->ref(); }

SourceRange ChainGraph::node_range(std::size_t n) const { return m_.resources[n]->range; }

std::vector<const model::Edge*> ChainGraph::reached_from_outside() const {
  std::vector<const model::Edge*> via(resource_count(), nullptr);
  std::vector<std::vector<const model::Edge*>> leaving(resource_count());
  std::deque<std::size_t> queue;
  for (const auto* e : edges_) {
    const std::size_t to = *node(e->to);
    if (auto from = node(e->from)) {
      leaving[*from].push_back(e);
    } else if (!via[to]) {
      via[to] = e;
      queue.push_back(to);
    }
  }
  while (!queue.empty()) {
    const std::size_t n = queue.front();
    queue.pop_front();
    for (const auto* e : leaving[n]) {
      const std::size_t to = *node(e->to);
      if (!via[to]) {
        via[to] = e;
        queue.push_back(to);
      }
    }
  }
  return via;
}

bool is_everyone(const model::Endpoint& e) {
  return e.kind == Kind::Internet || (e.kind == Kind::Cidr && e.cidr.prefix == 0);
}

bool same_endpoint(const model::Endpoint& a, const model::Endpoint& b) {
  if (is_everyone(a) || is_everyone(b)) return is_everyone(a) && is_everyone(b);
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Kind::Internet: return true;
    case Kind::Cidr: return a.cidr == b.cidr;
    case Kind::Tier: return a.tier.vpc == b.tier.vpc && a.tier.tier == b.tier.tier;
    case Kind::Vpc:
    case Kind::Resource: return a.index == b.index;
  }
  return false;
}

bool opens_port(const model::Edge& e, int port) {
  for (const auto& p : e.ports)
    if (p.lo <= port && port <= p.hi) return true;
  return false;
}

bool is_public_source(const model::Endpoint& e) {
  if (e.kind == Kind::Internet) return true;
  if (e.kind != Kind::Cidr) return false;
  const AddressClass c = address_class(e.cidr);
  return c == AddressClass::Public || c == AddressClass::Documentation;
}

std::string format_ports(const std::vector<model::PortRange>& ports) {
  std::string out;
  for (const auto& p : ports) {
    if (!out.empty()) out += ", ";
    out += p.lo == p.hi ? std::to_string(p.lo) : fmt::format("{}..{}", p.lo, p.hi);
  }
  return out;
}

}  // namespace archc::checks
