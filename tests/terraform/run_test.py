#!/usr/bin/env python3
"""Driver of the Terraform backend's ctest tests (tests/terraform/CMakeLists.txt).

  run_test.py schema      ARCHC SAMPLE.arch WORKDIR   our checker on the sample's .tf.json
  run_test.py equivalence ARCHC SAMPLE.arch WORKDIR   CloudFormation and Terraform describe the same stack
  run_test.py oracle      ARCHC SAMPLE.arch WORKDIR TOOL   the shared tf-schema-check, --strict
  run_test.py checker-catches-mistakes               check_schema.py fails each fixtures/broken-*.tf.json
  run_test.py equivalence-catches-changes ARCHC SAMPLE.arch WORKDIR
                                                      equivalence.py fails on altered Terraform output

Exit 0 pass, 1 fail, 77 skipped (a missing optional tool; CI=true makes that a failure).
"""
import copy
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SKIP = 77


def skip(reason):
    if os.environ.get("CI") == "true":
        print("FAILED (CI=true, nothing may be skipped): %s" % reason)
        return 1
    print("SKIPPED: %s" % reason)
    return SKIP


def run(args):
    """Runs a command, echoing it and its output; returns the completed process."""
    print("$ " + " ".join(args))
    p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sys.stdout.write(p.stdout)
    return p


def build(archc, sample, workdir, suffix):
    os.makedirs(workdir, exist_ok=True)
    out = os.path.join(workdir, os.path.basename(sample).rsplit(".", 1)[0] + suffix)
    if run([archc, "build", sample, "-o", out]).returncode != 0:
        raise SystemExit("FAILED: archc could not build %s" % sample)
    return out


def have_yaml():
    try:
        import yaml  # noqa: F401  (only whether it imports)
        return True
    except ImportError:
        return False


def script(name):
    return [sys.executable, os.path.join(HERE, name)]


def schema(archc, sample, workdir):
    return run(script("check_schema.py") + [build(archc, sample, workdir, ".tf.json")]).returncode


def equivalence(archc, sample, workdir):
    if not have_yaml():
        return skip("python3 has no PyYAML (pip install pyyaml): cannot read the CloudFormation template")
    yaml_out, tf_out = build(archc, sample, workdir, ".yaml"), build(archc, sample, workdir, ".tf.json")
    return run(script("equivalence.py") + [yaml_out, tf_out]).returncode


def oracle(archc, sample, workdir, tool):
    if not os.path.exists(tool):
        return skip("%s is missing: the shared Terraform schema check did not run" % tool)
    return run([tool, build(archc, sample, workdir, ".tf.json"), "--strict"]).returncode


def checker_catches_mistakes():
    """Every fixture states the problem it must raise in its "//" key."""
    failures = 0
    for fixture in sorted(glob.glob(os.path.join(HERE, "fixtures", "*.tf.json"))):
        with open(fixture) as f:
            note = json.load(f).get("//", "")
        p = run(script("check_schema.py") + [fixture])
        if os.path.basename(fixture).startswith("broken-"):
            expected = note.split("expect: ", 1)[1]
            ok = p.returncode == 1 and any(line.startswith(expected) for line in p.stdout.splitlines())
            if not ok:
                print("FAILED: %s should report `%s...`" % (fixture, expected))
        else:
            ok = p.returncode == 0 and not p.stdout
            if not ok:
                print("FAILED: %s should pass" % fixture)
        failures += not ok
    return 1 if failures else 0


# Changes to Terraform output that equivalence.py must notice, each with what it says.
def first(config, tf_type):
    return next(iter(config["resource"][tf_type].values()))


def from_documentation_cidr(config):
    rule = first(config, "aws_vpc_security_group_ingress_rule")
    rule.pop("referenced_security_group_id", None)
    rule["cidr_ipv4"] = "192.0.2.0/24"


ALTERATIONS = {
    "subnet CIDR": (lambda c: first(c, "aws_subnet").update(cidr_block="10.255.255.0/24"), "cidr differs"),
    "listener port": (lambda c: first(c, "aws_lb_listener").update(port=8081), "port differs"),
    "ingress source": (from_documentation_cidr, "source differs"),
    "dropped route": (lambda c: c["resource"]["aws_route"].pop(next(iter(c["resource"]["aws_route"]))),
                      "only in CloudFormation: route"),
    "asg max": (lambda c: first(c, "aws_autoscaling_group").update(max_size=99), "max differs"),
}


def equivalence_catches_changes(archc, sample, workdir):
    if not have_yaml():
        return skip("python3 has no PyYAML (pip install pyyaml): cannot read the CloudFormation template")
    yaml_out, tf_out = build(archc, sample, workdir, ".yaml"), build(archc, sample, workdir, ".tf.json")
    with open(tf_out) as f:
        config = json.load(f)
    failures = 0
    for what, (alter, expected) in ALTERATIONS.items():
        altered = copy.deepcopy(config)
        alter(altered)
        path = os.path.join(workdir, "altered-" + what.replace(" ", "-") + ".tf.json")
        with open(path, "w") as f:
            json.dump(altered, f, indent=2)
        p = run(script("equivalence.py") + [yaml_out, path])
        if p.returncode != 1 or expected not in p.stdout:
            print("FAILED: equivalence.py did not report the altered %s (expected `%s`)" % (what, expected))
            failures += 1
    return 1 if failures else 0


def main():
    commands = {"schema": schema, "equivalence": equivalence, "oracle": oracle,
                "checker-catches-mistakes": checker_catches_mistakes,
                "equivalence-catches-changes": equivalence_catches_changes}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    return commands[sys.argv[1]](*sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
