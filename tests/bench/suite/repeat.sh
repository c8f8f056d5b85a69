#!/usr/bin/env bash
# `npm test` N times in a row (default 10) in this checkout, as issue #12 asks of a fresh clone:
#   tests/bench/suite/repeat.sh [N] [log folder, default $TMPDIR/suite-repeat]
# Each run gets its own empty TMPDIR under the log folder; one line per run in <log folder>/summary.txt:
# exit code, wall time, what the run left in its TMPDIR, the OS temp folder's kientruc-* entries before
# and after, and vitest's test count. Stops at nothing: every run is made and reported.
set -u
cd "$(dirname "$0")/../../.."
runs="${1:-10}"
logs="${2:-${TMPDIR:-/tmp}/suite-repeat}"
os_tmp="${TMPDIR:-/tmp}"
mkdir -p "$logs"
: > "$logs/summary.txt"
for i in $(seq 1 "$runs"); do
  t="$logs/tmp-$i"; rm -rf "$t"; mkdir -p "$t"
  before=$(ls -A "$os_tmp" | grep -c '^kientruc-' || true)
  start=$(date +%s%N)
  TMPDIR="$t" npm test > "$logs/run-$i.log" 2>&1; rc=$?
  end=$(date +%s%N)
  after=$(ls -A "$os_tmp" | grep -c '^kientruc-' || true)
  left=$(ls -A "$t" | wc -l)
  tests=$(sed 's/\x1b\[[0-9;]*m//g' "$logs/run-$i.log" | grep -E '^ +Tests ' | tr -s ' ')
  line=$(printf 'run %d: exit %d, %d.%01d s wall, %d entries left in its TMPDIR, OS temp kientruc-* %d -> %d,%s' \
    "$i" "$rc" $(((end - start) / 1000000000)) $((((end - start) / 100000000) % 10)) "$left" "$before" "$after" "$tests")
  echo "$line" | tee -a "$logs/summary.txt"
done
