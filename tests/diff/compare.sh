#!/usr/bin/env bash
# Diffs CASE/old.arch against CASE/new.arch in each format, run in CASE so
# the files are named as there, and compares the output byte for byte with
# CASE/expected.txt, expected.md and expected.json. The diff must exit 0.
# Usage: compare.sh ARCHC CASE
set -euo pipefail
archc=$1 case=$2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

status=0
for format in text:txt markdown:md json:json; do
  name=${format%%:*} suffix=${format##*:}
  if ! (cd "$case" && "$archc" diff old.arch new.arch --format "$name" 2>/dev/null) >"$work/out.$suffix"; then
    echo "$case: archc diff --format $name failed" >&2
    status=1
  elif ! cmp -s "$case/expected.$suffix" "$work/out.$suffix"; then
    diff -u "$case/expected.$suffix" "$work/out.$suffix" || true
    echo "$case: diff --format $name differs from expected.$suffix; if the change is intended, run tests/diff/update.sh" >&2
    status=1
  fi
done
exit $status
