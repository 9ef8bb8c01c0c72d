#!/usr/bin/env python3
"""Draws one sample with `archc graph` and renders the drawing for real.

  render_test.py dot ARCHC SAMPLE      --format dot, rendered by Graphviz's dot -Tsvg
  render_test.py mermaid ARCHC SAMPLE  --format mermaid, rendered by Mermaid in headless
                                       Chromium (mermaid_render.mjs)

What the picture must name comes from `archc plan --format json`, not from the
drawing: every subnet's CIDR (and, in the SVG of Graphviz, in a node of its
own), and every ingress rule of every security group as an arrow from its
source (the internet, by the internet gateway when the VPC has one; a CIDR; a
resource; every subnet of a tier; the VPC) to the group's owner, labelled with
the rule's ports; and every internet gateway joined to the internet. Mermaid's SVG must name
every subnet and every edge label, and Mermaid must find no syntax error.

A missing tool (dot; node, chromium or tests/graph/node_modules from
.ci/install-deps) skips the test (exit 77) and says so, except when CI=true,
where it fails.

Usage: render_test.py dot|mermaid ARCHC SAMPLE
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from missing_tool import missing  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SVG = "{http://www.w3.org/2000/svg}"


# The order and the words of archc graph's port labels (src/graph/graph.cpp, port_label).
PROTOCOLS = {"tcp": "TCP", "udp": "UDP", "icmp": "ICMP", "all": "all traffic"}


def label(ports):
    """The label of an edge's ports, {protocol: [ports]}: `TCP 80, 443; UDP 1194`."""
    return "; ".join(name if protocol in ("icmp", "all") else f"{name} " + ", ".join(ports[protocol])
                     for protocol, name in PROTOCOLS.items() if protocol in ports)


def plan_of(archc, sample):
    return json.loads(subprocess.run([archc, "plan", sample, "--format", "json"], check=True,
                                     capture_output=True, text=True).stdout)


def expected_network(archc, sample):
    """What the plan says is drawn beside the chains: the gateway endpoints' titles, the
    peerings' labels (as their first words), and the egress rules to the internet or a
    CIDR as (owner, destination) → {protocol: [ports]}."""
    plan = plan_of(archc, sample)
    endpoints = [f"gateway-endpoint.{e['name']}" for e in plan["gateway_endpoints"]]
    peerings = [f"peering {p['name']}" for p in plan["peerings"]]
    egress = {}
    for group in plan["security_groups"]:
        for rule in group["egress"] or []:
            if rule["destination_cidr"] is None:
                continue
            port = str(rule["from_port"]) if rule["from_port"] == rule["to_port"] else \
                f"{rule['from_port']}-{rule['to_port']}"
            key = (group["owner"], rule["destination"])
            egress.setdefault(key, {}).setdefault(rule["protocol"], []).append(port)
    return endpoints, peerings, egress


def expected(archc, sample):
    """(subnet CIDRs, edges) from the plan; an edge is (source, owner, cidr) → {protocol: [ports]}."""
    plan = plan_of(archc, sample)
    cidrs = [s["cidr"] for v in plan["vpcs"] for t in v["tiers"] for s in t["subnets"]]
    edges = {}
    for group in plan["security_groups"]:
        for rule in group["ingress"]:
            port = str(rule["from_port"]) if rule["from_port"] == rule["to_port"] else \
                f"{rule['from_port']}-{rule['to_port']}"
            key = (rule["source"], group["owner"], rule["cidr"] if rule["source"].count(".") == 2 and
                   rule["source"].startswith("vpc.") else "")
            edges.setdefault(key, {}).setdefault(rule["protocol"], []).append(port)
    return cidrs, edges


def svg_graph(svg_text):
    """Graphviz SVG: {node id: its text}, [(from id, to id, label)]."""
    root = ET.fromstring(svg_text)
    nodes, edges = {}, []
    for g in root.iter(SVG + "g"):
        title = g.find(SVG + "title")
        text = "\n".join("".join(t.itertext()) for t in g.iter(SVG + "text"))
        if g.get("class") == "node":
            nodes[title.text] = text
        elif g.get("class") == "edge":
            tail, head = title.text.split("->")
            edges.append((tail, head, text))
    return nodes, edges


