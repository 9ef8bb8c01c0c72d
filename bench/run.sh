#!/usr/bin/env bash
# Whole-process cost of `archc build`: builds archc in Release, writes the
# generated inputs to a temporary directory, and for each input and target
# prints the median wall time of RUNS runs (default 11), the peak RSS, and
# throughput; then runs archc_bench for the per-phase split.
# See docs/performance.md. Reports only: it never fails on a slow run.
#
#   bench/run.sh                 everything
#   RUNS=31 bench/run.sh         more runs per measurement
#   PHASES=0 bench/run.sh        skip the per-phase harness
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-bench-release}
runs=${RUNS:-11}

if [[ ! -x /usr/bin/time ]]; then
  echo "run.sh: /usr/bin/time is missing (apt-get install time)" >&2
  exit 2
fi

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C "$build" archc archc_bench >/dev/null
archc=$build/archc

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$build/bench/archc_bench" --write "$tmp"

# measure FILE TARGET OUT: one line of results. Wall time comes from bash's
# $EPOCHREALTIME around each run (no clock process forked inside the
# interval); peak RSS from GNU time's %M (KiB), largest of the runs.
measure() {
  local file=$1 target=$2 out=$3
  local -a walls=()
  local rss=0 start end r
  for ((i = 0; i < runs; i++)); do
    start=$EPOCHREALTIME
    "$archc" build "$file" --target "$target" -o "$out" 2>/dev/null
    end=$EPOCHREALTIME
    walls+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) * 1000 }')")
    r=$(/usr/bin/time -f %M "$archc" build "$file" --target "$target" -o "$out" 2>&1 >/dev/null | tail -n 1)
    ((r > rss)) && rss=$r
  done
  local median
  median=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  local bytes resources
  bytes=$(stat -c %s "$file")
  # Every resource has exactly one Type line (CloudFormation) or one
  # `"name": {` entry under its resource type (Terraform); counting the
  # CloudFormation form is enough, both list the same resources.
  resources=$("$archc" build "$file" --target cloudformation 2>/dev/null | grep -c '^    Type: ')
  awk -v name="$(basename "$file")" -v target="$target" -v ms="$median" -v rss="$rss" -v bytes="$bytes" \
      -v res="$resources" 'BEGIN {
    printf "%-18s %-15s %10.2f %10.1f %10.1f %12.0f\n", name, target, ms, rss / 1024, bytes / 1e6 / (ms / 1e3),
           res / (ms / 1e3)
  }'
}

echo "archc build, whole process: median of $runs runs ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
printf "%-18s %-15s %10s %10s %10s %12s\n" input target "wall ms" "peak MiB" "MB/s in" "resources/s"
for input in lab-vpc lab-x100 subnets-100k; do
  measure "$tmp/$input.arch" cloudformation "$tmp/out.yaml"
  measure "$tmp/$input.arch" terraform "$tmp/out.tf.json"
done
echo "targets: lab-vpc < 5 ms; lab-x100 < 50 ms and < 50 MiB"

# Hostile inputs (issue: diagnostics stay bounded): 50 MB files on one line
# (8.3 million duplicate variables, and two of distinct names), /dev/zero
# (larger than the 64 MiB a file may be), and 100,000 errors on as many
# lines. Each: wall time of one `archc build`, peak RSS, and the bytes it
# wrote to stderr.
yes 'x = 1,' | tr -d '\n' | head -c 50000004 >"$tmp/dense-line-50mb.arch" || true
# The same size of distinct names: 3.9 million unused variables, and 5.7
# million empty VPC blocks (each an error: no cidr).
awk 'BEGIN { for (i = 0; n < 50000000; i++) { s = "x" i " = 1,"; printf "%s", s; n += length(s) } }' \
  >"$tmp/variables-50mb.arch"
awk 'BEGIN { for (i = 0; n < 50000000; i++) { s = "vpc \"v" i "\" {} "; printf "%s", s; n += length(s) } }' \
  >"$tmp/blocks-50mb.arch"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "vpc \"v%d\" { cidr = \"10.0.0.0/33\" }\n", i }' >"$tmp/errors-100k.arch"
echo
echo "Hostile inputs, archc build, one run each:"
printf "%-22s %10s %10s %14s\n" input "wall s" "peak MiB" "stderr bytes"
for file in "$tmp/dense-line-50mb.arch" "$tmp/variables-50mb.arch" "$tmp/blocks-50mb.arch" /dev/zero \
  "$tmp/errors-100k.arch"; do
  start=$EPOCHREALTIME
  /usr/bin/time -o "$tmp/rss" -f %M "$archc" build "$file" -o "$tmp/out.yaml" 2>"$tmp/stderr" >/dev/null || true
  end=$EPOCHREALTIME
  awk -v name="$(basename "$file")" -v a="$start" -v b="$end" -v rss="$(tail -n 1 "$tmp/rss")" \
    -v err="$(stat -c %s "$tmp/stderr")" \
    'BEGIN { printf "%-22s %10.2f %10.1f %14d\n", name, b - a, rss / 1024, err }'
done
echo "targets: each < 5 s with stderr < 1 MB"

if [[ ${PHASES:-1} != 0 ]]; then
  echo
  echo "Per phase (archc_bench, in process):"
  "$build/bench/archc_bench"
fi
