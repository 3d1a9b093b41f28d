#!/usr/bin/env bash
# Complaint type and topic classification accuracy and speed (issue 6): trains on the dev split of
# bench/classify/data/messages.tsv (the shipped seed set), evaluates rules-only, model-only and combined on dev and
# held-out, and measures one-thread throughput. Compiles the app classes if needed. Extra arguments go to the harness,
# e.g. bench/classify/run.sh --errors=dev   (list dev misclassifications; never look at held-out errors)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
JAVA_HOME=${BENCH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
OUT="$REPO/target/bench-classify"
cd "$REPO"
if [ ! -f target/classes/org/kefu/insight/classify/TextClassifier.class ]; then
  ./mvnw -B -ntp -q -o compile
fi
CP="target/classes"
mkdir -p "$OUT"
"$JAVA_HOME/bin/javac" -nowarn -proc:none -cp "$CP" -d "$OUT" "$HERE/org/kefu/insight/classify/ClassifyBench.java"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
taskset -c 0 "$JAVA_HOME/bin/java" -XX:ActiveProcessorCount=1 -Xms128m -Xmx256m -cp "$OUT:$CP" org.kefu.insight.classify.ClassifyBench "$@"
