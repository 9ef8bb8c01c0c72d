#!/usr/bin/env python3
"""The tests of the VS Code extension (label `editor`).

  run.py keywords     the grammar's block kinds, functions and port names are
                      archc's: the kind headings and the function table of
                      docs/language.md, the names of stdlib/ports.json
  run.py scopes       vscode-tmgrammar-test over test/*.test.arch, whose
                      comments assert the scopes of the lines above them
  run.py sample FILE  FILE tokenised by the grammar with no `invalid` scope
                      (test/no_invalid.js)
  run.py client       extension.js with fakes of the VS Code API and of
                      vscode-languageclient (test/extension_test.js): it
                      starts `archc lsp` with archc.path, restarts on its
                      change, reports a server that cannot start
  run.py vsix         `vsce package` without network; the .vsix holds the
                      manifest, grammar, language configuration, entry point
                      and the dependencies, and nothing of the tests

All but `keywords` need node 20 or later, and all but `client` node_modules
from .ci/install-deps (`npm ci` here); without them they skip (exit 77) and say
so, except when CI=true, where they fail.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "tests"))
from missing_tool import missing  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
EXTENSION = os.path.dirname(HERE)
ROOT = os.path.dirname(os.path.dirname(EXTENSION))
GRAMMAR = os.path.join(EXTENSION, "syntaxes", "archc.tmLanguage.json")


def node_missing(tool=None):
    """What is missing to run node (with tool of node_modules/.bin), or None."""
    node = shutil.which("node")
    if node is None:
        return "no node on PATH"
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    if int(version.lstrip("v").split(".")[0]) < 20:
        return f"node {version} is older than 20, which @vscode/vsce needs"
    if tool and not os.path.exists(os.path.join(EXTENSION, "node_modules", ".bin", tool)):
        return f"no {tool} in editors/vscode/node_modules"
    return None


def alternatives(rule):
    """The words of the (?:a|b|...) group of a grammar rule's match."""
    return sorted(re.search(r"\(\?:([A-Za-z0-9_|-]+)\)", rule["match"]).group(1).split("|"))


def section(text, heading):
    """The lines of a markdown section, up to the next heading of its level or above."""
    level = heading.split(" ")[0]
    body = text.split("\n" + heading + "\n", 1)[1]
    return re.split(r"\n#{1,%d} " % len(level), body, maxsplit=1)[0]


def keywords():
    repo = json.load(open(GRAMMAR))["repository"]
    language = open(os.path.join(ROOT, "docs", "language.md")).read()
    ports = json.load(open(os.path.join(ROOT, "stdlib", "ports.json")))
    builtin = next(r for r in repo["call"]["patterns"] if r.get("name") == "support.function.builtin.archc")
    # The first column of the Functions table: `join(sep, list)`, `lower(s)`, `upper(s)` ...
    calls = "".join(re.findall(r"^\|([^|]*)\|", section(language, "### Functions (extension)"), re.M))
    lists = [
        ("block kinds", alternatives(repo["kind"]),
         sorted(re.findall(r"^### (\S+)$", section(language, "## Blocks"), re.M)),
         "the ### headings of docs/language.md's Blocks"),
        ("functions", alternatives(builtin),
         sorted(re.findall(r"`([a-z]+)\(", calls)),
         "the table of docs/language.md's Functions"),
        ("port names", alternatives(repo["port-name"]), sorted(k for k in ports if not k.startswith("_")),
         "stdlib/ports.json"),
    ]
    failed = 0
    for what, grammar, archc, source in lists:
        if grammar == archc:
            print(f"{what}: {' '.join(grammar)}")
            continue
        failed = 1
        print(f"{what} of the grammar differ from {source}:\n  grammar: {' '.join(grammar)}\n  archc:   "
              f"{' '.join(archc)}\n  missing from the grammar: {' '.join(sorted(set(archc) - set(grammar)))}\n"
              f"  not archc's: {' '.join(sorted(set(grammar) - set(archc)))}", file=sys.stderr)
    return failed


def scopes():
    lack = node_missing("vscode-tmgrammar-test")
    if lack:
        return missing(lack)
    # A relative glob: vscode-tmgrammar-test reads the grammar from ./package.json.
    return subprocess.run([os.path.join("node_modules", ".bin", "vscode-tmgrammar-test"), "--compact",
                           "test/*.test.arch"], cwd=EXTENSION).returncode


def sample(path):
    lack = node_missing("vscode-tmgrammar-test")  # vscode-textmate and vscode-oniguruma come with it
    if lack:
        return missing(lack)
    return subprocess.run(["node", os.path.join(HERE, "no_invalid.js"), path]).returncode


def client():
    lack = node_missing()
    if lack:
        return missing(lack)
    return subprocess.run(["node", "--test", os.path.join(HERE, "extension_test.js")]).returncode


def vsix():
    lack = node_missing("vsce")
    if lack:
        return missing(lack)
    manifest = json.load(open(os.path.join(EXTENSION, "package.json")))
    lock = json.load(open(os.path.join(EXTENSION, "package-lock.json")))
    # Packaging must not need the network: npm offline, and any request through
    # a proxy that answers nothing.
    env = dict(os.environ, npm_config_offline="true", HTTP_PROXY="http://127.0.0.1:9",
               HTTPS_PROXY="http://127.0.0.1:9", http_proxy="http://127.0.0.1:9", https_proxy="http://127.0.0.1:9")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "archc.vsix")
        # No LICENSE file nor repository field yet: said on the command line, or vsce asks.
        run = subprocess.run([os.path.join("node_modules", ".bin", "vsce"), "package", "--skip-license",
                              "--allow-missing-repository", "-o", out], cwd=EXTENSION, env=env,
                             stdin=subprocess.DEVNULL)
        if run.returncode != 0:
            print(f"vsce package failed ({run.returncode})", file=sys.stderr)
            return 1
        names = set(zipfile.ZipFile(out).namelist())
        packed = json.loads(zipfile.ZipFile(out).read("extension/package.json"))

    wanted = {"extension.vsixmanifest", "extension/package.json", "extension/language-configuration.json",
              "extension/" + os.path.normpath(manifest["main"]),
              "extension/" + os.path.normpath(manifest["contributes"]["grammars"][0]["path"])}
    # Every package of the lock file that the extension runs with (not a
    # devDependency) is packed; no devDependency is.
    runtime = {p for p, info in lock["packages"].items() if p and not info.get("dev")}
    dev = {p for p, info in lock["packages"].items() if p and info.get("dev")}
    wanted |= {f"extension/{p}/package.json" for p in runtime}
    problems = [f"missing from the .vsix: {n}" for n in sorted(wanted - names)]
    problems += [f"a devDependency in the .vsix: {p}" for p in sorted(dev) if f"extension/{p}/package.json" in names]
    problems += [f"a test file in the .vsix: {n}" for n in sorted(names) if n.startswith("extension/test/")]
    if packed["contributes"] != manifest["contributes"]:
        problems.append("the packed package.json contributes something else than package.json")
    for p in problems:
        print(p, file=sys.stderr)
    if not problems:
        print(f"the .vsix holds the {len(wanted)} files checked, {len(runtime)} runtime packages, no test file")
    return 1 if problems else 0


def main(argv):
    if argv[1:2] == ["keywords"]:
        return keywords()
    if argv[1:2] == ["scopes"]:
        return scopes()
    if argv[1:2] == ["sample"] and len(argv) == 3:
        return sample(argv[2])
    if argv[1:2] == ["client"]:
        return client()
    if argv[1:2] == ["vsix"]:
        return vsix()
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
