#!/usr/bin/env bash
# Mutation testing with Stryker.NET (dotnet-stryker, pinned in .config/dotnet-tools.json):
# src/AiRaceSim.Model against tests/AiRaceSim.Model.Tests (tests/mutation/stryker-config.json), or with
# `scenarios` first, the building code of src/AiRaceSim.Scenarios (Building/) against
# tests/AiRaceSim.Scenarios.Tests (tests/mutation/stryker-scenarios.json; the two timing tests of
# validation are left out: they take a minute each and time rather than check values).
# Not part of CI (.ci/run does not call it): a full run takes about 2.5–3 h on 2 cores; see docs/TESTING.md.
#
#   bash tests/mutation/run.sh                         # every file of the Model project
#   bash tests/mutation/run.sh --mutate '**/Equations/**/*.cs'   # any further Stryker option is passed on
#   bash tests/mutation/run.sh scenarios               # the Scenarios building code
#
# Stryker builds the projects and swaps a mutated AiRaceSim.Model.dll into the test project's bin/,
# so by default it runs in a temporary clone of the committed HEAD (the work tree's bin/ and obj/ are
# left alone, and uncommitted changes are not tested). MUTATION_IN_PLACE=1 runs in this tree instead.
# Reports (html, json, markdown) go to $MUTATION_OUT (default /tmp/airace-mutation/<time>), outside the repo.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

config=stryker-config.json tests=AiRaceSim.Model.Tests
if [ "${1:-}" = scenarios ]; then config=stryker-scenarios.json tests=AiRaceSim.Scenarios.Tests; shift; fi

out="${MUTATION_OUT:-/tmp/airace-mutation/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

if [ "${MUTATION_IN_PLACE:-0}" = 1 ]; then
  work="$root"
else
  work="$(mktemp -d /tmp/airace-mutation-src.XXXXXX)"
  trap 'rm -rf "$work"' EXIT
  git clone -q "$root" "$work"
  git -C "$work" checkout -q "$(git -C "$root" rev-parse HEAD)"
  echo "mutation: testing commit $(git -C "$work" rev-parse --short HEAD) in $work"
fi

cd "$work"
dotnet tool restore >/dev/null
cd "tests/$tests"
start=$(date +%s)
status=0
dotnet dotnet-stryker --config-file "../mutation/$config" --output "$out" --skip-version-check "$@" \
  | tee "$out/stryker.log" || status=$?
echo "mutation: $(( ($(date +%s) - start) / 60 )) min; reports in $out/reports (mutation-report.html, .json, .md)"
exit "$status"
