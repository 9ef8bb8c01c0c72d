// The architecture as people draw it (`archc graph`, docs/graph.md): each
// VPC a box, its zones as columns and its tiers as rows, one subnet per zone
// and tier with its CIDR, the internet gateway on top, the NAT gateways in
// the subnets that hold them, every chain endpoint (load balancer, auto
// scaling group, database, cache, file system) in its tier as its kind's `draw` hook
// draws it, the gateway endpoints beside the internet gateway, every edge of
// the security chains as an arrow labelled with its ports, from the
// internet or a CIDR outside the VPCs, and the peerings as dashed lines
// between VPCs.
//
// It is computed from the model alone, like the plan: NAT gateways and the
// internet gateway follow from the tiers (model::Vpc::nat_tier,
// has_public_tier) as lowering places them. The renderers (dot.cpp,
// mermaid.cpp) only lay this out; every text in it comes from the source
// and is escaped by the renderer of each format.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace archc::graph {

// The symbol a chain endpoint is drawn with; each renderer gives each its
// shape and the colour of its AWS service category.
enum class Shape {
  LoadBalancer,  // networking
  Instances,     // compute
  Database,      // databases
  Cache,         // databases, in memory
  Endpoint,      // networking: a VPC endpoint's network interfaces
  FileSystem,    // storage
};

// How a kind's `draw` hook (model::KindSpec::draw) draws one resource:
// its name as the source writes it (`alb.web`), then lines of what it is.
struct Drawing {
  Shape shape = Shape::Instances;
  std::string title;                 // alb.web
  std::vector<std::string> details;  // "Application Load Balancer", "internet-facing" ...
};

struct Subnet {
  std::string id;    // of its node: vpc0_t1_z0
  std::string zone;  // full zone name, ap-northeast-2a
  std::string cidr;
  bool nat_gateway = false;  // a NAT gateway sits in it
};

struct Tier {
  std::string name;                    // as in the source
  const char* kind = "private";        // public | private | isolated: also its Mermaid class
  std::vector<Subnet> subnets;         // one per zone, in zone order
  std::vector<std::size_t> resources;  // into Graph::nodes, in source order
  std::string nacl;                    // the name of its network ACL; empty: the VPC's default
};

// A gateway endpoint (`gateway-endpoint`), drawn in its VPC's top row
// beside the internet gateway.
struct GatewayEndpoint {
  std::string id;       // of its node: vpc0_gwe0
  std::string title;    // gateway-endpoint.s3
  std::string details;  // S3 gateway endpoint, for app, db
};

struct Vpc {
  std::string id;  // of its box: vpc0
  std::string name, cidr;
  std::vector<std::string> zones;  // full zone names
  // Its internet gateway's node (`vpc0_igw`), empty without a public tier.
  std::string internet_gateway;
  // The node standing for every address of the VPC (`vpc0_all`), when an
  // edge starts at `vpc.NAME`; else empty.
  std::string all_addresses;
  std::vector<GatewayEndpoint> gateway_endpoints;  // in declaration order
  std::vector<Tier> tiers;
};

// A chain endpoint.
struct Node {
  std::string id;  // r<index into Model::resources>
  Drawing drawing;
  std::size_t vpc = 0;  // into Graph::vpcs: the VPC of its tier
};

// A source or destination outside every VPC: the internet, a CIDR, or the
// VPC outside the stack that a peering joins.
struct External {
  std::string id;     // internet, cidr0, peer0 ...
  std::string label;  // Internet, 203.0.113.0/24, VPC vpc-0a1b2c3d 192.168.10.0/24 (ap-northeast-1)
};

// An arrow of a security chain: `to` admits `from` on `ports`. An edge
// from a tier is one arrow from each of its subnets. An egress edge (to
// `internet` or a CIDR, from a resource whose group restricts what it
// sends) is an arrow from the resource to the source outside.
struct Edge {
  std::string from, to;    // node ids
  std::string ports;       // TCP 80, 443 (ranges as 1024-2047)
  std::size_t target = 0;  // in Graph::nodes: `to`, or for an egress edge `from`
  bool egress = false;
};

// A VPC peering connection: a dashed line between the boxes of two VPCs of
// the file, or from a VPC's box to the outside VPC it joins (an External).
struct Peering {
  std::size_t vpc = 0;  // into Graph::vpcs: the requester
  std::string to;       // the accepter's box (vpc1) or External (peer0)
  bool to_box = false;  // whether `to` is a VPC's box
  std::string label;    // peering tokyo, from private-app
};

struct Graph {
  std::string stack, region;
  // The internet first (when a VPC has a gateway to it or an edge starts
  // or ends there), then CIDRs as first written, then outside peers.
  std::vector<External> externals;
  std::vector<Vpc> vpcs;
  std::vector<Node> nodes;
  std::vector<Edge> edges;  // in chain and edge order, each chain's ingress edges first
  std::vector<Peering> peerings;  // in declaration order
};

// The graph of `m`, a model without errors (every endpoint resolved, every
// CIDR read); the nodes are the resources in Model::resources order.
Graph make_graph(const model::Model& m);

// The node an edge's arrow is drawn from: the internet gateway of the
// target's VPC for an edge from the internet (traffic enters by it, and the
// picture shows the internet joined to the gateway), else `e.from`.
// `e.target` must index g.nodes, and that node's `vpc` g.vpcs.
const std::string& drawn_from(const Graph& g, const Edge& e);

// Graphviz DOT (dot.cpp), for `dot -Tsvg` or -Tpng: zones as columns with
// the chain endpoints between them, tiers as ranks. Never fails.
std::string render_dot(const Graph& g);
// A Mermaid flowchart (mermaid.cpp), for Markdown: tiers as rows, each
// with its subnets in zone order and its endpoints. Never fails.
std::string render_mermaid(const Graph& g);

// Text of the source as a label of each format, on one line: control and
// invisible characters and bytes that are not UTF-8 shown as `<U+XXXX>` and
// `<XX>` (printable()), then
// - dot_html: `&`, `<`, `>`, `"` and `'` as HTML entities, for Graphviz's
//   HTML-like labels (<...>), where a backslash is plain text;
// - mermaid_text: everything but letters, digits, space and `.,:/-_+()`
//   as a Mermaid entity code (`#35;` for `#`), so no quote, bracket, pipe,
//   `<`, `#` or `;` can end the label or be read as markup.
std::string dot_html(std::string_view text);
std::string mermaid_text(std::string_view text);

// The ports of an edge as its arrow is labelled, by protocol: `TCP 80`,
// `TCP 80, 443`, `TCP 1024-2047`, `TCP 443; UDP 1194; ICMP`, `all traffic`.
std::string port_label(const std::vector<model::PortRange>& ports);

}  // namespace archc::graph
