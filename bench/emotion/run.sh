#!/usr/bin/env bash
# Emotion reading accuracy and speed (issue 6): evaluates EmotionReader on bench/emotion/data/messages.tsv, dev and
# held-out separately, and measures one-thread throughput. Compiles the app classes if needed. Extra arguments go to
# the harness, e.g. bench/emotion/run.sh --errors=dev   (list dev misclassifications; never look at held-out errors)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
JAVA_HOME=${BENCH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
OUT="$REPO/target/bench-emotion"
cd "$REPO"
if [ ! -f target/classes/org/kefu/insight/EmotionReader.class ]; then
  ./mvnw -B -ntp -q -o compile
fi
CP="target/classes"
mkdir -p "$OUT"
"$JAVA_HOME/bin/javac" -nowarn -proc:none -cp "$CP" -d "$OUT" "$HERE/org/kefu/insight/EmotionBench.java"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
"$JAVA_HOME/bin/java" -Xms128m -Xmx256m -cp "$OUT:$CP" org.kefu.insight.EmotionBench "$@"
