#!/usr/bin/env bash
# Regenerates every tests/diff/NAME/expected.{txt,md,json} from its
# old.arch and new.arch. Review the diff before committing: it is what
# `archc diff` is held to.
# Usage: tests/diff/update.sh [ARCHC]   (default: build/archc)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
archc=${1:-$root/build/archc}
if [[ ! -x $archc ]]; then
  echo "no archc binary at $archc; build first or pass its path" >&2
  exit 2
fi
archc=$(cd "$(dirname "$archc")" && pwd)/$(basename "$archc")  # each case runs in its own directory

for old in "$here"/*/old.arch; do
  dir=$(dirname "$old")
  for format in text:txt markdown:md json:json; do
    name=${format%%:*} suffix=${format##*:}
    (cd "$dir" && "$archc" diff old.arch new.arch --format "$name" 2>/dev/null) >"$dir/expected.$suffix"
    echo "wrote tests/diff/$(basename "$dir")/expected.$suffix"
  done
done
