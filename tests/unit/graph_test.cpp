// archc graph: what make_graph draws from a model, the escapes of both
// formats against hostile names, and the command's errors and help.
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "cli_support.hpp"
#include "graph/graph.hpp"
#include "graph/graphviz.hpp"
#include "plan/plan.hpp"
#include "test_support.hpp"

namespace {

using archc::test::compile;
using archc::test::error_briefs;
using Strings = std::vector<std::string>;
namespace graph = archc::graph;

graph::Graph graph_of(const std::string& text) {
  auto c = compile(text);
  REQUIRE(error_briefs(c->diags) == Strings{});
  return graph::make_graph(c->model);
}

Strings edges_of(const graph::Graph& g) {
  Strings out;
  for (const auto& e : g.edges) out.push_back(e.from + " -> " + e.to + " : " + e.ports);
  return out;
}

const char* kSources = R"(stack "s" { region = "eu-west-1" }
vpc "v" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b", "c"]
  nat   = "single"
  subnet "pub" { public = true, size = 24 }
  subnet "app" { size = 24 }
  subnet "db"  { isolated = true, size = 24 }
}
sg-chain "c" {
  internet -> alb.web : http, https
  "203.0.113.0/24" -> asg.app : ssh
  alb.web -> asg.app : 8080
  vpc.v.app -> rds.main : 5432
  vpc.v -> rds.main : 1024..2047
  "192.168.0.0/24" -> rds.main
}
alb "web" {
  subnets = vpc.v.pub
  listener "http" { port = 80, forward = asg.app }
}
asg "app" {
  subnets = vpc.v.app
  port = 8080
}
rds "main" {
  engine = "postgres"
  subnets = vpc.v.db
}
)";

}  // namespace

TEST_CASE("make_graph: zones, tiers, gateways, endpoints and every kind of edge source", "[graph]") {
  const graph::Graph g = graph_of(kSources);
  CHECK(g.stack == "s");
  CHECK(g.region == "eu-west-1");
  REQUIRE(g.vpcs.size() == 1);
  const graph::Vpc& v = g.vpcs[0];
  CHECK(v.id == "vpc0");
  CHECK(v.cidr == "10.0.0.0/16");
  CHECK(v.zones == Strings{"eu-west-1a", "eu-west-1b", "eu-west-1c"});
  CHECK(v.internet_gateway == "vpc0_igw");
  CHECK(v.all_addresses == "vpc0_all");
  REQUIRE(v.tiers.size() == 3);
  CHECK(std::string(v.tiers[0].kind) == "public");
  CHECK(std::string(v.tiers[1].kind) == "private");
  CHECK(std::string(v.tiers[2].kind) == "isolated");
  // A single NAT gateway: the first zone's public subnet.
  CHECK(v.tiers[0].subnets[0].nat_gateway);
  CHECK_FALSE(v.tiers[0].subnets[1].nat_gateway);
  CHECK_FALSE(v.tiers[1].subnets[0].nat_gateway);
  CHECK(v.tiers[1].subnets[2].id == "vpc0_t1_z2");
  CHECK(v.tiers[1].subnets[2].zone == "eu-west-1c");
  CHECK(v.tiers[0].resources == std::vector<std::size_t>{0});
  CHECK(v.tiers[1].resources == std::vector<std::size_t>{1});
  CHECK(v.tiers[2].resources == std::vector<std::size_t>{2});
  REQUIRE(g.externals.size() == 3);
  CHECK((g.externals[0].id == "internet" && g.externals[0].label == "Internet"));
  CHECK((g.externals[1].id == "cidr1" && g.externals[1].label == "203.0.113.0/24"));
  CHECK((g.externals[2].id == "cidr2" && g.externals[2].label == "192.168.0.0/24"));
  CHECK(g.nodes[0].drawing.title == "alb.web");
  CHECK(g.nodes[0].drawing.details == Strings{"Application Load Balancer", "internet-facing, HTTP 80"});
  CHECK(g.nodes[1].drawing.details == Strings{"Auto Scaling group", "t3.micro x 1-1 (desired 1)"});
  CHECK(g.nodes[2].drawing.shape == graph::Shape::Database);
  CHECK(edges_of(g) == Strings{
                           "internet -> r0 : TCP 80, 443",
                           "cidr1 -> r1 : TCP 22",
                           "r0 -> r1 : TCP 8080",
                           "vpc0_t1_z0 -> r2 : TCP 5432",
                           "vpc0_t1_z1 -> r2 : TCP 5432",
                           "vpc0_t1_z2 -> r2 : TCP 5432",
                           "vpc0_all -> r2 : TCP 1024-2047",
                           "cidr2 -> r2 : TCP 5432",
                       });
  // An edge from the internet is drawn from the gateway of its target's VPC.
  CHECK(graph::drawn_from(g, g.edges[0]) == "vpc0_igw");
  CHECK(graph::drawn_from(g, g.edges[1]) == "cidr1");
}

