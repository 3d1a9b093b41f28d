#!/usr/bin/env bash
# One routing decision among 1,000 agents (issue 5: < 1 ms). Compiles the app classes if needed,
# then the benchmark against them, and runs it. Extra arguments go to the benchmark, e.g.
#   bench/routing/run.sh --agents=5000 --decisions=100000
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
JAVA_HOME=${BENCH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
OUT="$REPO/target/bench-routing"
cd "$REPO"
if [ ! -f target/classes/org/kefu/routing/AssignmentPolicy.class ]; then
  ./mvnw -B -ntp -q -o compile
fi
if [ ! -f target/bench-routing.classpath ]; then
  ./mvnw -B -ntp -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-routing.classpath
fi
CP="target/classes:$(cat target/bench-routing.classpath)"
mkdir -p "$OUT"
"$JAVA_HOME/bin/javac" -nowarn -cp "$CP" -d "$OUT" "$HERE/org/kefu/routing/RoutingDecisionBench.java"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
"$JAVA_HOME/bin/java" -Xms256m -Xmx256m -cp "$OUT:$CP" org.kefu.routing.RoutingDecisionBench "$@"
