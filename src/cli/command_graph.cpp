#include <cstdio>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/standard_output.hpp"
#include "graph/graph.hpp"
#include "graph/graphviz.hpp"

namespace archc::cli {

namespace {

struct GraphOptions {
  std::string file, format = "mermaid";
};

int run_graph(const GraphOptions& o, const GlobalOptions& global) {
  auto c = load(o.file, global);
  if (!c) return kExitUsage;
  if (report(*c, global.color) > 0) return kExitDiagnostics;
  const graph::Graph g = graph::make_graph(c->model);
  std::string text;
  if (o.format == "mermaid") {
    text = graph::render_mermaid(g);
  } else if (o.format == "dot") {
    text = graph::render_dot(g);
  } else {
    const graph::SvgResult svg = graph::render_svg(graph::render_dot(g));
    if (!svg.error.empty()) {
      std::fprintf(stderr, "archc: error: %s\n", svg.error.c_str());
      return kExitUsage;
    }
    text = svg.svg;
  }
  StandardOutput out;
  out.stream() << text;
  return out.finish() ? kExitOk : kExitUsage;
}

}  // namespace

Registered add_graph_command(CLI::App& app, const GlobalOptions& global) {
  auto o = std::make_shared<GraphOptions>();
  auto* cmd = app.add_subcommand(
      "graph", "Check FILE and draw its architecture: VPCs, zones, subnets, gateways, endpoints, chain edges");
  cmd->add_option("FILE", o->file, "The .arch file (-: standard input)")->required();
  cmd->add_option("--format", o->format,
                  "mermaid (for Markdown, the default), dot (Graphviz) or svg (drawn by Graphviz's dot program, "
                  "which must be on PATH)")
      ->check(CLI::IsMember({"mermaid", "dot", "svg"}));
  cmd->footer(
      "Examples:\n"
      "  archc graph samples/lab-vpc.arch > lab.mmd\n"
      "  archc graph samples/lab-vpc.arch --format svg > lab.svg\n"
      "  archc graph samples/lab-vpc.arch --format dot | dot -Tpng -o lab.png\n"
      "See docs/graph.md for what is drawn.");
  return {cmd, [o, &global] { return run_graph(*o, global); }};
}

}  // namespace archc::cli