TEST_CASE("make_graph: gateway endpoints, egress edges and peerings", "[graph]") {
  const graph::Graph g = graph_of(R"(stack "s" { region = "eu-west-1" }
vpc "v" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "pub" { public = true, size = 24 }
  subnet "app" { size = 24 }
}
vpc "w" {
  cidr  = "10.1.0.0/16"
  zones = ["a", "b"]
  nat   = "none"
  subnet "app" { size = 24 }
}
asg "app" { subnets = vpc.v.app, egress = "chain" }
asg "worker" { subnets = vpc.w.app }
sg-chain "c" {
  "203.0.113.0/24" -> asg.app : ssh
  asg.app -> asg.worker : 9000
  asg.app -> internet : https
  asg.app -> "198.51.100.0/24" : udp:1194
}
gateway-endpoint "s3" { vpc = vpc.v, service = "s3", tiers = [vpc.v.app] }
gateway-endpoint "ddb" { vpc = vpc.v, service = "dynamodb", tiers = [] }
peering "vw" { vpc = vpc.v, peer_vpc = vpc.w }
peering "tokyo" {
  vpc         = vpc.w
  peer_vpc_id = "vpc-0a1b2c3d"
  peer_cidr   = "192.168.10.0/24"
  peer_region = "ap-northeast-1"
  tiers       = [vpc.w.app]
}
)");
  REQUIRE(g.vpcs[0].gateway_endpoints.size() == 2);
  CHECK(g.vpcs[0].gateway_endpoints[0].id == "vpc0_gwe0");
  CHECK(g.vpcs[0].gateway_endpoints[0].title == "gateway-endpoint.s3");
  CHECK(g.vpcs[0].gateway_endpoints[0].details == "S3 gateway endpoint, for app");
  CHECK(g.vpcs[0].gateway_endpoints[1].details == "DynamoDB gateway endpoint");
  CHECK(g.vpcs[1].gateway_endpoints.empty());
  // The egress edges come after the chain's ingress edges, from the resource out.
  CHECK(edges_of(g) == Strings{"cidr1 -> r0 : TCP 22", "r0 -> r1 : TCP 9000", "r0 -> internet : TCP 443",
                               "r0 -> cidr2 : UDP 1194"});
  CHECK_FALSE(g.edges[1].egress);
  CHECK((g.edges[2].egress && g.edges[2].target == 0));
  CHECK(graph::drawn_from(g, g.edges[2]) == "r0");
  REQUIRE(g.externals.size() == 4);
  CHECK((g.externals[3].id == "peer3" &&
         g.externals[3].label == "VPC vpc-0a1b2c3d 192.168.10.0/24 (ap-northeast-1)"));
  REQUIRE(g.peerings.size() == 2);
  CHECK((g.peerings[0].vpc == 0 && g.peerings[0].to == "vpc1" && g.peerings[0].to_box &&
         g.peerings[0].label == "peering vw"));
  CHECK((g.peerings[1].vpc == 1 && g.peerings[1].to == "peer3" && !g.peerings[1].to_box &&
         g.peerings[1].label == "peering tokyo, from app"));
  const std::string dot = graph::render_dot(g);
  CHECK(archc::test::contains(dot, "r0 -> internet [label=<TCP 443>, constraint=false, style=dashed];"));
  CHECK(archc::test::contains(dot, "vpc0_z0 -> vpc1_z0 [ltail=cluster_vpc0, lhead=cluster_vpc1, dir=none"));
  CHECK(archc::test::contains(dot, "vpc1_z0 -> peer3 [ltail=cluster_vpc1, dir=none"));
  CHECK(archc::test::contains(dot, "{ rank=same; vpc0_z0; vpc0_igw; vpc0_gwe0; vpc0_gwe1; vpc0_z1; }"));
  const std::string mermaid = graph::render_mermaid(g);
  CHECK(archc::test::contains(mermaid, "  r0 -.->|\"TCP 443\"| internet\n"));
  CHECK(archc::test::contains(mermaid, "  vpc0 -.-|\"peering vw\"| vpc1\n"));
  CHECK(archc::test::contains(mermaid, "  vpc1 -.-|\"peering tokyo, from app\"| peer3\n"));
  CHECK(archc::test::contains(mermaid, "vpc0_gwe0[\"<b>gateway-endpoint.s3</b><br/>S3 gateway endpoint, for app\"]"));
}

