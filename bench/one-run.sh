#!/usr/bin/env bash
# One baseline run from a built binary, silo start included (goal: 1.5 s; docs/PERFORMANCE.md).
# Publishes the CLI compiled ahead of time (as a user installs it) into a temporary folder, then times
# the baseline run `times` times with --no-report and `times` times with the report, alternating, and
# prints each wall time and the medians. Needs /usr/bin/time (Debian's package `time`).
#   bench/one-run.sh [times]
set -euo pipefail
cd "$(dirname "$0")/.."
times="${1:-5}"
bin="$(mktemp -d)"
out="$(mktemp -d)"
trap 'rm -rf "$bin" "$out"' EXIT
dotnet publish -c Release -r linux-x64 src/AiRaceSim.Cli -o "$bin" -v q -nologo >/dev/null
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
plain=(); report=()
for i in $(seq 1 "$times"); do
  /usr/bin/time -f '%e' -o "$out/t" "$bin/airace" run scenarios/baseline.yaml --no-report --out "$out/plain" >/dev/null 2>&1
  plain+=("$(cat "$out/t")")
  /usr/bin/time -f '%e' -o "$out/t" "$bin/airace" run scenarios/baseline.yaml --out "$out/report" >/dev/null 2>&1
  report+=("$(cat "$out/t")")
  echo "run $i of $times: ${plain[-1]} s with --no-report, ${report[-1]} s with the report"
done
echo "median: $(printf '%s\n' "${plain[@]}" | median) s with --no-report, $(printf '%s\n' "${report[@]}" | median) s with the report (goal 1.5 s)"
