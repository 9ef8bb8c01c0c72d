#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, -DARCHC_FUZZ=ON) in build-fuzz/ and
# runs each for SECONDS (default 60), from the corpus it grew in earlier
# runs and the seeds: samples/, samples/mistakes/ and tests/fuzz/seeds/.
# Fails when a target finds a crash, a sanitizer report, an input that takes
# more than 10 s or 2 GB; the input that did is written to
# build-fuzz/artifacts/, to reproduce with `build-fuzz/tests/fuzz/TARGET FILE`.
# See docs/testing.md, "Fuzzing".
#
#   tests/fuzz/run.sh                     each target for 60 s (what CI runs)
#   tests/fuzz/run.sh 3600                an hour each
#   TARGETS=fuzz_parse tests/fuzz/run.sh  one target
#   JOBS=2 tests/fuzz/run.sh 3600         two processes per target (logs in fuzz-N.log)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD_DIR:-$root/build-fuzz}
seconds=${1:-60}
targets=(${TARGETS:-fuzz_parse fuzz_pipeline fuzz_format})
parallel=()
# Several processes write their logs to fuzz-N.log in the working directory.
if [ "${JOBS:-1}" -gt 1 ]; then parallel=(-jobs="$JOBS" -workers="$JOBS"); fi

CC=${CC:-clang} CXX=${CXX:-clang++} cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DARCHC_FUZZ=ON >/dev/null
cmake --build "$build" --target "${targets[@]}"

mkdir -p "$build/artifacts"
status=0
for target in "${targets[@]}"; do
  corpus=$build/corpus/$target
  mkdir -p "$corpus"
  echo "== $target: $seconds s"
  # -timeout: an input slower than this is a bug (archc must stay near
  # linear), not bad luck; -max_len: room for many items, still fast runs.
  if ! "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
      "${parallel[@]}" -print_final_stats=1 -print_funcs=0 -dict="$root/tests/fuzz/archc.dict" \
      -artifact_prefix="$build/artifacts/$target-" \
      "$corpus" "$root/samples" "$root/samples/mistakes" "$root/tests/fuzz/seeds"; then
    echo "run.sh: $target failed; the input is in $build/artifacts/" >&2
    status=1
  fi
done
exit $status