TEST_CASE("make_graph: no internet gateway or NAT without a public tier", "[graph]") {
  const graph::Graph g = graph_of(R"(vpc "v" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "app" { size = 24 }
}
asg "app" { subnets = vpc.v.app }
)");
  CHECK(g.externals.empty());
  CHECK(g.vpcs[0].internet_gateway.empty());
  CHECK(g.vpcs[0].all_addresses.empty());
  CHECK_FALSE(g.vpcs[0].tiers[0].subnets[0].nat_gateway);
  CHECK(g.edges.empty());
  // Both formats still draw it.
  CHECK(archc::test::contains(graph::render_dot(g), "vpc0_t0_z1 [shape=plain"));
  CHECK(archc::test::contains(graph::render_mermaid(g), "vpc0_t0_z1[\""));
}

TEST_CASE("labels escape what would end them or be read as markup", "[graph][hostile]") {
  const std::string hostile = "a\"b]c[d|e<f>g&h'i\nj\x1bk#l;m}n\\o\xffp end";
  CHECK(graph::dot_html(hostile) ==
        "a&quot;b]c[d|e&lt;f&gt;g&amp;h&#39;i&lt;U+000A&gt;j&lt;U+001B&gt;k#l;m}n\\o&lt;FF&gt;p end");
  CHECK(graph::mermaid_text(hostile) ==
        "a#34;b#93;c#91;d#124;e#60;f#62;g#38;h#39;i#60;U+000A#62;j#60;U+001B#62;k#35;l#59;m#125;n#92;o#60;FF#62;p end");
  CHECK(graph::mermaid_text("10.1.1.0/24 (a), x_y-z+1") == "10.1.1.0/24 (a), x_y-z+1");
  CHECK(graph::mermaid_text("zone \xC3\xA9\xE2\x80\xAE") == "zone #233;#60;U+202E#62;");

  // Every text of the source, in a graph made by hand, comes out escaped.
  graph::Graph g;
  g.stack = hostile;
  g.region = hostile;
  g.externals.push_back({"internet", "Internet"});
  graph::Vpc v;
  v.id = "vpc0";
  v.name = hostile;
  v.cidr = "10.0.0.0/16";
  v.zones = {hostile};
  v.internet_gateway = "vpc0_igw";
  v.tiers.push_back({hostile, "public", {{"vpc0_t0_z0", hostile, hostile, true}}, {0}, {}});
  g.vpcs.push_back(v);
  g.nodes.push_back({"r0", {graph::Shape::LoadBalancer, hostile, {hostile}}, 0});
  g.edges.push_back({"internet", "r0", hostile, 0});
  const std::string dot = graph::render_dot(g);
  const std::string mermaid = graph::render_mermaid(g);
  for (const std::string* out : {&dot, &mermaid}) {
    CHECK_FALSE(archc::test::contains(*out, "a\"b"));
    CHECK_FALSE(archc::test::contains(*out, "\x1b"));
    CHECK_FALSE(archc::test::contains(*out, "\xff"));
    CHECK_FALSE(archc::test::contains(*out, "i\nj"));
  }
  CHECK(archc::test::contains(dot, "  vpc0_igw -> r0 [label=<" + graph::dot_html(hostile) + ">, constraint=false];\n"));
  CHECK(archc::test::contains(dot, "<B>" + graph::dot_html(hostile) + "</B>"));
  CHECK(archc::test::contains(mermaid, "  vpc0_igw -->|\"" + graph::mermaid_text(hostile) + "\"| r0\n"));
  CHECK(archc::test::contains(mermaid, "r0[\"<b>" + graph::mermaid_text(hostile) + "</b><br/>"));

  // Graphviz reads the DOT back as one graph, with the text intact.
  if (!graph::find_dot().empty()) {
    const graph::SvgResult svg = graph::render_svg(dot);
    CHECK(svg.error == "");
    CHECK(archc::test::contains(svg.svg, "a&quot;b]c[d|e&lt;f&gt;g&amp;h&#39;i&lt;U+000A&gt;j"));
  }
}

TEST_CASE("port labels", "[graph]") {
  CHECK(graph::port_label({{80, 80, {}}}) == "TCP 80");
  CHECK(graph::port_label({{80, 80, {}}, {443, 443, {}}, {1024, 2047, {}}}) == "TCP 80, 443, 1024-2047");
}

