#!/usr/bin/env python3
"""Extract the schema of a few hashicorp/aws types from @cdktf/provider-aws.

Usage: extract_schema.py PACKAGE_DIR TYPE... > aws_schema_subset.json

The npm package does not ship the provider's `terraform providers schema
-json` output; it ships the jsii assembly (PACKAGE_DIR/.jsii) generated from
it, which keeps what a configuration checker needs:
  * one class per resource / data source, whose doc links name the Terraform
    type ("... {@link .../docs/resources/vpc aws_vpc}");
  * its config interface: one property per configurable argument, with the
    Terraform name in the doc link ("#cidr_block"), `optional` unless the
    argument is required, and "NAME block." in the summary for nested blocks;
  * the class's read-only getters: every attribute the type exports,
    including the computed-only ones (those not in the config interface).
A TYPE is `aws_x` for a resource, `data.aws_x` for a data source; the provider
configuration itself is always included.

Recorded per type: attributes {name: {type, required|optional|computed}} and
blocks {name: {min_items, max_items, attributes, blocks}}. jsii does not
distinguish list from set, nor optional from optional+computed; neither
matters to a JSON configuration.
"""
import json
import re
import sys

TYPE_LINK = re.compile(r"\{@link https://registry\.terraform\.io/providers/hashicorp/aws/([^/]+)/docs/"
                       r"(resources|data-sources)/(\w+) ")
ARGUMENT_LINK = re.compile(r"\{@link https://registry\.terraform\.io/providers/hashicorp/aws/[^#\s]*#(\w+) ")


def snake(camel):
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", camel).lower()


def unwrap(t):
    """cdktf writes `boolean | IResolvable`, `IResolvable | Struct[]`: drop IResolvable."""
    if "union" in t:
        rest = [u for u in t["union"]["types"] if u.get("fqn") != "cdktf.IResolvable"]
        return unwrap(rest[0])
    return t


def type_name(t):
    t = unwrap(t)
    if "primitive" in t:
        return {"string": "string", "number": "number", "boolean": "bool", "any": "dynamic"}[t["primitive"]]
    if "collection" in t:
        kind = "map" if t["collection"]["kind"] == "map" else "list"
        return "%s(%s)" % (kind, type_name(t["collection"]["elementtype"]))
    return "object"


def struct_fqn(t):
    """The struct a property holds (directly or as array elements), or None."""
    t = unwrap(t)
    if "collection" in t:
        t = unwrap(t["collection"]["elementtype"])
    return t.get("fqn")


def terraform_name(prop):
    m = ARGUMENT_LINK.search(prop["docs"].get("summary", "") + " " + prop["docs"].get("remarks", ""))
    return m.group(1) if m else snake(prop["name"])


def body(types, fqn):
    """Attributes and nested blocks of a config interface or block struct."""
    attributes, blocks = {}, {}
    for prop in types[fqn].get("properties", []):
        name = terraform_name(prop)
        if prop["docs"].get("summary", "").startswith(name + " block."):
            nested = body(types, struct_fqn(prop["type"]))
            single = "collection" not in unwrap(prop["type"])
            nested["min_items"] = 0 if prop.get("optional") else 1
            if single:
                nested["max_items"] = 1
            blocks[name] = nested
        else:
            attributes[name] = {"type": type_name(prop["type"]),
                                "optional" if prop.get("optional") else "required": True}
    return {"attributes": attributes, "blocks": blocks}


def type_schema(types, cls):
    """The config interface's arguments, plus the class's other read-only
    getters: the computed-only attributes."""
    config = cls["initializer"]["parameters"][2]["type"]["fqn"]
    schema = body(types, config)
    configurable = {p["name"] for p in types[config]["properties"]}
    for prop in cls.get("properties", []):
        name = prop["name"]
        if prop.get("static") or not prop.get("immutable") or name.endswith("Input") or name in configurable:
            continue
        schema["attributes"].setdefault(snake(name), {"type": type_name(prop["type"]), "computed": True})
    return schema


def main():
    package_dir, wanted = sys.argv[1], sys.argv[2:]
    with open(package_dir + "/.jsii") as f:
        types = json.load(f)["types"]
    classes, versions = {}, set()
    for t in types.values():
        summary = t.get("docs", {}).get("summary", "")
        m = TYPE_LINK.search(summary)
        if t.get("kind") == "class" and summary.startswith("Represents a") and m:
            versions.add(m.group(1))
            prefix = "data." if m.group(2) == "data-sources" else ""
            classes[prefix + "aws_" + m.group(3)] = t
    with open(package_dir + "/package.json") as f:
        package = json.load(f)
    out = {"source": "%s@%s" % (package["name"], package["version"]),
           "provider_version": " ".join(sorted(versions)),
           "provider": body(types, "@cdktf/provider-aws.provider.AwsProviderConfig"),
           "resources": {}, "data_sources": {}}
    for name in wanted:
        if name not in classes:
            sys.exit("extract_schema.py: %s is not in the package" % name)
        section, bare = ("data_sources", name[5:]) if name.startswith("data.") else ("resources", name)
        out[section][bare] = type_schema(types, classes[name])
    sys.stdout.write(pretty(out) + "\n")


def pretty(value, indent=""):
    """Indented JSON, one line per attribute: readable, and diffs stay small."""
    if not isinstance(value, dict) or not any(isinstance(v, dict) for v in value.values()):
        return json.dumps(value, sort_keys=True)
    inner = indent + " "
    items = ["%s%s: %s" % (inner, json.dumps(k), pretty(value[k], inner)) for k in sorted(value)]
    return "{\n" + ",\n".join(items) + "\n" + indent + "}"


if __name__ == "__main__":
    main()
