// render_dot: the graph in Graphviz's DOT, laid out as an AWS architecture
// diagram. Inside the region, each VPC is a box; in it, each zone is a
// column under its heading, holding its subnets top to bottom in tier
// order, and the chain endpoints stand between the columns on their tier's
// row (they span the zones, as a load balancer or an auto scaling group
// does), below the internet gateway. Rows are ranks, kept in order left to
// right by invisible edges; the columns are kept straight by heavy
// invisible edges. (A zone is not a cluster box: dot would not keep the
// endpoints between two clusters.) Colours are those of AWS's architecture
// icons: a VPC violet, public subnets green, private teal.
//
// Every label is an HTML-like label (<...>) whose text goes through
// dot_html(); node and cluster names are made by make_graph, never taken
// from the source.
#include <algorithm>

#include <fmt/format.h>

#include "graph/graph.hpp"

namespace archc::graph {

namespace {

constexpr const char* kFont = "Helvetica,Arial,sans-serif";

struct Colours {
  const char *line, *fill, *title;
};

Colours tier_colours(std::string_view kind) {
  if (kind == "public") return {"#7AA116", "#F2F6E8", "Public subnet"};
  if (kind == "isolated") return {"#5A6B86", "#EEF0F4", "Isolated subnet"};
  return {"#00A4A6", "#E6F6F7", "Private subnet"};
}

const char* shape_colour(Shape s) {
  switch (s) {
    case Shape::LoadBalancer:
      return "#8C4FFF";
    case Shape::Instances:
      return "#ED7100";
    case Shape::Database:
      return "#C925D1";
    case Shape::Cache:
      return "#C925D1";
    case Shape::Endpoint:
      return "#8C4FFF";
    case Shape::FileSystem:
      return "#7AA116";
  }
  return "#232F3E";
}

const char* shape_name(Shape s) {
  switch (s) {
    case Shape::LoadBalancer:
      return "box";
    case Shape::Instances:
      return "box3d";
    case Shape::Database:
      return "cylinder";
    case Shape::Cache:
      return "cylinder";
    case Shape::Endpoint:
      return "hexagon";
    case Shape::FileSystem:
      return "folder";
  }
  return "box";
}

std::string subnet_label(const Tier& tier, const Subnet& s) {
  const Colours c = tier_colours(tier.kind);
  std::string out = fmt::format(
      "<<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\" COLOR=\"{}\" BGCOLOR=\"{}\">"
      "<TR><TD ALIGN=\"LEFT\" WIDTH=\"200\"><FONT POINT-SIZE=\"9\" COLOR=\"{}\">{}, {}</FONT></TD></TR>"
      "<TR><TD ALIGN=\"LEFT\"><B>{}</B></TD></TR>"
      "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"13\">{}</FONT></TD></TR>",
      c.line, c.fill, c.line, c.title, dot_html(s.zone), dot_html(tier.name), dot_html(s.cidr));
  if (!tier.nacl.empty())
    out += "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">network ACL " + dot_html(tier.nacl) + "</FONT></TD></TR>";
  if (s.nat_gateway)
    out +=
        "<TR><TD BGCOLOR=\"#8C4FFF\" CELLPADDING=\"4\" WIDTH=\"200\"><FONT COLOR=\"white\"><B>NAT "
        "gateway</B></FONT></TD></TR>";
  return out + "</TABLE>>";
}

std::string node_label(const Drawing& d) {
  std::string out = "<<B>" + dot_html(d.title) + "</B>";
  for (const auto& line : d.details) out += "<BR/><FONT POINT-SIZE=\"10\">" + dot_html(line) + "</FONT>";
  return out + ">";
}

// The VPC's box: the gateway, each zone's heading and subnets, the endpoints.
void write_vpc_box(std::string& o, const Graph& g, const Vpc& vpc) {
  fmt::format_to(std::back_inserter(o),
                 "    subgraph cluster_{} {{\n"
                 "      label=<<B>VPC {}</B>   {}>; labeljust=l; color=\"#8C4FFF\"; fontcolor=\"#8C4FFF\"; "
                 "penwidth=2; style=solid; margin=16;\n",
                 vpc.id, dot_html(vpc.name), dot_html(vpc.cidr));
  if (!vpc.internet_gateway.empty())
    fmt::format_to(std::back_inserter(o),
                   "      {} [label=<<B>Internet gateway</B>>, fillcolor=\"#8C4FFF\", fontcolor=white, "
                   "color=\"#8C4FFF\"];\n",
                   vpc.internet_gateway);
  if (!vpc.all_addresses.empty())
    fmt::format_to(std::back_inserter(o),
                   "      {} [label=<<B>every address of the VPC</B><BR/><FONT POINT-SIZE=\"10\">{}</FONT>>, "
                   "fillcolor=white, color=\"#8C4FFF\", style=\"rounded,dashed\"];\n",
                   vpc.all_addresses, dot_html(vpc.cidr));
  for (const auto& e : vpc.gateway_endpoints)
    fmt::format_to(std::back_inserter(o),
                   "      {} [label=<<B>{}</B><BR/><FONT POINT-SIZE=\"10\">{}</FONT>>, fillcolor=\"#8C4FFF\", "
                   "fontcolor=white, color=\"#8C4FFF\"];\n",
                   e.id, dot_html(e.title), dot_html(e.details));
  for (std::size_t z = 0; z < vpc.zones.size(); ++z) {
    fmt::format_to(
        std::back_inserter(o),
        "      {}_z{} [label=<Availability Zone<BR/><B>{}</B>>, style=\"rounded,dashed\", color=\"#147EBA\", "
        "fontcolor=\"#147EBA\", fillcolor=white, width=2.85];\n",
        vpc.id, z, dot_html(vpc.zones[z]));
    for (const auto& tier : vpc.tiers) {
      const Subnet& s = tier.subnets[z];
      fmt::format_to(std::back_inserter(o), "      {} [shape=plain, style=\"\", label={}];\n", s.id,
                     subnet_label(tier, s));
    }
  }
  for (const auto& tier : vpc.tiers)
    for (std::size_t r : tier.resources) {
      const Node& n = g.nodes[r];
      const char* colour = shape_colour(n.drawing.shape);
      fmt::format_to(std::back_inserter(o),
                     "      {} [shape={}, label={}, fillcolor=\"{}\", color=\"{}\", fontcolor=white];\n", n.id,
                     shape_name(n.drawing.shape), node_label(n.drawing), colour, colour);
    }
  o += "    }\n";
}

// How the VPC's box is laid out, written after every box (a rank may hold
// nodes of several boxes only outside them).
void write_vpc_layout(std::string& o, const Graph& g, const Vpc& vpc) {
  // Rows, each on one rank, left to right: the first half of the zones,
  // what spans them, the other zones. The first row holds the zones'
  // headings with the gateway and the VPC's addresses between them; then a
  // row per tier, with its endpoints between its subnets.
  const std::size_t left = (vpc.zones.size() + 1) / 2;
  const auto row = [&](const std::vector<std::string>& zones, const std::vector<std::string>& middle) {
    std::vector<std::string> ids;
    for (std::size_t z = 0; z <= zones.size(); ++z) {
      if (z == std::min(left, zones.size())) ids.insert(ids.end(), middle.begin(), middle.end());
      if (z < zones.size()) ids.push_back(zones[z]);
    }
    if (ids.empty()) return;
    o += "  { rank=same;";
    for (const auto& id : ids) o += " " + id + ";";
    o += " }\n";
    for (std::size_t i = 0; i + 1 < ids.size(); ++i)
      fmt::format_to(std::back_inserter(o), "  {} -> {} [style=invis];\n", ids[i], ids[i + 1]);
  };
  std::vector<std::string> headings, top;
  for (std::size_t z = 0; z < vpc.zones.size(); ++z) headings.push_back(fmt::format("{}_z{}", vpc.id, z));
  for (const std::string* id : {&vpc.internet_gateway, &vpc.all_addresses})
    if (!id->empty()) top.push_back(*id);
  for (const auto& e : vpc.gateway_endpoints) top.push_back(e.id);
  row(headings, top);
  for (const auto& tier : vpc.tiers) {
    std::vector<std::string> subnets, middle;
    for (const auto& s : tier.subnets) subnets.push_back(s.id);
    for (std::size_t r : tier.resources) middle.push_back(g.nodes[r].id);
    row(subnets, middle);
  }
  // The middle column straight down too: the gateway above the first
  // endpoint.
  if (!top.empty())
    for (const auto& tier : vpc.tiers)
      if (!tier.resources.empty()) {
        fmt::format_to(std::back_inserter(o), "  {} -> {} [style=invis, weight=1000];\n", top.front(),
                       g.nodes[tier.resources.front()].id);
        break;
      }
  // Columns: each zone's heading and subnets straight down.
  for (std::size_t z = 0; z < vpc.zones.size(); ++z) {
    std::string above = headings[z];
    for (const auto& tier : vpc.tiers) {
      fmt::format_to(std::back_inserter(o), "  {} -> {} [style=invis, weight=1000];\n", above, tier.subnets[z].id);
      above = tier.subnets[z].id;
    }
  }
}

}  // namespace

std::string render_dot(const Graph& g) {
  std::string o;
  o += "// archc graph: Graphviz DOT. Render it with: dot -Tsvg FILE -o FILE.svg\n";
  o += "digraph archc {\n";
  fmt::format_to(std::back_inserter(o),
                 "  graph [fontname=\"{0}\", fontsize=12, newrank=true, compound=true, rankdir=TB, nodesep=0.35, "
                 "ranksep=0.5, pad=0.3, bgcolor=white];\n"
                 "  node [fontname=\"{0}\", fontsize=11, shape=box, style=\"rounded,filled\", penwidth=1.2, "
                 "margin=\"0.15,0.07\"];\n"
                 "  edge [fontname=\"{0}\", fontsize=10, color=\"#545B64\", fontcolor=\"#232F3E\", arrowsize=0.8];\n",
                 kFont);
  for (const auto& e : g.externals)
    fmt::format_to(std::back_inserter(o), "  {} [label=<<B>{}</B>>, shape={}, fillcolor=white, color=\"#232F3E\"];\n",
                   e.id, dot_html(e.label), e.id == "internet" ? "ellipse" : "box");
  if (!g.externals.empty()) {
    o += "  { rank=same;";
    for (const auto& e : g.externals) o += " " + e.id + ";";
    o += " }\n";
  }
  fmt::format_to(std::back_inserter(o),
                 "  subgraph cluster_region {{\n"
                 "    label=<Region <B>{}</B>   stack {}>; labeljust=l; style=dashed; color=\"#00A4A6\"; "
                 "fontcolor=\"#00A4A6\"; margin=16;\n",
                 dot_html(g.region), dot_html(g.stack));
  for (const auto& vpc : g.vpcs) write_vpc_box(o, g, vpc);
  o += "  }\n";
  for (const auto& vpc : g.vpcs) write_vpc_layout(o, g, vpc);
  for (const auto& vpc : g.vpcs)
    if (!vpc.internet_gateway.empty())
      fmt::format_to(std::back_inserter(o), "  internet -> {} [dir=none, penwidth=2, color=\"#8C4FFF\"];\n",
                     vpc.internet_gateway);
  // Sources outside stand above every VPC (they share one rank; the
  // internet is above the gateways already).
  if (!g.externals.empty())
    for (const auto& vpc : g.vpcs)
      if (vpc.internet_gateway.empty() && !vpc.zones.empty())
        fmt::format_to(std::back_inserter(o), "  {} -> {}_z0 [style=invis];\n", g.externals.front().id, vpc.id);
  // The chain edges do not move the rows: a label would become a node of
  // its own on every rank the edge crosses, and pull the columns apart.
  // An egress edge is dashed: what a group may send, not what it admits.
  for (const auto& e : g.edges)
    fmt::format_to(std::back_inserter(o), "  {} -> {} [label=<{}>, constraint=false{}];\n", drawn_from(g, e), e.to,
                   dot_html(e.ports), e.egress ? ", style=dashed" : "");
  // A peering joins the boxes (compound edges, clipped at the clusters),
  // from a node of each: the first zone's heading.
  for (const auto& p : g.peerings) {
    const std::string& from = g.vpcs[p.vpc].id;
    fmt::format_to(std::back_inserter(o),
                   "  {0}_z0 -> {1}{2} [ltail=cluster_{0}{3}, dir=none, style=dashed, penwidth=2, "
                   "color=\"#8C4FFF\", fontcolor=\"#8C4FFF\", label=<{4}>, constraint=false];\n",
                   from, p.to, p.to_box ? "_z0" : "", p.to_box ? ", lhead=cluster_" + p.to : "", dot_html(p.label));
  }
  o += "}\n";
  return o;
}

}  // namespace archc::graph
