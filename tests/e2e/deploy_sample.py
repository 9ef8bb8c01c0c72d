#!/usr/bin/env python3
"""e2e: deploys one sample's CloudFormation stack on a local moto server and
checks that what was created is what `archc plan --format json` says.

usage: deploy_sample.py --archc BINARY SAMPLE.arch
Exit 0 when they agree, 1 on any difference, 77 (skip) without moto/boto3.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cfn_yaml  # noqa: E402
import compare  # noqa: E402
import harness  # noqa: E402
import template_checks  # noqa: E402


def main():
    args, plan = harness.sample_and_plan(__doc__)
    text = harness.archc(args.archc, "build", args.sample)
    found = [f"template: {p}" for p in template_checks.problems(cfn_yaml.load(text), plan)]
    with harness.moto_server() as url:
        client = harness.clients(url, plan["stack"]["region"])
        differences, notes = compare.deploy_and_compare(client, plan["stack"]["name"], text, plan)
    found += [f"deployed: {d}" for d in differences]

    for note in notes:
        print(f"note: {note}")
    for line in found:
        print(line)
    name = os.path.basename(args.sample)
    if found:
        print(f"FAIL {name}: {len(found)} difference(s) between the plan and the stack")
        return 1
    print(f"ok {name}: the stack deployed in {plan['stack']['region']} is what the plan says")
    return 0


if __name__ == "__main__":
    harness.run(main)
