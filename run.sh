#!/usr/bin/env bash
# Starts the whole Finance Tracker stack on this machine (no Docker needed): embedded Mongo, Redis,
# Keycloak and every service, each as its own process. Ctrl-C stops all of it.
# Set MONGODB_URI, REDIS_HOST/REDIS_PORT or KEYCLOAK_URL to use real servers instead (see README).
set -euo pipefail
cd "$(dirname "$0")"

services=(gateway auth-service user-service transaction-service report-service notification-service)
missing=0
[ -f launcher/target/launcher.jar ] || missing=1
for s in "${services[@]}"; do [ -f "$s/target/$s.jar" ] || missing=1; done
if [ "$missing" = 1 ] || [ "${FT_REBUILD:-0}" = 1 ]; then
  echo "[run.sh] building (first run, or FT_REBUILD=1)…"
  ./mvnw -B -q -DskipTests install
fi

exec java -Xmx256m -jar launcher/target/launcher.jar
