#!/usr/bin/env bash
# Regenerates every tests/format/NAME/expected.arch from its input.arch.
# Review the diff before committing: it is what fmt is held to.
# Usage: tests/format/update.sh [ARCHC]   (default: build/archc)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
archc=${1:-$root/build/archc}
if [[ ! -x $archc ]]; then
  echo "no archc binary at $archc; build first or pass its path" >&2
  exit 2
fi

for input in "$here"/*/input.arch; do
  dir=$(dirname "$input")
  "$archc" fmt - <"$input" >"$dir/expected.arch"
  echo "wrote tests/format/$(basename "$dir")/expected.arch"
done
