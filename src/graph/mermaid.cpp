// render_mermaid: the graph as a Mermaid flowchart, which GitHub renders in
// Markdown (```mermaid). Mermaid places nodes itself and cannot keep
// columns across boxes, so the tiers are the rows here: inside each VPC's
// box, top to bottom, a box per tier holding its subnets in zone order
// (with the NAT gateways) and its chain endpoints; the internet, the CIDR
// sources and outside peers stand above, outside every VPC; a peering is a
// dotted line between boxes.
//
// Every label is a quoted string ("...") whose text goes through
// mermaid_text(), which leaves nothing that could close the string or be
// read as markup; node and box ids are made by make_graph.
#include <fmt/format.h>

#include "graph/graph.hpp"

namespace archc::graph {

namespace {

const char* shape_class(Shape s) {
  switch (s) {
    case Shape::LoadBalancer:
      return "lb";
    case Shape::Instances:
      return "compute";
    case Shape::Database:
      return "database";
    case Shape::Cache:
      return "database";
    case Shape::Endpoint:
      return "lb";  // networking's colour, as load balancers
    case Shape::FileSystem:
      return "storage";
  }
  return "compute";
}

// The node's text in Mermaid's bracket pair for its shape.
std::string shaped(Shape s, const std::string& label) {
  switch (s) {
    case Shape::LoadBalancer:
      return "[\"" + label + "\"]";
    case Shape::Instances:
      return "[\"" + label + "\"]";
    case Shape::Database:
      return "[(\"" + label + "\")]";
    case Shape::Cache:
      return "[(\"" + label + "\")]";
    case Shape::Endpoint:
      return "{{\"" + label + "\"}}";
    case Shape::FileSystem:
      return "[/\"" + label + "\"/]";
  }
  return "[\"" + label + "\"]";
}

std::string node_label(const Drawing& d) {
  std::string out = "<b>" + mermaid_text(d.title) + "</b>";
  for (const auto& line : d.details) out += "<br/>" + mermaid_text(line);
  return out;
}

}  // namespace

std::string render_mermaid(const Graph& g) {
  std::string o = "flowchart TB\n";
  for (const auto& e : g.externals)
    fmt::format_to(std::back_inserter(o), "  {}{}\n", e.id,
                   e.id == "internet" ? "((\"<b>" + mermaid_text(e.label) + "</b>\"))"
                                      : "[\"<b>" + mermaid_text(e.label) + "</b>\"]");
  // The region's box (Mermaid hides a second line of its title under the
  // VPC's, so the stack is not named).
  fmt::format_to(std::back_inserter(o), "  subgraph region[\"Region {}\"]\n", mermaid_text(g.region));
  std::string classes;
  for (const auto& vpc : g.vpcs) {
    fmt::format_to(std::back_inserter(o), "    subgraph {}[\"<b>VPC {}</b><br/>{}\"]\n", vpc.id, mermaid_text(vpc.name),
                   mermaid_text(vpc.cidr));
    o += "      direction TB\n";
    if (!vpc.internet_gateway.empty()) {
      fmt::format_to(std::back_inserter(o), "      {}[\"<b>Internet gateway</b>\"]\n", vpc.internet_gateway);
      classes += fmt::format("  class {} gateway\n", vpc.internet_gateway);
    }
    if (!vpc.all_addresses.empty())
      fmt::format_to(std::back_inserter(o), "      {}[\"<b>every address of the VPC</b><br/>{}\"]\n", vpc.all_addresses,
                     mermaid_text(vpc.cidr));
    for (const auto& e : vpc.gateway_endpoints) {
      fmt::format_to(std::back_inserter(o), "      {}[\"<b>{}</b><br/>{}\"]\n", e.id, mermaid_text(e.title),
                     mermaid_text(e.details));
      classes += fmt::format("  class {} gateway\n", e.id);
    }
    for (std::size_t t = 0; t < vpc.tiers.size(); ++t) {
      const Tier& tier = vpc.tiers[t];
      fmt::format_to(std::back_inserter(o), "      subgraph {}_t{}[\"{} ({})\"]\n", vpc.id, t, mermaid_text(tier.name),
                     tier.kind);
      o += "        direction LR\n";
      // As the DOT draws it: the first half of the zones, the endpoints,
      // the other zones.
      const std::size_t left = (tier.subnets.size() + 1) / 2;
      for (std::size_t z = 0; z <= tier.subnets.size(); ++z) {
        if (z == left)
          for (std::size_t r : tier.resources) {
            const Node& n = g.nodes[r];
            fmt::format_to(std::back_inserter(o), "        {}{}\n", n.id,
                           shaped(n.drawing.shape, node_label(n.drawing)));
            classes += fmt::format("  class {} {}\n", n.id, shape_class(n.drawing.shape));
          }
        if (z == tier.subnets.size()) break;
        const Subnet& s = tier.subnets[z];
        fmt::format_to(std::back_inserter(o), "        {}[\"{}<br/><b>{}</b>{}{}\"]\n", s.id, mermaid_text(s.zone),
                       mermaid_text(s.cidr), tier.nacl.empty() ? "" : "<br/>network ACL " + mermaid_text(tier.nacl),
                       s.nat_gateway ? "<br/>NAT gateway" : "");
        classes += fmt::format("  class {} {}\n", s.id, tier.kind);
      }
      o += "      end\n";
    }
    o += "    end\n";
  }
  o += "  end\n";
  for (const auto& vpc : g.vpcs)
    if (!vpc.internet_gateway.empty())
      fmt::format_to(std::back_inserter(o), "  internet --- {}\n", vpc.internet_gateway);
  // An egress edge is dotted: what a group may send, not what it admits.
  for (const auto& e : g.edges)
    fmt::format_to(std::back_inserter(o), "  {} {}|\"{}\"| {}\n", drawn_from(g, e), e.egress ? "-.->" : "-->",
                   mermaid_text(e.ports), e.to);
  for (const auto& p : g.peerings)
    fmt::format_to(std::back_inserter(o), "  {} -.-|\"{}\"| {}\n", g.vpcs[p.vpc].id, mermaid_text(p.label), p.to);
  o += "  classDef public fill:#F2F6E8,stroke:#7AA116,color:#232F3E\n"
       "  classDef private fill:#E6F6F7,stroke:#00A4A6,color:#232F3E\n"
       "  classDef isolated fill:#EEF0F4,stroke:#5A6B86,color:#232F3E\n"
       "  classDef gateway fill:#8C4FFF,stroke:#8C4FFF,color:#FFFFFF\n"
       "  classDef lb fill:#8C4FFF,stroke:#8C4FFF,color:#FFFFFF\n"
       "  classDef compute fill:#ED7100,stroke:#ED7100,color:#FFFFFF\n"
       "  classDef database fill:#C925D1,stroke:#C925D1,color:#FFFFFF\n"
       "  classDef storage fill:#7AA116,stroke:#7AA116,color:#FFFFFF\n";
  o += classes;
  for (const auto& vpc : g.vpcs) {
    fmt::format_to(std::back_inserter(o), "  style {} fill:#FFFFFF,stroke:#8C4FFF,stroke-width:2px\n", vpc.id);
    for (std::size_t t = 0; t < vpc.tiers.size(); ++t)
      fmt::format_to(std::back_inserter(o), "  style {}_t{} fill:#FAFBFC,stroke:#AAB7B8,stroke-dasharray:3 3\n", vpc.id,
                     t);
  }
  o += "  style region fill:#FFFFFF,stroke:#00A4A6,stroke-dasharray:5 5\n";
  return o;
}

}  // namespace archc::graph
