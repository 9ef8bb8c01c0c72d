#!/usr/bin/env bash
# Draws one sample with `archc graph --format FORMAT` and compares the text
# byte for byte with its golden file (tests/graph/update.sh rewrites them).
# Usage: compare.sh ARCHC SAMPLE FORMAT GOLDEN
set -euo pipefail
archc=$1 sample=$2 format=$3 golden=$4

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$archc" graph "$sample" --format "$format" > "$work/out"
if [[ ! -f $golden ]]; then
  echo "missing golden file $golden; run tests/graph/update.sh" >&2
  exit 1
fi
if ! cmp -s "$golden" "$work/out"; then
  diff -u "$golden" "$work/out" || true
  echo "$sample: archc graph --format $format differs from $golden; if the change is intended, run tests/graph/update.sh" >&2
  exit 1
fi
