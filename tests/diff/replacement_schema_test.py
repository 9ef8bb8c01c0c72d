#!/usr/bin/env python3
"""archc diff's replacement table (docs/diff.md, "The replacement table",
which the unit tests hold to src/diff/replacement.cpp) against the
CloudFormation resource provider schemas that cfn-lint ships: a property
whose change replaces its resource is one the schema lists in
`createOnlyProperties` (or `conditionalCreateOnlyProperties`, where the
replacement depends on the values). Checked both ways:

- every row of the table is create-only, or conditionally so, in its type's
  schema: the table claims no replacement that CloudFormation does not do;
- every property archc writes in the CloudFormation of the samples that
  the schema lists as create-only is in the table: no replacement is missed.

Without cfn-lint the test is skipped (exit 77), and fails when CI=true.

Usage: replacement_schema_test.py ARCHC SOURCE_DIR
"""
import os
import re
import subprocess
import sys
import tempfile

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from missing_tool import missing  # noqa: E402

REGION = "us-east-1"  # cfn-lint's reference region; the schemas' create-only lists do not vary by region


def table(diff_md):
    """The rows (type, property, terraform) of docs/diff.md's table."""
    with open(diff_md, encoding="utf-8") as f:
        text = f.read()
    section = text.split("## The replacement table", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([A-Za-z0-9:]+)` \| `([A-Za-z0-9]+)` \| (?:`([a-z0-9_.]+)`|—) \|$", section, re.M)
    if not rows:
        sys.exit(f"{diff_md}: no rows in the replacement table")
    return rows


def written(archc, source):
    """(type, property) of every resource property in the samples' CloudFormation."""
    out = set()
    samples = os.path.join(source, "samples")
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(os.listdir(samples)):
            if not name.endswith(".arch"):
                continue
            path = os.path.join(tmp, name + ".yaml")
            subprocess.run([archc, "build", os.path.join(samples, name), "-o", path], check=True)
            with open(path, encoding="utf-8") as f:
                template = yaml.safe_load(f)
            for resource in template["Resources"].values():
                for prop in resource.get("Properties", {}):
                    out.add((resource["Type"], prop))
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    archc, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    try:
        from cfnlint.schema import PROVIDER_SCHEMA_MANAGER
    except ImportError:
        return missing("cfn-lint is not installed (pip install cfn-lint)", "its provider schemas are the reference")

    def create_only(resource_type):
        schema = PROVIDER_SCHEMA_MANAGER.get_resource_schema(REGION, resource_type).schema
        names = lambda key: {p.split("/")[-1] for p in schema.get(key, []) if p.count("/") == 2}
        return names("createOnlyProperties"), names("conditionalCreateOnlyProperties")

    failures = []
    rows = table(os.path.join(source, "docs", "diff.md"))
    listed = {(t, p) for t, p, _ in rows}
    for resource_type, prop, _ in rows:
        always, sometimes = create_only(resource_type)
        if prop not in always | sometimes:
            failures.append(f"{resource_type}.{prop} is in the table, but CloudFormation updates it in place")
    for resource_type, prop in sorted(written(archc, source)):
        always, _ = create_only(resource_type)
        if prop in always and (resource_type, prop) not in listed:
            failures.append(f"{resource_type}.{prop}: archc writes it and CloudFormation replaces the resource "
                            "when it changes, but the table does not say so")
    for f in failures:
        print(f"FAILED: {f}", file=sys.stderr)
    if failures:
        return 1
    print(f"{len(rows)} rows held to cfn-lint's provider schemas ({REGION}); every create-only property written is listed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
