// The security chains as one graph: its nodes are the resources (alb, asg,
// rds) and the sources outside them (internet, CIDR blocks, VPC and tier
// blocks); each edge is an ingress rule on its target's security group.
// Shared by the chain checks; not a check itself.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace archc::checks {

// Resource nodes are numbered as Model::resources.
class ChainGraph {
 public:
  explicit ChainGraph(const model::Model& m);

  // Every edge of every chain, in declaration order.
  const std::vector<const model::Edge*>& edges() const { return edges_; }
  std::size_t resource_count() const { return m_.resources.size(); }
  // The node of a resource endpoint; nullopt for a source outside them.
  std::optional<std::size_t> node(const model::Endpoint& e) const;
  // `alb.web`, `internet`, `203.0.113.7/32`, `vpc.lab`, `vpc.lab.app`.
  std::string describe(const model::Endpoint& e) const;
  std::string describe_node(std::size_t node) const;
  SourceRange node_range(std::size_t node) const;

  // For each resource, the edge through which a breadth-first walk from
  // every source outside the resources first reaches it (hops back to the
  // source follow these edges); null when nothing reaches it.
  std::vector<const model::Edge*> reached_from_outside() const;

 private:
  const model::Model& m_;
  std::vector<const model::Edge*> edges_;
};

// The whole internet: `internet`, or a CIDR block of prefix length 0.
bool is_everyone(const model::Endpoint& e);
bool opens_port(const model::Edge& e, int port);
// Internet addresses: addresses anyone on the internet may hold. Public
// ones, and documentation blocks (RFC 5737), since examples write them for a
// public address; private (RFC 1918), shared (RFC 6598), loopback and
// link-local addresses are never routed from the internet.
//
// How many internet addresses `block` holds.
std::uint64_t internet_addresses(const Cidr& block);
// Whether `blocks` together hold every internet address.
bool hold_every_internet_address(const std::vector<Cidr>& blocks);
// `internet`, and CIDR blocks that hold internet addresses.
bool is_public_source(const model::Endpoint& e);
// "80, 443, 8000..8100, udp:1194, icmp", as the source writes them.
std::string format_ports(const std::vector<model::PortRange>& ports);

}  // namespace archc::checks
