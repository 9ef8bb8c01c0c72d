#!/usr/bin/env python3
"""Check a Terraform JSON configuration against aws_schema_subset.json.

Usage: check_schema.py CONFIG.tf.json [--schema SCHEMA.json]

Reports unknown resource and data source types, unknown arguments,
computed-only arguments that are set, missing required arguments and blocks,
blocks and attributes given the wrong JSON shape, and `${TYPE.NAME.ATTR}`
references to undeclared resources or to attributes the type does not
export. Exit 0 when clean, 1 with one `path: problem` line per problem,
2 when the input cannot be read.

The schema covers only what archc emits (see regen_schema.sh): a type it
does not know is reported, which is the signal to regenerate it.
"""
import argparse
import json
import os
import re
import sys

TOP_LEVEL = {"terraform", "provider", "variable", "locals", "data", "ephemeral", "resource", "output"}
# The ephemeral resources archc writes, which the npm package the subset is
# taken from (regen_schema.sh) does not describe: their arguments and
# attributes as the AWS provider's documentation lists them
# (ephemeral-resources/secretsmanager_random_password).
EPHEMERAL = {
    "aws_secretsmanager_random_password": {"attributes": {
        **{name: {"optional": True, "type": "bool"} for name in (
            "exclude_lowercase", "exclude_numbers", "exclude_punctuation", "exclude_uppercase", "include_space",
            "require_each_included_type")},
        "exclude_characters": {"optional": True, "type": "string"},
        "password_length": {"optional": True, "type": "number"},
        "region": {"optional": True, "type": "string"},
        "random_password": {"computed": True, "type": "string"}}, "blocks": {}},
}
META_ARGUMENTS = {"count", "for_each", "provider", "depends_on", "lifecycle"}
# `$${` is a literal `${`; anything else starting `${` is an interpolation.
TEMPLATE = re.compile(r"\$\$\{|\$\{([^}]*)\}")
TRAVERSAL = re.compile(r"(?<![\w.])([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+)")


