#!/usr/bin/env bash
# Live chat benchmark: start the app (H2 by default, or KEFU_DB_URL/KEFU_DB_USER/KEFU_DB_PASSWORD for
# PostgreSQL) on 127.0.0.1, then run bench/chat/ChatLoad.java: BENCH_CHAT_VISITORS concurrent visitors,
# each with an open SSE stream, writing BENCH_CHAT_MESSAGES messages; p99 delivery to the agent's
# /live stream is printed (target < 100 ms). See bench/README.md and docs/performance.md.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
JAVA=${BENCH_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
PORT=${BENCH_PORT:-18081}
TOKEN=${BENCH_TOKEN:-kefu-chat-bench-token-2026}
VISITORS=${BENCH_CHAT_VISITORS:-1000}
MESSAGES=${BENCH_CHAT_MESSAGES:-5}
INTERVAL=${BENCH_CHAT_INTERVAL_MS:-20000}  # a message every 20 s per visitor: about 50/s from 1,000 visitors
RAMP=${BENCH_CHAT_RAMP_MS:-60000}
WORK=${BENCH_WORK:-$(mktemp -d /tmp/kefu-chat-bench.XXXXXX)}
APP_JAVA_OPTS=${BENCH_APP_JAVA_OPTS:--Xms512m -Xmx2g -XX:+UseZGC}
JAR=${BENCH_JAR:-}

if [[ -z "$JAR" ]]; then
    (cd "$REPO" && ./mvnw -B -ntp -q -o package -DskipTests)
    JAR=$(ls "$REPO"/target/kefu-*.jar | grep -v plain | head -1)
fi
mkdir -p "$WORK"
echo "work dir $WORK; jar $JAR; visitors $VISITORS x $MESSAGES messages"
uname -a > "$WORK/machine.txt"; nproc >> "$WORK/machine.txt"; free -m >> "$WORK/machine.txt" || true

KEFU_DATA_DIR="$WORK/data" KEFU_DEMO=false KEFU_BOOTSTRAP_API_TOKEN="$TOKEN" PORT=$PORT \
KEFU_ADMIN_PASSWORD=chat-bench-admin-2026 \
KEFU_CHAT_IP_PER_MINUTE=100000000 KEFU_CHAT_VISITOR_PER_MINUTE=100000 \
    "$JAVA" $APP_JAVA_OPTS -jar "$JAR" --server.address=127.0.0.1 --logging.level.root=WARN > "$WORK/app.log" 2>&1 &
APP_PID=$!
stop_app() {
    kill "$APP_PID" 2>/dev/null || return 0
    for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || return 0; sleep 1; done
    kill -9 "$APP_PID" 2>/dev/null || true
}
trap stop_app EXIT
for _ in $(seq 1 180); do
    curl -fsS "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
    sleep 1
done
if [[ "${BENCH_CHAT_WARMUP:-1}" == 1 ]]; then
    # the same visitors' pattern once, not counted: the measured run then meets a JIT-compiled app
    echo "warm-up run (not counted): $WORK/warmup.txt"
    "$JAVA" "$BENCH_DIR/chat/ChatLoad.java" --base="http://127.0.0.1:$PORT" --token="$TOKEN" --visitors="$VISITORS" \
        --messages=2 --interval-ms="$INTERVAL" --ramp-ms="$RAMP" > "$WORK/warmup.txt" 2>&1 || true
fi
"$JAVA" "$BENCH_DIR/chat/ChatLoad.java" --base="http://127.0.0.1:$PORT" --token="$TOKEN" --visitors="$VISITORS" \
    --messages="$MESSAGES" --interval-ms="$INTERVAL" --ramp-ms="$RAMP" --steady="${BENCH_CHAT_STEADY:-true}" --samples="$WORK/samples.txt" | tee "$WORK/results.txt"
