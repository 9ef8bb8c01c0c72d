#!/usr/bin/env python3
"""Property test: tag keys, tag values and user data read back from the
CloudFormation template, through PyYAML, as exactly the source's strings.

Generates .arch files (fixed seed: the same files every run) whose stack
tags and asg user data are random strings mixing what YAML 1.1 reads as
something else (bools, nulls, numbers, timestamps, `=` and `<<`,
indicators, NEL, LS and PS, control characters, text whose first line is
blank or indented) with random Unicode; user data is a heredoc or a string.
archc builds each, and PyYAML's safe loaders, the pure Python one (which
cfn-lint uses) and the libyaml one when PyYAML has it, must give back every
tag list (Name aside) and the user data exactly. A file with a key archc
refuses (`Name`, or a key given twice) must fail with those errors only, and
write nothing. tests/unit/yaml_property_test.cpp holds yaml-cpp to the same.

One more file holds the examples of each kind, and cfn-lint must accept its
template as tests/golden/cfn_lint.py accepts the samples'.

Without PyYAML (python3-yaml) the test is skipped (exit 77), and without
cfn-lint that part is; when CI=true, either fails instead.

Usage: yaml_property.py ARCHC WORKDIR
"""
import os
import random
import re
import shutil
import subprocess
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from missing_tool import SKIP, missing  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20250109
CASES = 200
HEREDOC_TAG = "ARCHC_END"

# Whole strings YAML 1.1 resolves to another type or reads as structure.
TRICKY = ["=", "<<", "~", "yes", "No", "ON", "off", "y", "N", "null", "NULL", "true", "False", "", "-", "?", ":",
          "---", "...", "... x", "#", "&a", "*a", "!x", "|", ">", "'", '"', "%", "@", "`", "[", "{}", ",", "0x1F",
          "012", "0o17", "0b101", "1_000", "190:20:30", "1e3", "6.8523015e+5", ".inf", "-.INF", ".NaN", "+12", "-1",
          "1.", "12", "2024-01-02", "2024-01-02T03:04:05Z", "2001-12-14 21:59:43.10 -5",
          "2001-12-14t21:59:43.10-05:00"]