def check_dot(archc, sample, work):
    dot = shutil.which("dot")
    if dot is None:
        return missing("Graphviz's dot is not installed", "apt-get install graphviz")
    text = subprocess.run([archc, "graph", sample, "--format", "dot"], check=True, capture_output=True,
                          text=True).stdout
    run = subprocess.run([dot, "-Tsvg"], input=text, capture_output=True, text=True)
    if run.returncode != 0 or run.stderr:
        print(f"dot -Tsvg failed (exit {run.returncode}):\n{run.stderr}", file=sys.stderr)
        return 1
    with open(os.path.join(work, "graph.svg"), "w") as f:
        f.write(run.stdout)
    nodes, edges = svg_graph(run.stdout)
    cidrs, rules = expected(archc, sample)
    problems = []
    for cidr in cidrs:
        if not any(cidr in t.split("\n") for t in nodes.values()):
            problems.append(f"no node names subnet {cidr}")

    def names(node_id, source):
        lines = nodes.get(node_id, "").split("\n")
        if source == "internet":  # enters by the gateway of the target's VPC, joined to the internet
            return "Internet" in lines or "Internet gateway" in lines
        return source in lines

    for (source, owner, cidr), ports in rules.items():
        want = label(ports)
        found = [e for e in edges if names(e[1], owner) and e[2] == want and
                 (names(e[0], cidr) if cidr else names(e[0], source) or
                  (source.startswith("vpc.") and "every address of the VPC" in nodes.get(e[0], "")))]
        if not found:
            problems.append(f"no arrow {source}{' ' + cidr if cidr else ''} -> {owner} labelled {want!r}")
    endpoints, peerings, egress = expected_network(archc, sample)
    for title in endpoints:
        if not any(title in t.split("\n") for t in nodes.values()):
            problems.append(f"no node names {title}")
    for name in peerings:
        if not any(e[2] == name or e[2].startswith(name + ",") for e in edges):
            problems.append(f"no line is labelled {name!r}")
    for (owner, destination), ports in egress.items():
        want = label(ports)
        if not any(names(e[0], owner) and e[2] == want and
                   ("Internet" if destination == "internet" else destination) in nodes.get(e[1], "").split("\n")
                   for e in edges):
            problems.append(f"no egress arrow {owner} -> {destination} labelled {want!r}")
    gateways = [n for n, t in nodes.items() if t.split("\n") == ["Internet gateway"]]
    for gw in gateways:
        if not any(e[0] == "internet" and e[1] == gw for e in edges):
            problems.append(f"internet gateway {gw} is not joined to the internet")
    for p in problems:
        print(f"{sample}: {p}", file=sys.stderr)
    if problems:
        return 1
    print(f"{sample}: Graphviz drew {len(cidrs)} subnets and {len(rules)} chain edges "
          f"({len(nodes)} nodes, {len(edges)} edges in the SVG)")
    return 0


def check_mermaid(archc, sample, work):
    node = shutil.which("node")
    if node is None:
        return missing("node is not installed")
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not os.access(chromium, os.X_OK):
        return missing(f"chromium is not installed ({chromium})")
    if not os.path.isdir(os.path.join(HERE, "node_modules", "mermaid")) or \
            not os.path.isdir(os.path.join(HERE, "node_modules", "puppeteer-core")):
        return missing("the npm packages of tests/graph are not installed", "npm ci in tests/graph")
    mmd = os.path.join(work, os.path.basename(sample) + ".mmd")
    with open(mmd, "w") as f:
        f.write(subprocess.run([archc, "graph", sample], check=True, capture_output=True, text=True).stdout)
    run = subprocess.run([node, os.path.join(HERE, "mermaid_render.mjs"), mmd], capture_output=True, text=True,
                         env=dict(os.environ, CHROMIUM=chromium), timeout=240)
    sys.stdout.write(run.stdout)
    if run.returncode != 0:
        print(f"{sample}: Mermaid render failed (exit {run.returncode}):\n{run.stderr}", file=sys.stderr)
        return 1
    with open(mmd + ".svg") as f:
        svg = f.read()
    cidrs, rules = expected(archc, sample)
    problems = [f"the SVG does not name subnet {c}" for c in cidrs if c not in svg]
    if "Syntax error" in svg:
        problems.append("the SVG shows a syntax error")
    for (source, owner, cidr), ports in rules.items():
        want = label(ports)
        if want not in svg:
            problems.append(f"the SVG has no edge label {want!r} ({source} -> {owner})")
    endpoints, peerings, egress = expected_network(archc, sample)
    for text in endpoints + peerings + [label(ports) for ports in egress.values()]:
        if text not in svg:
            problems.append(f"the SVG does not show {text!r}")
    for p in problems:
        print(f"{sample}: {p}", file=sys.stderr)
    if problems:
        return 1
    print(f"{sample}: Mermaid drew {len(cidrs)} subnets and {len(rules)} chain edges")
    return 0


def main(mode, archc, sample):
    with tempfile.TemporaryDirectory() as work:
        return (check_dot if mode == "dot" else check_mermaid)(archc, sample, work)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
