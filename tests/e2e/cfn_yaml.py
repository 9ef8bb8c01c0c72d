"""Reads the YAML that archc's CloudFormation emitter writes.

The tests may use only the standard library and boto3, so this is not a
general YAML parser: it reads the block style yaml-cpp emits (maps,
sequences, `[a, b]` flow sequences, `|` literal blocks, plain, single- and
double-quoted scalars) and raises ValueError on anything else, so an
emitter change shows up as a loud failure rather than a silent misreading.
"""
import json
import re

_INT = re.compile(r"-?[0-9]+$")


def load(text):
    lines = text.splitlines()
    node, end = _Reader(lines).node(0, 0)
    if any(line.strip() for line in lines[end:]):
        raise ValueError(f"line {end + 1}: unexpected indentation")
    return node


def _indent(line):
    return len(line) - len(line.lstrip(" "))


def scalar(text):
    """A scalar value as the CloudFormation reader would see it."""
    if text.startswith('"'):
        return json.loads(text)
    if text.startswith("'"):
        if not text.endswith("'") or len(text) < 2:
            raise ValueError(f"unterminated string {text!r}")
        return text[1:-1].replace("''", "'")
    if text.startswith("["):
        if not text.endswith("]"):
            raise ValueError(f"unsupported flow sequence {text!r}")
        inner = text[1:-1].strip()
        return [scalar(item.strip()) for item in inner.split(",")] if inner else []
    if text == "{}":
        return {}
    if text[:1] in "{&*!|>":
        raise ValueError(f"unsupported YAML construct {text!r}")
    if text in ("true", "false"):
        return text == "true"
    if text in ("~", "null"):
        return None
    if _INT.match(text):
        return int(text)
    return text


class _Reader:
    def __init__(self, lines):
        self.lines = lines

    def _next(self, i):
        """Index of the next line with content at or after i."""
        while i < len(self.lines) and (not self.lines[i].strip() or self.lines[i].lstrip().startswith("#")):
            i += 1
        return i

    def node(self, i, indent):
        i = self._next(i)
        if i == len(self.lines):
            return None, i
        content = self.lines[i].strip()
        if content == "-" or content.startswith("- "):
            return self.sequence(i, _indent(self.lines[i]))
        return self.mapping(i, _indent(self.lines[i]))

    def mapping(self, i, indent):
        out = {}
        while True:
            i = self._next(i)
            if i == len(self.lines) or _indent(self.lines[i]) != indent or self.lines[i].lstrip().startswith("-"):
                return out, i
            content = self.lines[i].strip()
            if content.endswith(":"):
                key, value = content[:-1], ""
            elif ": " in content:
                key, value = content.split(": ", 1)
            else:
                raise ValueError(f"line {i + 1}: expected `key: value`")
            key = scalar(key)
            if key in out:
                raise ValueError(f"line {i + 1}: duplicate key {key!r}")
            if value in ("|", "|-"):
                out[key], i = self.literal(i + 1, indent, keep_newline=value == "|")
            elif value:
                out[key], i = scalar(value), i + 1
            else:
                child = self._next(i + 1)
                nested = child < len(self.lines) and (
                    _indent(self.lines[child]) > indent
                    or (_indent(self.lines[child]) == indent and self.lines[child].lstrip().startswith("-")))
                out[key], i = self.node(child, indent) if nested else (None, i + 1)

    def sequence(self, i, indent):
        out = []
        while True:
            i = self._next(i)
            if i == len(self.lines) or _indent(self.lines[i]) != indent or not self.lines[i].lstrip().startswith("-"):
                return out, i
            rest = self.lines[i].strip()[1:].lstrip()
            if not rest:
                item, i = self.node(i + 1, indent)
            elif rest[0] not in "\"'[{" and (": " in rest or rest.endswith(":")):
                # `- key: value` opens a map whose keys sit two columns in.
                self.lines[i] = " " * (indent + 2) + rest
                item, i = self.mapping(i, indent + 2)
            else:
                item, i = scalar(rest), i + 1
            out.append(item)

    def literal(self, i, parent_indent, keep_newline):
        body = []
        block_indent = None
        while i < len(self.lines):
            line = self.lines[i]
            if line.strip():
                if _indent(line) <= parent_indent:
                    break
                block_indent = block_indent if block_indent is not None else _indent(line)
                body.append(line[block_indent:])
            else:
                body.append("")
            i += 1
        while body and not body[-1]:
            body.pop()
        return "\n".join(body) + ("\n" if keep_newline else ""), i
