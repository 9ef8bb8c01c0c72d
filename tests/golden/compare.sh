#!/usr/bin/env bash
# Builds one sample and compares the output byte for byte with its golden
# file. The target is picked from the golden file's suffix (.tf.json →
# Terraform), so this also exercises the CLI's choice of target.
# Usage: compare.sh ARCHC SAMPLE GOLDEN
set -euo pipefail
archc=$1 sample=$2 golden=$3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out="$work/$(basename "$golden")"

"$archc" build "$sample" -o "$out"
if [[ ! -f $golden ]]; then
  echo "missing golden file $golden; run tests/golden/update.sh" >&2
  exit 1
fi
if ! cmp -s "$golden" "$out"; then
  diff -u "$golden" "$out" || true
  echo "$sample: output differs from $golden; if the change is intended, run tests/golden/update.sh" >&2
  exit 1
fi
