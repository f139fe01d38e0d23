#!/usr/bin/env bash
# The cluster's kill test five times in a row (issue 13; docs/CLUSTER.md): Redis and two `airace silo`
# processes on loopback, one killed with SIGKILL while the baseline runs through them; each time the run
# must end with the bytes of the uninterrupted embedded run. Needs Debian's redis-server.
#   bench/kill-test.sh [times]
set -euo pipefail
cd "$(dirname "$0")/.."
times="${1:-5}"
dotnet build tests/AiRaceSim.Cli.Tests -v q -nologo
for i in $(seq 1 "$times"); do
  echo "kill test, run $i of $times"
  log="$(mktemp)"
  if ! CI=true dotnet test tests/AiRaceSim.Cli.Tests --no-build -nologo \
      --filter "FullyQualifiedName~ClusterTests.A_run_survives_the_loss_of_a_silo_killed_mid_run_with_the_same_bytes" >"$log" 2>&1; then
    cat "$log"
    echo "kill test: run $i of $times failed"
    exit 1
  fi
  grep -E "Passed!" "$log"
  rm -f "$log"
done
echo "kill test: $times of $times passed"