class Checker:
    def __init__(self, schema, config):
        self.schema = schema
        self.config = config
        self.problems = []

    def report(self, path, message):
        self.problems.append("%s: %s" % (path, message))

    # -- bodies ---------------------------------------------------------------

    def body(self, path, value, schema, meta=frozenset()):
        """One block body against {attributes, blocks}."""
        if not isinstance(value, dict):
            self.report(path, "expected a JSON object, got %s" % shape(value))
            return
        attributes, blocks = schema.get("attributes", {}), schema.get("blocks", {})
        for key, v in value.items():
            where = "%s.%s" % (path, key)
            if key in meta or key == "//":
                continue
            if key in blocks:
                self.block(where, v, blocks[key])
            elif key not in attributes:
                self.report(where, "unsupported argument")
            elif attributes[key].get("computed"):
                self.report(where, "computed-only attribute: it cannot be set")
            else:
                self.attribute(where, v, attributes[key]["type"])
        for name, a in attributes.items():
            if a.get("required") and name not in value:
                self.report(path, "missing required argument %r" % name)
        for name, b in blocks.items():
            if b.get("min_items", 0) > 0 and name not in value:
                self.report(path, "missing required block %r" % name)

    def block(self, path, value, schema):
        """A nested block: one object, or an array of objects."""
        items = value if isinstance(value, list) else [value]
        if "max_items" in schema and len(items) > schema["max_items"]:
            self.report(path, "at most %d %s allowed, got %d" % (schema["max_items"], path.rsplit(".", 1)[1],
                                                                    len(items)))
        for i, item in enumerate(items):
            self.body("%s[%d]" % (path, i) if isinstance(value, list) else path, item, schema)

    def attribute(self, path, value, type_name):
        """The JSON shape of an attribute value: a `${...}` string stands for any value."""
        if isinstance(value, str) and TEMPLATE.fullmatch(value) and not value.startswith("$$"):
            return
        kind = type_name.split("(")[0]
        expected = {"string": (str, int, float, bool), "number": (int, float, str), "bool": (bool, str),
                    "list": (list,), "map": (dict,), "object": (dict, list), "dynamic": (object,)}[kind]
        if value is None or not isinstance(value, expected):
            self.report(path, "expected %s, got %s" % (type_name, shape(value)))
        elif kind == "number" and isinstance(value, str) and not is_number(value):
            self.report(path, "expected a number, got %r" % value)
        elif kind == "bool" and isinstance(value, str) and value not in ("true", "false"):
            self.report(path, "expected a bool, got %r" % value)
        elif kind in ("list", "map"):
            element = type_name[len(kind) + 1:-1]
            items = enumerate(value) if kind == "list" else value.items()
            for k, v in items:
                self.attribute("%s[%s]" % (path, json.dumps(k)), v, element)

    # -- the configuration ----------------------------------------------------

    def declared(self, section):
        return {(t, n) for t, named in self.config.get(section, {}).items() for n in named}

    def check(self):
        for key in self.config:
            if key not in TOP_LEVEL and key != "//":
                self.report(key, "unknown top-level block")
        for name, configs in self.config.get("provider", {}).items():
            if name != "aws":
                self.report("provider.%s" % name, "unknown provider")
                continue
            for i, c in enumerate(configs if isinstance(configs, list) else [configs]):
                self.body("provider.aws[%d]" % i, c, self.schema["provider"], {"alias"})
        schemas = dict(self.schema, ephemeral_resources=EPHEMERAL)
        for section, kinds in (("resource", "resources"), ("data", "data_sources"), ("ephemeral", "ephemeral_resources")):
            for type_name, named in self.config.get(section, {}).items():
                if type_name not in schemas[kinds]:
                    self.report("%s.%s" % (section, type_name), "unknown %s type" % section)
                    continue
                for name, body in named.items():
                    self.body("%s.%s.%s" % (section, type_name, name), body, schemas[kinds][type_name],
                              META_ARGUMENTS)
        self.references("", self.config)

    def references(self, path, value):
        if isinstance(value, dict):
            for k, v in value.items():
                where = "%s.%s" % (path, k) if path else k
                if k == "depends_on" and isinstance(v, list):
                    for i, address in enumerate(v):
                        self.reference("%s[%d]" % (where, i), address, whole_resource=True)
                else:
                    self.references(where, v)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                self.references("%s[%d]" % (path, i), v)
        elif isinstance(value, str):
            for m in TEMPLATE.finditer(value):
                for traversal in TRAVERSAL.findall(m.group(1) or ""):
                    self.reference(path, traversal)

    def reference(self, path, traversal, whole_resource=False):
        parts = traversal.split(".")
        if parts[0] == "var":
            if parts[1] not in self.config.get("variable", {}):
                self.report(path, "reference to undeclared variable %r" % parts[1])
            return
        if parts[0] == "local":
            if not any(parts[1] in locals_ for locals_ in as_list(self.config.get("locals", {}))):
                self.report(path, "reference to undeclared local value %r" % parts[1])
            return
        section, kinds = {"data": ("data", "data_sources"), "ephemeral": ("ephemeral", "ephemeral_resources")}.get(
            parts[0], ("resource", "resources"))
        if section != "resource":
            parts = parts[1:]
        if len(parts) < 2:
            self.report(path, "%r is not a resource address" % traversal)
            return
        type_name, name = parts[0], parts[1]
        if (type_name, name) not in self.declared(section):
            self.report(path, "reference to undeclared %s %s.%s" % (section, type_name, name))
            return
        if whole_resource:
            return
        if len(parts) < 3:
            self.report(path, "%r names a whole resource, not an attribute" % traversal)
            return
        schema = dict(self.schema, ephemeral_resources=EPHEMERAL)[kinds].get(type_name)
        if schema and parts[2] not in schema["attributes"] and parts[2] not in schema["blocks"]:
            self.report(path, "%s does not export %r" % (type_name, parts[2]))


def as_list(v):
    return v if isinstance(v, list) else [v]


def shape(value):
    if value is None:
        return "null"
    return {bool: "a bool", int: "a number", float: "a number", str: "a string", list: "an array",
            dict: "an object"}[type(value)]


def is_number(s):
    try:
        float(s)
        return True
    except ValueError:
        return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("config")
    parser.add_argument("--schema", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                         "aws_schema_subset.json"))
    args = parser.parse_args()
    try:
        with open(args.schema) as f:
            schema = json.load(f)
        with open(args.config) as f:
            config = json.load(f)
    except (OSError, ValueError) as e:
        print("check_schema.py: %s" % e, file=sys.stderr)
        return 2
    if not isinstance(config, dict):
        print("%s: the configuration must be a JSON object" % args.config)
        return 1
    checker = Checker(schema, config)
    checker.check()
    for problem in checker.problems:
        print(problem)
    return 1 if checker.problems else 0


if __name__ == "__main__":
    sys.exit(main())
