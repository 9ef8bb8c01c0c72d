#!/usr/bin/env python3
"""cfn-lint over every engine version and DB instance class family of stdlib/engines.json.

archc accepts a class for a major version when stdlib/engines.json lists
its family there, and writes the major's pinned release. This builds one rds
per (engine, major version, class family), in the first class of the family
the major version offers, and passes when cfn-lint (whose data is
AWS's) finds no error and no warning but W3010 in any of them: every release
archc writes and every class it lets through is one AWS offers.

Skipped (exit 77) without cfn-lint, unless CI=true, where that fails.

Usage: cfn_lint_catalogue.py ARCHC STDLIB_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

from cfn_lint import SKIP, cfn_lint_or_skip, lint

PER_STACK = 40  # rds blocks a stack: about 4 resources each, under CloudFormation's 500


def first_of_each_family(classes):
    firsts = {}
    for c in classes:
        firsts.setdefault(c.rsplit(".", 1)[0], c)
    return firsts.values()


def stacks(stdlib):
    with open(os.path.join(stdlib, "engines.json")) as f:
        engines = json.load(f)
    blocks = []
    for name, engine in engines.items():
        if name == "_comment":
            continue
        for major, v in engine["versions"].items():
            for instance_class in first_of_each_family(v["classes"]):
                n = len(blocks)
                blocks.append(f'rds "db{n}" {{ subnets = vpc.v.db, engine = "{name}", version = "{major}", '
                              f'class = "{instance_class}" }}\n'
                              f'sg-chain "c{n}" {{ "10.0.0.0/16" -> rds.db{n} }}\n')
    head = ('stack "catalogue" { region = "us-east-1" }\n'
            'vpc "v" {\n  cidr = "10.0.0.0/16"\n  zones = ["a", "b"]\n  subnet "db" { size = 24 }\n}\n')
    return [head + "".join(blocks[i:i + PER_STACK]) for i in range(0, len(blocks), PER_STACK)], len(blocks)


def main(archc, stdlib):
    cfn_lint = cfn_lint_or_skip()
    if cfn_lint is None:
        return 1 if os.environ.get("CI") == "true" else SKIP
    sources, count = stacks(stdlib)
    with tempfile.TemporaryDirectory() as work:
        templates = []
        for i, text in enumerate(sources):
            source = os.path.join(work, f"catalogue{i}.arch")
            with open(source, "w") as f:
                f.write(text)
            templates.append(os.path.join(work, f"catalogue{i}.yaml"))
            build = subprocess.run([archc, "build", source, "-o", templates[-1]], capture_output=True, text=True)
            if build.returncode != 0:  # its warnings (rds-single-az ...) are no concern here; errors are
                print(build.stderr[-4000:], file=sys.stderr)
                return 1
        return lint(cfn_lint, templates, f"{count} engine version and class family pairs in {len(sources)} stacks")


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
