#!/usr/bin/env bash
# One baseline run from a built binary, silo start included (goal: 1.5 s; docs/PERFORMANCE.md).
# Publishes the CLI compiled ahead of time for this machine's (portable) runtime identifier (as README.md says to
# install it) into a temporary folder, runs each case once untimed, then times the baseline run `times`
# times with --no-report and `times` times with the report, alternating, into fresh folders, and prints
# each wall time and the medians. Needs GNU time (/usr/bin/time, Debian's package `time`). The publish
# writes the projects' obj/ and bin/ folders: do not run it beside a build of the same tree.
#   bench/one-run.sh [times]
set -euo pipefail
cd "$(dirname "$0")/.."
times="${1:-5}"
[[ $times =~ ^[1-9][0-9]*$ ]] || { echo "one-run: times must be a whole number from 1, got '$times'" >&2; exit 2; }
bin="$(mktemp -d)"
out="$(mktemp -d)"
trap 'rm -rf "$bin" "$out"' EXIT
# The SDK's portable identifier (linux-x64, not a distribution's own such as ubuntu.24.04-x64).
rid="$(dotnet msbuild src/AiRaceSim.Cli -getProperty:NETCoreSdkPortableRuntimeIdentifier)"
[[ -n $rid ]] || { echo "one-run: the SDK names no runtime identifier" >&2; exit 1; }
if ! dotnet publish -c Release -r "$rid" src/AiRaceSim.Cli -o "$bin" -nologo >"$out/publish.log" 2>&1; then
  cat "$out/publish.log" >&2
  echo "one-run: the publish for $rid failed (above)" >&2
  exit 1
fi
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# run NAME [ARGS…]: the baseline into a fresh folder, its wall time in $out/t; a failure shows its output and stops.
run() {
  local name="$1"; shift
  rm -rf "$out/$name"
  if ! /usr/bin/time -f '%e' -o "$out/t" "$bin/airace" run scenarios/baseline.yaml --out "$out/$name" "$@" >"$out/log" 2>&1; then
    cat "$out/log" >&2
    echo "one-run: the run $name failed (above)" >&2
    exit 1
  fi
}
run noreport --no-report
run report
noreport=(); report=()
for i in $(seq 1 "$times"); do
  run noreport --no-report
  noreport+=("$(cat "$out/t")")
  run report
  report+=("$(cat "$out/t")")
  echo "run $i of $times: ${noreport[-1]} s with --no-report, ${report[-1]} s with the report"
done
echo "median: $(printf '%s\n' "${noreport[@]}" | median) s with --no-report, $(printf '%s\n' "${report[@]}" | median) s with the report (goal 1.5 s; published for $rid)"
