// make_graph: the model as graph.hpp draws it; the escapes every renderer
// shares the first step of.
#include "graph/graph.hpp"

#include <algorithm>
#include <cstdint>
#include <map>

#include <fmt/format.h>

#include "source/line_echo.hpp"
#include "source/utf8.hpp"

namespace archc::graph {

namespace {

class Builder {
 public:
  explicit Builder(const model::Model& m) : m_(m) {
    g_.stack = m.stack.name;
    g_.region = m.stack.region;
  }

  Graph run() {
    for (std::size_t v = 0; v < m_.vpcs.size(); ++v) add_vpc(v);
    // A tier takes one network ACL (duplicate-nacl): the first names it.
    for (const auto& nacl : m_.nacls)
      if (auto& tier = g_.vpcs[nacl.tier->vpc].tiers[nacl.tier->tier]; tier.nacl.empty()) tier.nacl = nacl.name;
    for (std::size_t i = 0; i < m_.resources.size(); ++i) {
      const model::Resource& r = *m_.resources[i];
      g_.nodes.push_back({node_id(i), r.kind->draw(r), r.subnets->vpc});
      g_.vpcs[r.subnets->vpc].tiers[r.subnets->tier].resources.push_back(i);
    }
    for (const auto& e : m_.gateway_endpoints) add_gateway_endpoint(e);
    // The internet first: an internet gateway leads to it, and edges start
    // or end there.
    bool internet =
        std::any_of(g_.vpcs.begin(), g_.vpcs.end(), [](const Vpc& v) { return !v.internet_gateway.empty(); });
    for (const auto& chain : m_.chains) {
      for (const auto& edge : chain.edges) internet = internet || edge.from.kind == model::Endpoint::Kind::Internet;
      for (const auto& edge : chain.egress) internet = internet || edge.to.kind == model::Endpoint::Kind::Internet;
    }
    if (internet) external("internet", "Internet");
    for (const auto& chain : m_.chains) {
      for (const auto& edge : chain.edges) add_edge(edge);
      for (const auto& edge : chain.egress) add_egress(edge);
    }
    for (const auto& p : m_.peerings) add_peering(p);
    return std::move(g_);
  }

 private:
  static std::string node_id(std::size_t resource) { return fmt::format("r{}", resource); }

  void add_vpc(std::size_t v) {
    const model::Vpc& vpc = m_.vpcs[v];
    Vpc out;
    out.id = fmt::format("vpc{}", v);
    out.name = vpc.name;
    out.cidr = vpc.cidr->str();
    for (const auto& z : vpc.zones) out.zones.push_back(m_.stack.region + z);
    if (vpc.has_public_tier()) out.internet_gateway = out.id + "_igw";
    const auto nat_tier = vpc.nat_tier();
    const std::size_t nat_gateways = vpc.nat_gateways();
    for (std::size_t t = 0; t < vpc.tiers.size(); ++t) {
      const model::Tier& tier = vpc.tiers[t];
      Tier row{tier.name, tier.is_public ? "public" : tier.isolated ? "isolated" : "private", {}, {}, {}};
      for (std::size_t z = 0; z < vpc.zones.size(); ++z)
        row.subnets.push_back({fmt::format("{}_t{}_z{}", out.id, t, z), out.zones[z], tier.cidrs[z].str(),
                               nat_tier == t && z < nat_gateways});
      out.tiers.push_back(std::move(row));
    }
    g_.vpcs.push_back(std::move(out));
  }

  // The node of an external source, added the first time it is named:
  // `internet`, or `<prefix><its place among the externals>`.
  const std::string& external(const std::string& key, const std::string& label, std::string_view prefix = "cidr") {
    auto [it, added] = externals_.try_emplace(key);
    if (added) {
      it->second = key == "internet" ? key : fmt::format("{}{}", prefix, g_.externals.size());
      g_.externals.push_back({it->second, label});
    }
    return it->second;
  }

  // `gateway-endpoint.s3`, "S3 gateway endpoint, for app, db".
  void add_gateway_endpoint(const model::GatewayEndpoint& e) {
    Vpc& vpc = g_.vpcs[*e.vpc];
    std::vector<std::string> tiers;
    for (const auto& t : e.tiers) tiers.push_back(m_.tier(t).name);
    vpc.gateway_endpoints.push_back(
        {fmt::format("{}_gwe{}", vpc.id, vpc.gateway_endpoints.size()), "gateway-endpoint." + e.name,
         fmt::format("{} gateway endpoint{}{}", e.service == "s3" ? "S3" : "DynamoDB", tiers.empty() ? "" : ", for ",
                     fmt::join(tiers, ", "))});
  }

