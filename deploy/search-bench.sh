#!/usr/bin/env bash
# Search benchmark (issue 15): indexes N synthetic requests (default 100,000) into the requests'
# Lucene index and prints build time, heap and search p50 / p99 for the ledger's kinds of q=.
#   deploy/search-bench.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q ${MVN_OPTS:-} -pl backend -am test-compile dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$PWD/backend/target/bench.classpath" -Dmdep.includeScope=test >/dev/null
CP="backend/target/test-classes:backend/target/classes:$(cat backend/target/bench.classpath)"
exec java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" cn.liaison.backend.search.SearchBench "$@"
