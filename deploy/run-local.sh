#!/usr/bin/env bash
# One-command start for a new user: builds the service if the jar is missing or older than the
# sources, then runs it with embedded MongoDB and Redis (data in ./data). Ctrl-C stops it cleanly.
# Demo mode is on unless DEMO=off is set. Needs JDK 17+ and Maven 3.8+. Any configuration variable (HTTP_PORT, DATA_DIR, MONGO_URI, ...)
# set in the environment is passed through.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/backend/target/liaison-backend.jar"

needs_build() {
  [ ! -f "$jar" ] && return 0
  local newer
  newer="$(find "$root/pom.xml" "$root/knowledge-base" "$root/bots" "$root/backend" \
    -type f -newer "$jar" -not -path '*/target/*' -not -path '*/data/*' -print -quit)"
  [ -n "$newer" ]
}

if needs_build; then
  echo "Building liaison-backend.jar (first run downloads dependencies, about a minute) ..."
  (cd "$root" && mvn -B -q -DskipTests package)
fi

cd "$root"
# The local run is a demo: demo accounts and data, the pretend WeChat login, demo bindings approved
# at once. DEMO=off deploy/run-local.sh runs it as a real (empty) single-node install instead.
export DEMO="${DEMO:-on}"
# Shenandoah unless JAVA_OPTS says otherwise: its pauses stay in milliseconds under load (README, "Ninth round")
exec java ${JAVA_OPTS:--XX:+UseShenandoahGC} -jar "$jar" "$@"
