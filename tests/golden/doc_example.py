#!/usr/bin/env python3
"""doc_example.py ARCHC DOC COMMAND: the ``` block of DOC that starts with the
line `$ archc COMMAND` must show what `archc COMMAND` prints, from the source
tree's root, so that a documented example never goes stale.
Exit 0 when it does, 1 with a unified diff, 2 when the block is missing."""
import difflib
import os
import shlex
import subprocess
import sys


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    archc, doc, command = sys.argv[1:]
    with open(doc) as f:
        text = f.read()
    prompt = f"$ archc {command}\n"
    start = text.find(prompt)
    if start < 0:
        print(f"{doc}: no example starting with `$ archc {command}`", file=sys.stderr)
        return 2
    start += len(prompt)
    shown = text[start:text.index("```", start)]
    root = os.path.dirname(os.path.dirname(os.path.abspath(doc)))
    printed = subprocess.run([archc, *shlex.split(command)], cwd=root, capture_output=True, text=True).stdout
    if shown == printed:
        return 0
    sys.stdout.writelines(difflib.unified_diff(shown.splitlines(True), printed.splitlines(True),
                                               f"{doc} (shown)", f"archc {command} (printed)"))
    return 1


if __name__ == "__main__":
    sys.exit(main())
