#!/usr/bin/env python3
"""Property test: every name the language accepts builds to valid output.

Generates a handful of .arch files (fixed seed: the same files every run)
whose few hundred block names are random: letters of both cases, digits,
`_` and `-`, often leading with a digit, an underscore or a hyphen. Names
that would share a logical id are left out (the name-collision error is
tested on its own). Every file must build, and then:
- cfn-lint accepts each CloudFormation template: no errors, no warnings but
  W3010 (hard-coded zones, on purpose), as in tests/golden/cfn_lint.py;
- the shared tf-schema-check --strict accepts each Terraform configuration;
- when terraform and a hashicorp/aws provider mirror are found
  (../terraform/offline_terraform.py: ARCHC_TERRAFORM_MIRROR, the directory
  holding registry.terraform.io/, or a usual place), `terraform validate`
  accepts each configuration too; without them that part is skipped, loudly.

Without cfn-lint or tf-schema-check the test is skipped (exit 77), except
when CI=true, where it fails.

Usage: names_property.py ARCHC TF_SCHEMA_CHECK WORKDIR
"""
import json
import os
import random
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "terraform"))
import offline_terraform  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from missing_tool import missing  # noqa: E402

SEED = 20240807
FILES = 8
ALLOWED_CFN = {"W3010"}
CFN_ERRORS, CFN_WARNINGS, CFN_INFORMATIONAL = 2, 4, 8
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
ALPHABET = LETTERS + "0123456789_-"


def word(name):
    """model/logical_id.cpp's word(), to keep generated names apart."""
    return "".join(run[0].upper() + run[1:] for run in re.findall(r"[A-Za-z0-9]+", name))


def leading_word(name):
    w = word(name)
    return w if w[:1].isalpha() else "N" + w


class Names:
    """Random names, none sharing a logical-id word with another in its scope."""

    def __init__(self, rng):
        self.rng = rng
        self.taken = set()
        self.count = 0

    def fresh(self, scope, key=leading_word, referable=False):
        while True:
            length = self.rng.randint(1, 14)
            # A reference (vpc.NAME) needs an identifier: no digit or hyphen
            # first. The other names start with one half the time.
            if referable:
                first = self.rng.choice(LETTERS + "_")
            else:
                first = self.rng.choice("0123456789_-" if self.rng.random() < 0.5 else LETTERS)
            name = first + "".join(self.rng.choice(ALPHABET) for _ in range(length - 1))
            if "->" in name or (referable and name.endswith("-")):
                continue
            if (scope, key(name)) not in self.taken:
                self.taken.add((scope, key(name)))
                self.count += 1
                return name


def quote(name):
    return '"' + name + '"'


def generate(rng, index):
    """One file: four VPCs; in three of them a chained alb, asg and rds and
    more asgs and rdss nothing refers to; all with random names."""
    names = Names(rng)
    lines = ['stack "names%d" { region = "us-east-1" }' % index]
    vpcs = []
    for v in range(4):
        # Blocks that something refers to need identifiers; the others may be
        # any string, `1lab` included.
        vpc = names.fresh("vpc", referable=v < 3)
        tiers = [names.fresh("tier", key=lambda t, vpc=vpc: leading_word(vpc) + word(t), referable=True)
                 for _ in range(3)]
        vpcs.append((vpc, tiers))
        lines += ["vpc %s {" % quote(vpc),
                  '  cidr  = "10.%d.0.0/16"' % (index * 4 + v),
                  '  zones = ["a", "b"]',
                  "  subnet %s { public = true, size = 24 }" % quote(tiers[0]),
                  "  subnet %s { size = 24 }" % quote(tiers[1]),
                  "  subnet %s { isolated = true, size = 24 }" % quote(tiers[2]),
                  "}"]
    chain = []
    for vpc, (public, app, db) in vpcs[:3]:
        asg = names.fresh("asg", referable=True)
        rds = names.fresh("rds", referable=True)
        alb = names.fresh("alb", referable=True)
        listeners = [names.fresh("listener", key=lambda l, alb=alb: leading_word(alb) + "Alb" + word(l))
                     for _ in range(2)]
        lines += ["alb %s {" % quote(alb),
                  "  subnets = vpc.%s.%s" % (vpc, public),
                  "  listener %s { port = 80, forward = asg.%s }" % (quote(listeners[0]), asg),
                  "  listener %s { port = 8080, forward = asg.%s }" % (quote(listeners[1]), asg),
                  "}",
                  "asg %s { subnets = vpc.%s.%s, min = 2, max = 2, desired = 2 }" % (quote(asg), vpc, app),
                  "rds %s { subnets = vpc.%s.%s, multi_az = true }" % (quote(rds), vpc, db)]
        chain += ["  internet -> alb.%s : http, 8080" % alb,
                  "  alb.%s -> asg.%s : http" % (alb, asg),
                  "  asg.%s -> rds.%s : mysql" % (asg, rds),
                  "  vpc.%s.%s -> asg.%s : 8080" % (vpc, app, asg)]
        # Resources nothing refers to, with any name.
        for _ in range(2):
            lines += ["asg %s { subnets = vpc.%s.%s }" % (quote(names.fresh("asg")), vpc, app),
                      "rds %s { subnets = vpc.%s.%s, multi_az = true }" % (quote(names.fresh("rds")), vpc, db)]
    lines += ["sg-chain %s {" % quote(names.fresh("chain"))] + chain + ["}"]
    return "\n".join(lines) + "\n", names.count


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def cfn_lint(cfn, templates):
    lint = run([cfn, "--format", "json", "--"] + templates)
    if lint.returncode & ~(CFN_ERRORS | CFN_WARNINGS | CFN_INFORMATIONAL):
        print("cfn-lint failed to run (exit %d):\n%s%s" % (lint.returncode, lint.stdout, lint.stderr))
        return 1
    bad = [f for f in json.loads(lint.stdout or "[]")
           if f["Level"] in ("Error", "Warning") and f["Rule"]["Id"] not in ALLOWED_CFN]
    for f in bad:
        print("FAILED cfn-lint %s %s %s line %d: %s" % (f["Filename"], f["Level"], f["Rule"]["Id"],
                                                       f["Location"]["Start"]["LineNumber"], f["Message"]))
    return 1 if bad else 0