# Pieces that matter inside a plain scalar.
SEPARATORS = [" ", "  ", ": ", " #", ":", "\t", "#", "- ", "\\", "${", "$${", "%{"]
NOTABLE = ["\x85", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff", "\xa0", "\u3000", "\u200b", "\ufffd"]

# The examples of each kind, with one more of the kind (tags), and user data
# whose first line is blank or more indented than the next.
EXAMPLE_TAGS = [("equals", "="), ("merge", "<<"), ("<<", "="), ("timestamp", "2024-01-02T03:04:05Z"),
                ("date", "2001-12-14 21:59:43.10 -5"), ("12", "a"), ("0x1F", "1_000"),
                ("nel", "a\x85b"), ("ls", "a\u2028b"), ("ps", "\u2029"), ("control", "x\x01y\x1b[0m"),
                ("c1", "del\x7f\x80\x9f")]
EXAMPLE_USER_DATA = ["\n  indented first\nx\n", "    more indented\nless\n"]


class RandomStrings:
    def __init__(self, seed):
        self.rng = random.Random(seed)

    def chance(self, percent):
        return self.rng.randrange(100) < percent

    def code_point(self):
        r, kind = self.rng, self.rng.randrange(8)
        if kind == 0:
            return chr(r.randrange(0x20, 0x7F))  # printable ASCII
        if kind == 1:
            return chr(r.randrange(0x20))  # C0 controls: NUL, tab, LF, CR among them
        if kind == 2:
            return chr(r.randrange(0x7F, 0xA0))  # DEL and the C1 controls, NEL among them
        if kind == 3:
            return r.choice(NOTABLE)
        if kind == 4:
            return chr(r.randrange(0xA0, 0xD800))  # the rest of the BMP
        if kind == 5:
            return chr(r.randrange(0xE000, 0x10000))
        if kind == 6:
            return chr(r.randrange(0x10000, 0x110000))
        return chr(r.randrange(ord("a"), ord("z") + 1))

    def one(self):
        """A tricky word alone, or pieces of every kind run together."""
        r = self.rng
        if self.chance(30):
            return r.choice(TRICKY)
        s = ""
        for _ in range(r.randrange(6)):
            kind = r.randrange(4)
            if kind == 0:
                s += r.choice(TRICKY)
            elif kind == 1:
                s += r.choice(SEPARATORS)
            else:
                s += "".join(self.code_point() for _ in range(1 + r.randrange(4)))
        return s

    def text(self):
        """Lines ending in a line feed: blank, blanks only, indented, or
        anything (which may hold line breaks of its own)."""
        r, s = self.rng, ""
        for _ in range(1 + r.randrange(6)):
            kind = r.randrange(5)
            if kind == 1:
                s += (" " if self.chance(50) else "\t") * (1 + r.randrange(4))
            elif kind == 2:
                s += " " * (1 + r.randrange(6)) + self.one()
            elif kind > 2:
                s += self.one()
            s += "\n"
        return s

    def literal(self, s):
        """`s` as a .arch string literal: escapes where needed, and now and
        then where not."""
        out, i = '"', 0
        while i < len(s):
            c = s[i]
            if s.startswith("${", i):
                out += "$${"  # a literal `${`
                i += 2
                continue
            if c in '"\\':
                out += "\\" + c
            elif c == "\n":
                out += "\\n"
            elif c == "\t" and self.chance(50):
                out += "\\t"
            elif ord(c) < 0x20 or c == "\x7f" or self.chance(5):
                out += "\\u{%X}" % ord(c)
            else:
                out += c
            i += 1
        return out + '"'


def source(members, user_data):
    """A stack with the tags `members` and one asg per user data."""
    lines = ['stack "p" { tags = { %s } }' % members,
             'vpc "v" {',
             '  cidr = "10.0.0.0/16", zones = ["a", "b"], nat = "none"',
             '  subnet "app" { size = 24 }',
             "}"]
    for i, data in enumerate(user_data):
        lines += ['asg "a%d" {' % i, "  subnets = vpc.v.app", "  user_data = " + data, "}"]
    return "\n".join(lines) + "\n"


def heredoc(text):
    return "<<%s\n%s%s" % (HEREDOC_TAG, text, HEREDOC_TAG)


def not_a_tag(key, value):
    """Whether AWS refuses the tag, so archc does: an empty key, one of AWS's
    `aws:` keys, a key or value too long (docs/rules.md, limit-exceeded)."""
    return not key or key[:4].lower() == "aws:" or len(key) > 128 or len(value) > 256


def make_case(r):
    """(source, tags, user data, refused): the file and what its template
    must say, or refused when it holds a key archc refuses."""
    tags, members, refused = [], [], False
    for _ in range(1 + r.rng.randrange(5)):
        key, value = r.one(), r.one()
        taken = key == "Name" or any(k == key for k, _ in tags)
        refused |= taken or not_a_tag(key, value)
        members.append("%s = %s" % (r.literal(key), r.literal(value)))
        if not taken:
            tags.append((key, value))
    if r.chance(5):
        members.append('%s = "x"' % ("Name" if not tags or r.chance(50) else r.literal(tags[0][0])))
        refused = True
    if r.chance(50):
        # A heredoc: literal text, lines ending in LF (CRLF becomes LF), no
        # NUL (the source may not hold one).
        text = r.text().replace("\0", " ")
        data, expected = heredoc(text), text.replace("\r\n", "\n")
    else:
        # A string, which may end in no line feed or in several.
        expected = r.text()
        if r.chance(30):
            expected = expected[:-1]
        if r.chance(20):
            expected += "\n"
        data = r.literal(expected)
    return source(", ".join(members), [data]), tags, [expected], refused


def collect_tags(node, out):
    """Every Tags list in the template, without its Name tag."""
    if isinstance(node, list):
        for item in node:
            collect_tags(item, out)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "Tags" and isinstance(value, list):
                out.append([(t["Key"], t["Value"]) for t in value if t["Key"] != "Name"])
            else:
                collect_tags(value, out)


def differences(template_text, loaders, tags, user_data):
    """What each loader reads differently from what the source says."""
    import yaml
    found = []
    for name, loader in loaders:
        try:
            root = yaml.load(template_text, Loader=loader)
        except yaml.YAMLError as e:
            found.append("%s cannot read the template: %s" % (name, e))
            continue
        lists = []
        collect_tags(root, lists)
        if len(lists) < 5:
            found.append("%s: only %d Tags lists" % (name, len(lists)))
        for got in lists:
            if got != tags:
                found.append("%s: tags %r, the source says %r" % (name, got, tags))
                break
        got = [r["Properties"]["LaunchTemplateData"]["UserData"]["Fn::Base64"]
               for r in root["Resources"].values() if r["Type"] == "AWS::EC2::LaunchTemplate"]
        if got != user_data:
            found.append("%s: user data %r, the source says %r" % (name, got, user_data))
    return found


def build(archc, path):
    out = path[:-len(".arch")] + ".yaml"
    if os.path.exists(out):
        os.remove(out)
    p = subprocess.run([archc, "build", path, "-o", out], capture_output=True, text=True, errors="replace")
    return p, out


def check_refused(archc, path):
    """A refused key: exit 1, errors about keys only, no template."""
    p, out = build(archc, path)
    rules = set(re.findall(r"error\[([a-z-]+)\]", p.stderr))
    if p.returncode != 1 or not rules or not rules <= {"invalid-value", "duplicate-name", "limit-exceeded"} or os.path.exists(out):
        return ["a refused key should give exit 1, invalid-value, duplicate-name or limit-exceeded errors and no "
                "template; got "
                "exit %d, errors %s, template %s:\n%s" % (p.returncode, sorted(rules), os.path.exists(out), p.stderr)]
    return []


def check_built(archc, path, loaders, tags, user_data):
    p, out = build(archc, path)
    if p.returncode != 0:
        return ["archc build failed (exit %d):\n%s" % (p.returncode, p.stderr)]
    with open(out, encoding="utf-8", newline="") as f:
        return differences(f.read(), loaders, tags, user_data)


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)



