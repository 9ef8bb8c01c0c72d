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

bool opens_port(const model::Edge& e, int port) {
  for (const auto& p : e.ports)
    if (p.opens(model::Protocol::Tcp, port)) return true;
  return false;
}

namespace {
bool is_internet_class(AddressClass c) { return c == AddressClass::Public || c == AddressClass::Documentation; }
}  // namespace

std::uint64_t internet_addresses(const Cidr& block) {
  // The blocks of the other classes do not overlap, and each either holds
  // `block`, lies in it, or is apart from it.
  std::uint64_t out = block.size();
  for (const auto& [special, cls] : special_purpose_blocks()) {
    if (is_internet_class(cls)) continue;
    if (special.contains(block)) return 0;
    if (block.contains(special)) out -= special.size();
  }
  return out;
}

bool hold_every_internet_address(const std::vector<Cidr>& blocks) {
  std::vector<Cidr> with_the_rest = blocks;
  for (const auto& [special, cls] : special_purpose_blocks())
    if (!is_internet_class(cls)) with_the_rest.push_back(special);
  return address_ranges(std::move(with_the_rest)) == std::vector<AddressRange>{{0, Cidr{0, 0}.last()}};
}

bool is_public_source(const model::Endpoint& e) {
  if (e.kind == Kind::Internet) return true;
  return e.kind == Kind::Cidr && internet_addresses(e.cidr) > 0;
}

namespace {
// As the source writes it: `443`, `8000..8100`, `udp:1194`, `icmp`, `all`.
std::string format_port(const model::PortRange& p) {
  if (!model::has_ports(p.protocol)) return std::string(model::protocol_name(p.protocol));
  std::string out = p.protocol == model::Protocol::Tcp ? "" : fmt::format("{}:", model::protocol_name(p.protocol));
  return out + (p.lo == p.hi ? std::to_string(p.lo) : fmt::format("{}..{}", p.lo, p.hi));
}
}  // namespace

std::string format_ports(const std::vector<model::PortRange>& ports) {
  std::string out;
  for (const auto& p : ports) {
    if (!out.empty()) out += ", ";
    out += format_port(p);
  }
  return out;
}

}  // namespace archc::checks