  // "peering tokyo", and ", from app, db" when it routes some tiers only.
  void add_peering(const model::Peering& p) {
    std::string label = "peering " + p.name;
    if (p.tiers_given) {
      std::vector<std::string> tiers;
      for (const auto& t : p.tiers)
        tiers.push_back(p.peer_vpc ? fmt::format("{}.{}", m_.vpcs[t.vpc].name, m_.tier(t).name) : m_.tier(t).name);
      label += tiers.empty() ? ", no routes" : fmt::format(", from {}", fmt::join(tiers, ", "));
    }
    if (p.peer_vpc) {
      g_.peerings.push_back({*p.vpc, g_.vpcs[*p.peer_vpc].id, true, std::move(label)});
      return;
    }
    std::string outside = "VPC " + p.peer_vpc_id + " " + p.peer_cidr->str();
    if (!p.peer_region.empty()) outside += " (" + p.peer_region + ")";
    g_.peerings.push_back({*p.vpc, external("peer:" + outside, outside, "peer"), false, std::move(label)});
  }

  // An egress edge: from a resource to the internet or a CIDR block.
  void add_egress(const model::Edge& edge) {
    const std::string cidr = edge.to.kind == model::Endpoint::Kind::Internet ? "internet" : edge.to.cidr.str();
    const std::string& to = cidr == "internet" ? external("internet", "Internet") : external(cidr, cidr);
    g_.edges.push_back({node_id(edge.from.index), to, port_label(edge.ports), edge.from.index, true});
  }

  void add_edge(const model::Edge& edge) {
    const std::string to = node_id(edge.to.index);
    const std::string ports = port_label(edge.ports);
    const model::Endpoint& from = edge.from;
    switch (from.kind) {
      case model::Endpoint::Kind::Internet:
        g_.edges.push_back({external("internet", "Internet"), to, ports, edge.to.index});
        break;
      case model::Endpoint::Kind::Cidr: {
        const std::string cidr = from.cidr.str();
        g_.edges.push_back({external(cidr, cidr), to, ports, edge.to.index});
        break;
      }
      case model::Endpoint::Kind::Vpc: {
        Vpc& vpc = g_.vpcs[from.index];
        if (vpc.all_addresses.empty()) vpc.all_addresses = vpc.id + "_all";
        g_.edges.push_back({vpc.all_addresses, to, ports, edge.to.index});
        break;
      }
      case model::Endpoint::Kind::Tier:
        for (const auto& subnet : g_.vpcs[from.tier.vpc].tiers[from.tier.tier].subnets)
          g_.edges.push_back({subnet.id, to, ports, edge.to.index});
        break;
      case model::Endpoint::Kind::Resource:
        g_.edges.push_back({node_id(from.index), to, ports, edge.to.index});
        break;
    }
  }

  const model::Model& m_;
  Graph g_;
  std::map<std::string, std::string> externals_;  // "internet" or a CIDR → node id
};

}  // namespace

Graph make_graph(const model::Model& m) { return Builder(m).run(); }

const std::string& drawn_from(const Graph& g, const Edge& e) {
  if (e.from != "internet") return e.from;
  const Vpc& vpc = g.vpcs[g.nodes[e.target].vpc];
  return vpc.internet_gateway.empty() ? e.from : vpc.internet_gateway;
}

std::string port_label(const std::vector<model::PortRange>& ports) {
  std::string out;
  for (const auto& [protocol, name] : {std::pair{model::Protocol::Tcp, "TCP"}, std::pair{model::Protocol::Udp, "UDP"},
                                      std::pair{model::Protocol::Icmp, "ICMP"}, std::pair{model::Protocol::All, "all traffic"}}) {
    std::string of_protocol;
    for (const auto& p : ports) {
      if (p.protocol != protocol) continue;
      if (!model::has_ports(protocol)) {
        of_protocol = name;
        break;
      }
      of_protocol += of_protocol.empty() ? fmt::format("{} ", name) : ", ";
      of_protocol += p.lo == p.hi ? fmt::format("{}", p.lo) : fmt::format("{}-{}", p.lo, p.hi);
    }
    if (!of_protocol.empty()) out += (out.empty() ? "" : "; ") + of_protocol;
  }
  return out;
}

std::string dot_html(std::string_view text) {
  std::string out;
  for (char c : printable(text)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string mermaid_text(std::string_view text) {
  const std::string shown = printable(text);
  std::string out;
  for (std::size_t i = 0; i < shown.size();) {
    const unsigned char c = static_cast<unsigned char>(shown[i]);
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       std::string_view(" .,:/-_+()").find(static_cast<char>(c)) != std::string_view::npos;
    if (plain) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    // printable() leaves only valid UTF-8: one code point as its number.
    const auto decoded = decode_utf8(std::string_view(shown).substr(i));
    out += fmt::format("#{};", static_cast<std::uint32_t>(decoded->cp));
    i += decoded->length;
  }
  return out;
}

}  // namespace archc::graph
