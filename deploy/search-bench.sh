#!/usr/bin/env bash
# Search benchmark (issue 15): indexes N synthetic requests (default 100,000) into the requests'
# Lucene index and prints build time, heap and search p50 / p99 for the ledger's kinds of q=.
#   deploy/search-bench.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
# the build is quiet unless it fails; then its output (a compile error) is shown
quiet() { local log; log=$(mktemp); "$@" >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; return 1; }; rm -f "$log"; }
quiet mvn -B -q ${MVN_OPTS:-} -pl backend -am test-compile dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$PWD/backend/target/bench.classpath" -Dmdep.includeScope=test
CP="backend/target/test-classes:backend/target/classes:$(cat backend/target/bench.classpath)"
exec java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" cn.liaison.backend.search.SearchBench "$@"
