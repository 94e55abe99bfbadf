#!/usr/bin/env bash
# Three instances of the shaded jar on one shared MongoDB and one Redis behind Debian's nginx;
# steady traffic (knowledge-base questions, task lists, new requests, accepting tasks, a live event
# stream resuming with Last-Event-ID) while the instances are restarted one by one with SIGTERM.
# Prints what clients saw: failures per kind of call, lost writes, repeated or missed live events,
# duplicate notifications. Everything listens on 127.0.0.1. Takes about 6 minutes. Each instance is
# restarted as an orchestrator would: taken out of nginx's upstream (reload), stopped with SIGTERM,
# started, and put back once /health/ready (stores and knowledge-base index) answers 200.
#
#   deploy/rolling-restart.sh [STEADY_SECONDS]      (from the repository root; default 20)
#
# The shared MongoDB is mongo-java-server run standalone on a loopback port (no MongoDB server
# package exists here), the shared Redis is the redis-server binary of the embedded-redis jar.
set -euo pipefail
cd "$(dirname "$0")/.."
STEADY="${1:-20}"

if ! command -v nginx >/dev/null; then
  SUDO=""
  if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx >/dev/null
fi
if [ ! -f backend/target/liaison-backend.jar ] || [ ! -d backend/target/test-classes/cn/liaison/backend/ops/rolling ]; then
  mvn -B -q -DskipTests package -pl backend -am
fi

WORK="$(mktemp -d /tmp/liaison-rolling.XXXXXX)"
chmod 755 "$WORK"   # nginx workers run as another user
echo "work directory: $WORK"
# A copy of the jar and harness, so that a build during the run does not change what restarts.
cp backend/target/liaison-backend.jar "$WORK/liaison-backend.jar"
cp -r backend/target/test-classes "$WORK/harness"
java -cp "$WORK/harness:$WORK/liaison-backend.jar" cn.liaison.backend.ops.rolling.RollingRestart "$WORK" "$WORK/liaison-backend.jar" "$STEADY"
