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
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
ALLOWED = {"W3010"}
PER_STACK = 40  # rds blocks a stack: about 4 resources each, under CloudFormation's 500
ERRORS, WARNINGS, INFORMATIONAL = 2, 4, 8


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
    cfn_lint = shutil.which("cfn-lint")
    if cfn_lint is None:
        if os.environ.get("CI") == "true":
            print("cfn-lint is not installed and CI=true: failing", file=sys.stderr)
            return 1
        print("SKIPPED: cfn-lint is not installed (pip install cfn-lint); this test fails when CI=true")
        return SKIP
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
        lint = subprocess.run([cfn_lint, "--format", "json", "--", *templates], capture_output=True, text=True)
    if lint.returncode & ~(ERRORS | WARNINGS | INFORMATIONAL):
        print(f"cfn-lint failed to run (exit {lint.returncode}):\n{lint.stdout}{lint.stderr}", file=sys.stderr)
        return 1
    findings = json.loads(lint.stdout or "[]")
    bad = [f for f in findings if f["Level"] in ("Error", "Warning") and f["Rule"]["Id"] not in ALLOWED]
    for f in bad:
        print(f"{os.path.basename(f['Filename'])}:{f['Location']['Start']['LineNumber']}: {f['Rule']['Id']} "
              f"{f['Message'][:200]}", file=sys.stderr)
    print(f"{count} engine version and class family pairs in {len(sources)} stacks; {len(bad)} finding(s)")
    return 1 if bad or lint.returncode & ERRORS else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