def main(archc, workdir):
    try:
        import yaml
    except ImportError:
        return missing("PyYAML is missing", "apt-get install python3-yaml, or pip install pyyaml")
    loaders = [("PyYAML SafeLoader", yaml.SafeLoader)]
    if getattr(yaml, "CSafeLoader", None):
        loaders.append(("PyYAML CSafeLoader (libyaml)", yaml.CSafeLoader))
    else:
        print("note: this PyYAML has no libyaml: only its pure Python loader reads the templates")

    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
    failures, refused_cases = 0, 0
    for i in range(CASES):
        text, tags, user_data, refused = make_case(RandomStrings(SEED + i))
        path = os.path.join(workdir, "case%d.arch" % i)
        write(path, text)
        problems = check_refused(archc, path) if refused else check_built(archc, path, loaders, tags, user_data)
        refused_cases += refused
        if problems:
            failures += 1
            print("FAILED seed %d + case %d (%s):" % (SEED, i, path))
            for problem in problems:
                print("  " + problem)
    print("%d random files: %d built and read back by %s, %d refused a key; %d failed"
          % (CASES, CASES - refused_cases, " and ".join(n for n, _ in loaders), refused_cases, failures))

    examples = os.path.join(workdir, "examples.arch")
    r = RandomStrings(SEED)
    members = ", ".join("%s = %s" % (r.literal(k), r.literal(v)) for k, v in EXAMPLE_TAGS)
    write(examples, source(members, [heredoc(d) for d in EXAMPLE_USER_DATA]))
    problems = check_built(archc, examples, loaders, EXAMPLE_TAGS, EXAMPLE_USER_DATA)
    for problem in problems:
        print("FAILED %s: %s" % (examples, problem))
    failures += bool(problems)

    if shutil.which("cfn-lint") is None:
        if missing("cfn-lint is missing", "pip install cfn-lint") != SKIP:
            return 1
    else:
        lint = subprocess.run([sys.executable, os.path.join(HERE, "..", "golden", "cfn_lint.py"), archc, examples])
        failures += lint.returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
