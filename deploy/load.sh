#!/usr/bin/env bash
# Constant-rate (open-loop) HTTP load generator (issue 19): starts the service in-process on
# embedded stores and prints create at 50 / 200 / 500 per second, chat at 100 per second with
# repeated questions, and overload at 3x (503 with Retry-After, how fast).
#   deploy/load.sh          # 10 s per phase
#   deploy/load.sh 30       # 30 s per phase
#   deploy/load.sh answers  # KB answers per second: not asked before vs repeated (the answer cache)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q ${MVN_OPTS:-} -pl backend -am test-compile dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$PWD/backend/target/bench.classpath" -Dmdep.includeScope=test >/dev/null
CP="backend/target/test-classes:backend/target/classes:$(cat backend/target/bench.classpath)"
MAIN=cn.liaison.backend.load.LoadGenerator
if [ "${1:-}" = answers ]; then MAIN=cn.liaison.backend.kb.AnswersBench; shift; fi
exec java ${JAVA_OPTS:-} -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" "$MAIN" "$@"
