#!/usr/bin/env bash
# Constant-rate (open-loop) HTTP load generator (issue 19): starts the service in-process on
# embedded stores and prints create at 50 / 200 / 500 per second, chat at 100 per second with
# repeated questions, and overload at 3x (503 with Retry-After, how fast).
#   deploy/load.sh          # 10 s per phase
#   deploy/load.sh 30       # 30 s per phase
#   deploy/load.sh answers  # KB answers per second: not asked before vs repeated (the answer cache)
#   deploy/load.sh jar 10   # the same phases against the shipped jar (DEMO=on) started in its own JVM
#   LOAD_TRACE_DIR=dir deploy/load.sh jar 10   # also one CSV a phase (each request's due time, status, latency)
#                                              # and the service's log
set -euo pipefail
cd "$(dirname "$0")/.."
# the build is quiet unless it fails; then its output (a compile error) is shown
quiet() { local log; log=$(mktemp); "$@" >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; return 1; }; rm -f "$log"; }
quiet mvn -B -q ${MVN_OPTS:-} -pl backend -am test-compile dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$PWD/backend/target/bench.classpath" -Dmdep.includeScope=test
CP="backend/target/test-classes:backend/target/classes:$(cat backend/target/bench.classpath)"
MAIN=cn.liaison.backend.load.LoadGenerator
if [ "${1:-}" = jar ]; then
    shift
    quiet mvn -B -q ${MVN_OPTS:-} -pl backend -am package -DskipTests
    DIR=$(mktemp -d /tmp/liaison-load-jar.XXXXXX)
    PORT=${LOAD_PORT:-18480}
    # as the README and deploy/run-local.sh start it (the Shenandoah collector unless SERVICE_JAVA_OPTS says
    # otherwise; its logging too: INFO, one access line a request), with the demo accounts
    # and the chat/KB per-user limits lifted for the generator
    DEMO=on DATA_DIR="$DIR" HTTP_PORT=$PORT HTTP_HOST=127.0.0.1 CHAT_MESSAGES_PER_MINUTE=1000000 \
        KB_ANSWERS_PER_MINUTE=1000000 java ${SERVICE_JAVA_OPTS:--XX:+UseShenandoahGC} -jar backend/target/liaison-backend.jar >"$DIR/service.log" 2>&1 &
    SERVICE=$!
    # the service's log goes with the traces (LOAD_TRACE_DIR), e.g. for the store's wide-read warnings
    trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null; [ -n "${LOAD_TRACE_DIR:-}" ] && cp "$DIR/service.log" "$LOAD_TRACE_DIR/"; rm -rf "$DIR"' EXIT
    for _ in $(seq 600); do
        grep -q "published entries indexed" "$DIR/service.log" && break
        kill -0 $SERVICE 2>/dev/null || { cat "$DIR/service.log"; exit 1; }
        sleep 0.5
    done
    grep -q "published entries indexed" "$DIR/service.log" \
        || { echo "the knowledge base was not indexed within 300 s (is LOG_LEVEL above INFO?)" >&2; exit 1; }
    LOAD_TARGET_PORT=$PORT LOAD_TARGET_DATA_DIR="$DIR" LOAD_TARGET_PID=$SERVICE java ${JAVA_OPTS:-} -Xmx1g \
        -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" "$MAIN" "$@"
    exit 0
fi
if [ "${1:-}" = answers ]; then MAIN=cn.liaison.backend.kb.AnswersBench; shift; fi
exec java ${JAVA_OPTS:-} -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" "$MAIN" "$@"