TEST_CASE("archc graph: formats, errors, --format svg without dot", "[graph][cli]") {
  using archc::test::archc;
  using archc::test::contains;
  const std::string sample = archc::test::quote(archc::test::kSample);
  const auto mermaid = archc("graph " + sample);
  CHECK(mermaid.status == 0);
  CHECK(mermaid.out.rfind("flowchart TB\n", 0) == 0);
  const auto dot = archc("graph " + sample + " --format dot");
  CHECK(dot.status == 0);
  CHECK(contains(dot.out, "digraph archc {"));
  CHECK(archc("graph " + sample + " --format png").status == 2);

  // Without dot on PATH: exit 2 and the sentence, nothing on stdout.
  const std::string no_dot =
      "archc: error: --format svg needs Graphviz's dot program, which is not on PATH (Debian: apt-get install "
      "graphviz)\n";
  archc::test::TempDir io;
  const int raw =
      std::system(fmt::format("PATH=/nonexistent {} graph {} --format svg >{} 2>{}", archc::test::quote(ARCHC_BINARY),
                              sample, archc::test::quote(io / "out"), archc::test::quote(io / "err"))
                      .c_str());
  REQUIRE(WIFEXITED(raw));
  const archc::test::Run without{WEXITSTATUS(raw), archc::test::read(io / "out"), archc::test::read(io / "err")};
  CHECK(without.status == 2);
  CHECK(without.err == no_dot);
  CHECK(without.out == "");

  // A dot that fails: its status and the first line of its message.
  const std::string bin = io / "bin";
  std::filesystem::create_directory(bin);
  archc::test::write(bin + "/dot",
                     "#!/bin/sh\n/bin/cat >/dev/null; printf 'Error: no \\033 way\\nmore\\n' >&2; exit 3\n");
  REQUIRE(::chmod((bin + "/dot").c_str(), 0755) == 0);
  const int failed = std::system(fmt::format("PATH={} {} graph {} --format svg >{} 2>{}", archc::test::quote(bin),
                                             archc::test::quote(ARCHC_BINARY), sample, archc::test::quote(io / "out"),
                                             archc::test::quote(io / "err"))
                                     .c_str());
  REQUIRE(WIFEXITED(failed));
  CHECK(WEXITSTATUS(failed) == 2);
  CHECK(archc::test::read(io / "err") == "archc: error: dot failed (exit 3): Error: no <U+001B> way\n");
  CHECK(archc::test::read(io / "out") == "");

  // A file with errors draws nothing.
  archc::test::TempDir dir;
  archc::test::write(dir / "bad.arch", "vpc \"v\" { cidr = 5 }\n");
  const auto bad = archc("graph " + archc::test::quote(dir / "bad.arch"));
  CHECK(bad.status == 1);
  CHECK(bad.out == "");
}

TEST_CASE("archc graph --help is what docs/graph.md shows", "[graph][cli]") {
  std::ifstream in(std::string(ARCHC_SOURCE_DIR) + "/docs/graph.md");
  std::stringstream doc;
  doc << in.rdbuf();
  const std::string text = doc.str();
  const std::string open = "<!-- archc graph --help -->\n```\n";
  const std::size_t begin = text.find(open);
  REQUIRE(begin != std::string::npos);
  const std::size_t end = text.find("```\n", begin + open.size());
  REQUIRE(end != std::string::npos);
  const auto help = archc::test::archc("graph --help");
  CHECK(help.status == 0);
  CHECK(help.out == text.substr(begin + open.size(), end - begin - open.size()));
}

TEST_CASE("every sample: the gateways drawn are the plan's, which the deploy tests hold to what is deployed",
          "[graph]") {
  for (const auto& entry : std::filesystem::directory_iterator(std::string(ARCHC_SOURCE_DIR) + "/samples")) {
    if (entry.path().extension() != ".arch") continue;
    INFO(entry.path().string());
    auto c = compile(archc::test::read(entry.path().string()));
    REQUIRE(error_briefs(c->diags) == Strings{});
    const graph::Graph g = graph::make_graph(c->model);
    const archc::plan::Plan p = archc::plan::make_plan(c->model);
    REQUIRE(g.vpcs.size() == p.vpcs.size());
    for (std::size_t v = 0; v < g.vpcs.size(); ++v) {
      CHECK(g.vpcs[v].internet_gateway.empty() == !p.vpcs[v].internet_gateway.has_value());
      Strings drawn, planned;
      for (const auto& tier : g.vpcs[v].tiers)
        for (const auto& s : tier.subnets)
          if (s.nat_gateway) drawn.push_back(s.zone + " " + s.cidr);
      for (const auto& nat : p.vpcs[v].nat_gateways)
        for (const auto& tier : p.vpcs[v].tiers)
          for (const auto& s : tier.subnets)
            if (s.name == nat.subnet) planned.push_back(s.zone + " " + s.cidr);
      CHECK(drawn == planned);
      CHECK_FALSE(drawn.empty());
    }
  }
}
