#!/usr/bin/env bash
# Regenerates the golden outputs of every samples/*.arch: NAME.yaml
# (CloudFormation) and NAME.tf.json (Terraform). Review the diff before
# committing: a golden file is what the tests hold the compiler to.
# Usage: tests/golden/update.sh [ARCHC]   (default: build/archc)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
archc=${1:-$root/build/archc}
if [[ ! -x $archc ]]; then
  echo "no archc binary at $archc; build first or pass its path" >&2
  exit 2
fi

for sample in "$root"/samples/*.arch; do
  name=$(basename "$sample" .arch)
  for suffix in yaml tf.json; do
    "$archc" build "$sample" -o "$here/$name.$suffix"
    echo "wrote tests/golden/$name.$suffix"
  done
done
