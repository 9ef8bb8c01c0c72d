#!/usr/bin/env bash
# Regenerates the golden drawings of the lab sample: lab-vpc.dot and
# lab-vpc.mmd (`archc graph --format dot|mermaid`), and the picture of
# docs/graph.md, docs/lab-vpc.png (Graphviz's dot -Tpng of the DOT). Review
# the diff, and look at the picture, before committing.
# Usage: tests/graph/update.sh [ARCHC]   (default: build/archc)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
archc=${1:-$root/build/archc}
if [[ ! -x $archc ]]; then
  echo "no archc binary at $archc; build first or pass its path" >&2
  exit 2
fi

"$archc" graph "$root/samples/lab-vpc.arch" --format dot > "$here/lab-vpc.dot"
echo "wrote tests/graph/lab-vpc.dot"
"$archc" graph "$root/samples/lab-vpc.arch" --format mermaid > "$here/lab-vpc.mmd"
echo "wrote tests/graph/lab-vpc.mmd"
dot -Tpng -Gdpi=96 "$here/lab-vpc.dot" -o "$root/docs/lab-vpc.png"
echo "wrote docs/lab-vpc.png"
