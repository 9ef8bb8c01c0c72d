#!/usr/bin/env python3
"""e2e: the comparison itself. Deploys a sample's template with one
deliberate fault, the last zone's private route table sent to the first
zone's NAT gateway, and checks that the comparison reports exactly that.

usage: broken_route.py --archc BINARY SAMPLE.arch   (a per-zone NAT sample)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cfn_yaml  # noqa: E402
import compare  # noqa: E402
import harness  # noqa: E402


def _name(resource):
    return {t["Key"]: t["Value"] for t in resource["Properties"].get("Tags") or []}.get("Name")


def point_route_at(text, route_table, nat):
    """The template with the default route of `route_table` sent to `nat`
    (both Name tags), edited as text so everything else stays byte-equal."""
    resources = cfn_yaml.load(text)["Resources"]
    logical = {_name(r): lid for lid, r in resources.items() if r["Type"] != "AWS::EC2::Route" and _name(r)}
    route = next(lid for lid, r in resources.items() if r["Type"] == "AWS::EC2::Route"
                 and r["Properties"]["RouteTableId"] == {"Ref": logical[route_table]})
    old = resources[route]["Properties"]["NatGatewayId"]["Ref"]
    lines = text.splitlines(keepends=True)
    start = lines.index(f"  {route}:\n")
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("   "))
    block = "".join(lines[start:end])
    if block.count(f"Ref: {old}\n") != 1:
        raise harness.Failure(f"cannot find the NAT reference in {route}:\n{block}")
    return "".join(lines[:start]) + block.replace(f"Ref: {old}\n", f"Ref: {logical[nat]}\n") + "".join(lines[end:])


def main():
    args, plan = harness.sample_and_plan(__doc__)
    vpc = next(v for v in plan["vpcs"] if v["nat"] == "per-zone" and len(v["nat_gateways"]) > 1)
    table = next(t for t in reversed(vpc["route_tables"])
                 if t["default_route"] and t["default_route"]["target"] == "nat-gateway")
    wrong_nat = vpc["nat_gateways"][0]["name_tag"]
    broken = point_route_at(harness.archc(args.archc, "build", args.sample), table["name_tag"], wrong_nat)
    want = [f"route_tables[{table['name_tag']}][default_route]: "
            f"plan says {table['default_route']['gateway']!r}, deployed is {wrong_nat!r}"]

    with harness.moto_server() as url:
        client = harness.clients(url, plan["stack"]["region"])
        differences, _ = compare.deploy_and_compare(client, plan["stack"]["name"], broken, plan)
    print("the comparison reported:" + "".join(f"\n  {d}" for d in differences))
    if differences != want:
        print("FAIL: expected exactly:" + "".join(f"\n  {d}" for d in want))
        return 1
    print("ok: the broken route, and nothing else, was found")
    return 0


if __name__ == "__main__":
    harness.run(main)
