#!/usr/bin/env bash
# Benchmark of the knowledge base: p50 / p99 latency of one ask on a warm index and index build
# time, with the real content and with synthetic entries (default 10,000).
# Usage (from the repository root): knowledge-base/bench/run.sh [SIZE] [VARIANT]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -f ../pom.xml -N install
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx4g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  cn.liaison.kb.bench.KbBenchmark content content/eval/dev.jsonl "${1:-10000}" ${2:+"$2"}
