#!/usr/bin/env bash
# The benchmark harness (issue 9, ADR 0050).
#   bench/run.sh [--quick]            starts its own local stack (ports +30000, data in bench/target/stack)
#   bench/run.sh --url http://host:p  targets a running stack by its gateway URL (other addresses: see Stack.java)
#   FT_EPHEMERAL=true bench/run.sh   the harness's stack keeps Mongo in memory (heap 4g): the only way it holds
#                                     the global view's 1M transactions (the embedded server has no secondary indexes)
# Writes bench/results/<timestamp>.json and latest.json, and regenerates docs/benchmarks.md and its plots.
# Quick mode takes under 5 minutes, full mode under 30.
set -euo pipefail
cd "$(dirname "$0")/.."

services=(gateway auth-service user-service transaction-service report-service notification-service)
missing=0
[ -f launcher/target/launcher.jar ] || missing=1
for s in "${services[@]}"; do [ -f "$s/target/$s.jar" ] || missing=1; done
if [ "$missing" = 1 ] || [ "${FT_REBUILD:-0}" = 1 ]; then
  # The benchmarks do not need the console: the frontend build is skipped.
  echo "[bench] building the stack (first run, or FT_REBUILD=1)…"
  ./mvnw -B -q -Dfrontend.skip -DskipTests install
fi
./mvnw -B -q -Dfrontend.skip -DskipTests -pl bench compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt

exec java -Xmx1g -Djava.awt.headless=true -Dbench.root="$PWD" \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" app.financetracker.bench.BenchRun "$@"