def tf_schema_check(tool, configs):
    failures = 0
    for config in configs:
        p = run([tool, config, "--strict"])
        if p.returncode != 0:
            print("FAILED tf-schema-check %s:\n%s%s" % (config, p.stdout, p.stderr))
            failures += 1
    return failures


def terraform_validate(configs, workdir):
    """0 pass, 1 fail, None skipped."""
    found = offline_terraform.terraform()
    if not found:
        print("SKIPPED (this part only): terraform validate needs " + offline_terraform.needs())
        return None
    terraform, mirror = found
    root = os.path.join(workdir, "terraform")
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(root)
    env = offline_terraform.prepare(root, mirror)
    failures = 0
    for i, config in enumerate(configs):
        shutil.copy(config, os.path.join(root, "main.tf.json"))
        if i == 0:  # one provider install serves every configuration
            init = run([terraform, "init", "-backend=false", "-input=false", "-no-color"], cwd=root, env=env)
            if init.returncode != 0:
                print("FAILED terraform init:\n%s%s" % (init.stdout, init.stderr))
                return 1
        p = run([terraform, "validate", "-no-color"], cwd=root, env=env)
        if p.returncode != 0:
            print("FAILED terraform validate %s:\n%s%s" % (config, p.stdout, p.stderr))
            failures += 1
    return 1 if failures else 0


def main(archc, schema_check, workdir):
    cfn = shutil.which("cfn-lint")
    if cfn is None:
        return missing("cfn-lint is missing", "pip install cfn-lint")
    if not os.path.exists(schema_check):
        return missing(f"{schema_check} is missing", "the shared Terraform schema check")

    os.makedirs(workdir, exist_ok=True)
    rng = random.Random(SEED)
    templates, configs, total = [], [], 0
    for i in range(FILES):
        text, count = generate(rng, i)
        total += count
        source = os.path.join(workdir, "names%d.arch" % i)
        with open(source, "w") as f:
            f.write(text)
        for suffix, into in ((".yaml", templates), (".tf.json", configs)):
            out = source[:-len(".arch")] + suffix
            p = run([archc, "build", source, "-o", out])
            if p.returncode != 0:
                print("FAILED: archc build %s -o %s (exit %d):\n%s" % (source, out, p.returncode, p.stderr))
                return 1
            into.append(out)
    print("%d files, %d random names built" % (FILES, total))

    failed = cfn_lint(cfn, templates)
    failed += tf_schema_check(schema_check, configs)
    validated = terraform_validate(configs, workdir)
    failed += validated or 0
    if failed:
        return 1
    print("cfn-lint and tf-schema-check --strict%s accept every file"
          % ("" if validated is None else " and terraform validate"))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
