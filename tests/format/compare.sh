#!/usr/bin/env bash
# Formats CASE/input.arch and compares it byte for byte with
# CASE/expected.arch, which `fmt --check` must leave as it is.
# Usage: compare.sh ARCHC CASE
set -euo pipefail
archc=$1 case=$2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$archc" fmt - <"$case/input.arch" >"$work/out.arch"
if ! cmp -s "$case/expected.arch" "$work/out.arch"; then
  diff -u "$case/expected.arch" "$work/out.arch" || true
  echo "$case: fmt output differs from expected.arch; if the change is intended, run tests/format/update.sh" >&2
  exit 1
fi
if ! "$archc" fmt --check --diff "$case/expected.arch"; then
  echo "$case: expected.arch is not formatted: fmt is not idempotent" >&2
  exit 1
fi
