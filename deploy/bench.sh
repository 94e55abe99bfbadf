#!/usr/bin/env bash
# Store benchmark (issue 19): seeds 1k / 10k / 100k requests into the embedded store and prints
# request action, ledger, inbox, outbox / SLA scans, monthly summary, start-up and disk figures.
#   deploy/bench.sh                      # indexed planner, 1k, 10k, 100k
#   deploy/bench.sh both 1000,10000      # upstream planner vs indexed, chosen sizes
#   deploy/bench.sh audit 100000         # the audit log's pages (issue 15) at 100,000 lines
#   deploy/bench.sh format               # stored document format: Java serialization vs BSON
#   deploy/bench.sh seed 100000 DIR      # leave 100,000 requests in DIR, a DATA_DIR for timing the jar's start
set -euo pipefail
cd "$(dirname "$0")/.."
# the build is quiet unless it fails; then its output (a compile error) is shown
quiet() { local log; log=$(mktemp); "$@" >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; return 1; }; rm -f "$log"; }
# one reactor run: the backend's classpath points at knowledge-base/target/classes (never installed)
quiet mvn -B -q ${MVN_OPTS:-} -pl backend -am test-compile dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$PWD/backend/target/bench.classpath" -Dmdep.includeScope=test
CP="backend/target/test-classes:backend/target/classes:$(cat backend/target/bench.classpath)"
exec java ${JAVA_OPTS:-} -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" cn.liaison.backend.platform.store.StoreBench "$@"
