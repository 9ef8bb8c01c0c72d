#!/usr/bin/env python3
"""Regenerates archc's AWS catalogues from the data cfn-lint publishes.

cfn-lint ships what AWS's APIs answer (DescribeInstanceTypes,
DescribeDBEngineVersions, DescribeOrderableDBInstanceOptions) as JSON
schemas, refreshed with each release. archc checks against the same data
its templates are linted with, so an instance type, a DB instance class or
an engine version archc accepts is one cfn-lint (and AWS) accepts too.

Writes stdlib/instance_types.json and stdlib/db_instance_classes.json, and
the "versions" of each engine in stdlib/engines.json (its other keys, and
"default_version", are kept as written by hand).

Usage: stdlib/refresh_catalogues.py   (with cfn-lint installed: pip install cfn-lint)
Then review the diff, rebuild, and run the tests: the pinned versions reach
the goldens.
"""
import importlib.metadata
import json
import os
import re

import cfnlint

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMAS = os.path.join(os.path.dirname(cfnlint.__file__), "data", "schemas", "extensions")
VERSION = importlib.metadata.version("cfn-lint")
SIZE_ORDER = ["nano", "micro", "small", "medium", "large", "xlarge"]


def load(path):
    with open(os.path.join(SCHEMAS, path)) as f:
        return json.load(f)


def size_key(size):
    """nano < micro < ... < xlarge < 2xlarge < 4xlarge < ... < metal and others."""
    if size in SIZE_ORDER:
        return (0, SIZE_ORDER.index(size), size)
    m = re.fullmatch(r"(\d+)xlarge", size)
    return (1, int(m.group(1)), size) if m else (2, 0, size)


def by_family(names):
    """{"t3": ["nano", "micro", ...]} from ["t3.nano", ...]: the family is all but the last dot."""
    families = {}
    for name in names:
        family, size = name.rsplit(".", 1)
        families.setdefault(family, set()).add(size)
    return {f: sorted(s, key=size_key) for f, s in sorted(families.items())}


def write(name, comment, entries):
    """One entry a line; an entry's "versions" one major a line, for diffs that show what changed."""

    def entry(value):
        if not (isinstance(value, dict) and "versions" in value):
            return json.dumps(value)
        head = ", ".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in value.items() if k != "versions")
        majors = ",\n".join(f"    {json.dumps(m)}: {json.dumps(v)}" for m, v in value["versions"].items())
        return "{" + head + ', "versions": {\n' + majors + "}}"

    with open(os.path.join(HERE, name), "w") as f:
        f.write("{\n" + f'  "_comment": {json.dumps(comment)}')
        for key, value in entries.items():
            f.write(f",\n  {json.dumps(key)}: {entry(value)}")
        f.write("\n}\n")


def engine_rules(schema, engine, key):
    """The `then` enums of `schema` whose `if` names `engine`, with the `if`'s EngineVersion."""
    for rule in schema["allOf"]:
        props = rule["if"]["properties"]
        if props.get("Engine", {}).get("const") == engine and key in rule["then"]["properties"]:
            yield props.get("EngineVersion", {}), rule["then"]["properties"][key]["enum"]


def major(engine, version):
    """RDS's major version: 8.0 for MySQL 8.0.40, 10.11 for MariaDB 10.11.9, 16 for PostgreSQL 16.4."""
    parts = version.split("-")[0].split(".")
    return parts[0] if engine == "postgres" else ".".join(parts[:2])


def version_key(version):
    return [int(p) if p.isdigit() else p for p in re.split(r"[.-]", version)]


def orderable_classes(engine):
    """The DB instance classes some region offers `engine` on (db.c6gd, for Multi-AZ DB clusters only, is not)."""
    out = set()
    for region in load("aws_rds_dbinstance/dbinstanceclass_enum.json").values():
        for _, enum in engine_rules(region, engine, "DBInstanceClass"):
            out |= set(enum)
    return out


def engine_versions(engine, classes_by_pattern):
    current = next(enum for _, enum in engine_rules(load("aws_rds_dbinstance/engine_version.json"), engine,
                                                    "EngineVersion"))
    # cfn-lint warns on these: each rule's `if` lists them, its `then` refuses.
    deprecated = {v for rule in load("aws_rds_dbinstance/engine_version_deprecated.json")["allOf"]
                  if rule["if"]["properties"]["Engine"].get("const") == engine
                  for v in rule["if"]["properties"]["EngineVersion"]["enum"]}
    orderable = orderable_classes(engine)
    majors = {}
    for version in current:
        if version in deprecated:
            continue
        classes = next((c for pattern, c in classes_by_pattern if re.fullmatch(pattern, version)), None)
        if classes is None:  # AWS offers no instance class for it any more
            continue
        majors.setdefault(major(engine, version), []).append((version, classes))
    out = {}
    for m, versions in sorted(majors.items(), key=lambda kv: version_key(kv[0])):
        versions.sort(key=lambda vc: version_key(vc[0]))
        # Pinned: the newest release that is not an extended-support build (those carry a "-rds." date).
        plain = [vc for vc in versions if "-" not in vc[0]] or versions
        pinned, classes = plain[-1]
        out[m] = {
            "pinned": pinned,
            "versions": [v for v, _ in versions],
            "classes": sorted(c for c in classes if c in orderable),
        }
    return out


def main():
    ec2 = load("aws_ec2_instance/instancetype_enum.json")["all"]["enum"]
    write("instance_types.json",
          f"EC2 instance types by family, as AWS DescribeInstanceTypes lists them (all regions), "
          f"from cfn-lint {VERSION}'s schemas; regenerate with refresh_catalogues.py.",
          by_family(ec2))

    engines_path = os.path.join(HERE, "engines.json")
    with open(engines_path) as f:
        engines = json.load(f)
    class_schema = load("aws_rds_dbinstance/db_instance_class.json")
    all_classes = set()
    for name, info in engines.items():
        if name == "_comment":
            continue
        rules = [(pattern.get("pattern", ".*"), enum) for pattern, enum in
                 engine_rules(class_schema, info["engine"], "DBInstanceClass")]
        info["versions"] = engine_versions(info["engine"], rules)
        for v in info["versions"].values():
            all_classes |= set(v["classes"])
    known = sorted(all_classes)
    write("engines.json", engines.pop("_comment"), engines)
    write("db_instance_classes.json",
          f"RDS DB instance classes by family, as AWS DescribeOrderableDBInstanceOptions lists them for "
          f"MySQL, MariaDB and PostgreSQL, from cfn-lint {VERSION}'s schemas; regenerate with refresh_catalogues.py.",
          by_family(known))


if __name__ == "__main__":
    main()
