#!/usr/bin/env bash
# Kefu performance benchmark: build the jar, start PostgreSQL and the app, load N synthetic
# tickets, rebuild the search index, then measure ticket creation, the filtered list and search.
# See bench/README.md and docs/performance.md. All traffic goes to 127.0.0.1.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)

N=${BENCH_TICKETS:-1000000}                      # tickets to generate
CUSTOMERS=${BENCH_CUSTOMERS:-$(( N / 5 > 0 ? N / 5 : 1 ))}
BENCH_DB=${BENCH_DB:-postgres}                   # postgres or h2
JAVA=${BENCH_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JDK_BIN=$(dirname "$JAVA")
PORT=${BENCH_PORT:-18080}
WORK=${BENCH_WORK:-$(mktemp -d /tmp/kefu-bench.XXXXXX)}
TOKEN=${BENCH_TOKEN:-kefu-bench-token-2026}
APP_JAVA_OPTS=${BENCH_APP_JAVA_OPTS:--Xms1g -Xmx4g}
APP_ARGS=${BENCH_APP_ARGS:-}                     # extra Spring arguments for the app, e.g. --logging.level.root=WARN
PG_CLUSTER=${BENCH_PG_CLUSTER:-15 main}          # Debian cluster (version name) started if it is down
PG_ADMIN=${BENCH_PG_ADMIN:-runuser -u postgres -- psql}   # how to run psql as the superuser
PG_HOST=127.0.0.1
PG_PORT=${BENCH_PG_PORT:-5432}
DB_NAME=${BENCH_DB_NAME:-kefu}
DB_USER=${BENCH_DB_USER:-kefu}
DB_PASSWORD=${BENCH_DB_PASSWORD:-kefu}
DROP_DB=${BENCH_DROP_DB:-0}                      # 1: drop an existing database $DB_NAME first
SKIP_LOAD=${BENCH_SKIP_LOAD:-0}                  # 1: reuse database and index of a previous run with the same BENCH_WORK
INDEX_TIMEOUT=${BENCH_INDEX_TIMEOUT:-7200}       # seconds to wait for the index rebuild
CREATE_REQUESTS=${BENCH_CREATE_REQUESTS:-3000}   # per concurrency level
LIST_REQUESTS=${BENCH_LIST_REQUESTS:-2000}
SEARCH_REQUESTS=${BENCH_SEARCH_REQUESTS:-1000}
PAGE_REQUESTS=${BENCH_PAGE_REQUESTS:-1000}
COUNT_REQUESTS=${BENCH_COUNT_REQUESTS:-200}
# uncounted requests before each list, page and search measurement: the JIT needs a few thousand searches before
# Lucene's scoring and highlighting code is compiled (CPU per search fell from ~14 ms to ~6 ms over the first 5,000)
READ_WARMUP=${BENCH_READ_WARMUP:-1000}
# uncounted creates at concurrency 8 before the first measurement: on two cores the JIT was still compiling after
# 20,000 creates (C2 took a third of the app's CPU up to the 16,000th, and CPU per create fell from ~14 ms to ~3.7 ms
# over the first 25,000); a server that has run for an hour is past that. 0 skips it. Each one adds a ticket.
# 60,000 since 2026-12-03: after 30,000 three successive rows of 10,000 creates still went 239, 289, 305/s (app CPU per
# create 5.5, 4.2, 3.6 ms); after 60,000, 312 and 379/s (3.3, 2.7 ms).
APP_WARMUP=${BENCH_APP_WARMUP:-60000}
# After the warm-up, more uncounted creates in chunks of SETTLE_CHUNK until the JIT's threads spent less than
# JIT_SETTLED ms of CPU per create during a chunk, at most SETTLE_MAX_CHUNKS chunks (0 skips this). On two busy cores the
# JIT still compiled hot request code (Tomcat, Jackson, Hibernate Search's indexing) after 60,000 creates, at 0.4-0.9 ms
# of CPU per create in the measured rows: a tenth to a fifth of what a create costs. Each chunk is logged.
SETTLE_CHUNK=${BENCH_SETTLE_CHUNK:-5000}
SETTLE_MAX_CHUNKS=${BENCH_SETTLE_MAX_CHUNKS:-10}
JIT_SETTLED=${BENCH_JIT_SETTLED:-0.15}
MAX_SECONDS=${BENCH_MAX_SECONDS:-180}            # time cap of each measurement
READY_TIMEOUT=${BENCH_READY_TIMEOUT:-180}        # seconds the app may take to start (more on a busy machine)

mkdir -p "$WORK"
RESULTS="$WORK/results.tsv"
APP_PID=""
STARTED_PG=0
log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*"; }

cleanup() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        log "stopping the app (pid $APP_PID)"
        kill "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
        kill -9 "$APP_PID" 2>/dev/null || true
    fi
    if [[ "$STARTED_PG" == 1 ]]; then
        log "stopping PostgreSQL cluster $PG_CLUSTER (this script started it)"
        pg_ctlcluster $PG_CLUSTER stop || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "work dir $WORK; tickets $N; customers $CUSTOMERS; database $BENCH_DB"

# ---- 1. machine ----------------------------------------------------------------------------------
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "nproc: $(nproc)"
    echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "java: $("$JAVA" -version 2>&1 | head -1)"
    if [[ "$BENCH_DB" == postgres ]]; then echo "postgresql: $(psql --version)"; fi
} | tee "$WORK/machine.txt"

# ---- 2. build the jar from a copy of the repository -------------------------------------------------
if [[ -n "${BENCH_JAR:-}" ]]; then
    JAR=$BENCH_JAR
else
    log "copying the repository and building the jar (./mvnw -q -DskipTests package)"
    rm -rf "$WORK/src"
    mkdir -p "$WORK/src"
    tar -C "$REPO" --exclude=./target --exclude=./data --exclude=./.git -cf - . | tar -C "$WORK/src" -xf -
    (cd "$WORK/src" && ./mvnw -q -DskipTests package)
    JAR=$(ls "$WORK"/src/target/kefu-*.jar | grep -v -- '-plain' | head -1)
fi
log "jar: $JAR"

# JDBC drivers for the generator: the very ones inside the app jar
DRIVERS="$WORK/drivers"
mkdir -p "$DRIVERS"
(cd "$DRIVERS" && for lib in $("$JDK_BIN/jar" tf "$JAR" | grep -E 'BOOT-INF/lib/(postgresql|h2)-[0-9].*\.jar$'); do
    "$JDK_BIN/jar" xf "$JAR" "$lib"; done)
DRIVER_CP=$(ls "$DRIVERS"/BOOT-INF/lib/*.jar | paste -sd:)

# ---- 3. the database ------------------------------------------------------------------------------
if [[ "$BENCH_DB" == postgres ]]; then
    if command -v pg_lsclusters >/dev/null && ! pg_lsclusters -h | awk -v c="$PG_CLUSTER" '$1" "$2 == c {print $4}' | grep -q online; then
        log "starting PostgreSQL cluster $PG_CLUSTER"
        pg_ctlcluster $PG_CLUSTER start
        STARTED_PG=1
    fi
    psql_admin() { $PG_ADMIN -p "$PG_PORT" -v ON_ERROR_STOP=1 -qAt "$@"; }
    if [[ "$SKIP_LOAD" != 1 ]]; then
        if [[ -z "$(psql_admin -c "select 1 from pg_roles where rolname = '$DB_USER'")" ]]; then
            psql_admin -c "create role $DB_USER login password '$DB_PASSWORD'"
        fi
        if [[ -n "$(psql_admin -c "select 1 from pg_database where datname = '$DB_NAME'")" ]]; then
            if [[ "$DROP_DB" != 1 ]]; then
                echo "database $DB_NAME exists; set BENCH_DROP_DB=1 to drop it, or BENCH_DB_NAME to use another" >&2
                exit 2
            fi
            log "dropping database $DB_NAME"
            psql_admin -c "drop database $DB_NAME"
        fi
        psql_admin -c "create database $DB_NAME owner $DB_USER encoding 'UTF8' template template0"
    fi
    DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB_NAME"
    APP_DB_USER=$DB_USER
    APP_DB_PASSWORD=$DB_PASSWORD
    psql_kefu() { PGPASSWORD=$DB_PASSWORD psql -h "$PG_HOST" -p "$PG_PORT" -U "$DB_USER" -d "$DB_NAME" -v ON_ERROR_STOP=1 "$@"; }
    echo "postgresql settings: $(psql_kefu -qAt -c "select string_agg(name || '=' || current_setting(name), ', ') from pg_settings where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'synchronous_commit', 'max_connections')")" \
        | tee -a "$WORK/machine.txt"
elif [[ "$BENCH_DB" == h2 ]]; then
    # AUTO_SERVER lets the generator open the database while the app holds it
    DB_URL="jdbc:h2:file:$WORK/data/kefu;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE"
    APP_DB_USER=sa
    APP_DB_PASSWORD=""
    if [[ "$SKIP_LOAD" != 1 ]]; then rm -rf "$WORK/data"; fi
else
    echo "BENCH_DB must be postgres or h2" >&2
    exit 2
fi

# ---- 4. start the app ------------------------------------------------------------------------------
BASE="http://127.0.0.1:$PORT"
if curl -s -o /dev/null "$BASE/actuator/health"; then
    echo "something already listens on port $PORT; set BENCH_PORT" >&2
    exit 2
fi
log "starting the app on $BASE (log: $WORK/app.log)"
mkdir -p "$WORK/data"
# shellcheck disable=SC2086
env KEFU_DB_URL="$DB_URL" KEFU_DB_USER="$APP_DB_USER" KEFU_DB_PASSWORD="$APP_DB_PASSWORD" KEFU_DEMO=false \
    KEFU_BOOTSTRAP_API_TOKEN="$TOKEN" KEFU_ADMIN_PASSWORD="${BENCH_ADMIN_PASSWORD:-kefu-bench-admin-2026}" \
    KEFU_DATA_DIR="$WORK/data" PORT="$PORT" \
    "$JAVA" $APP_JAVA_OPTS -jar "$JAR" --server.address=127.0.0.1 $APP_ARGS >"$WORK/app.log" 2>&1 &
APP_PID=$!
for i in $(seq 1 "$READY_TIMEOUT"); do
    if curl -sf -o /dev/null "$BASE/actuator/health/readiness"; then break; fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then echo "the app exited; see $WORK/app.log" >&2; tail -30 "$WORK/app.log" >&2; exit 1; fi
    if [[ $i == "$READY_TIMEOUT" ]]; then echo "the app did not become ready in $READY_TIMEOUT s" >&2; exit 1; fi
    sleep 1
done
log "app is ready"
api() { curl -sS -f -H "Authorization: Bearer $TOKEN" -H 'Accept: application/json' "$@"; }

# ---- 5. generate tickets, then rebuild the search index -------------------------------------------------
if [[ "$SKIP_LOAD" != 1 ]]; then
    log "generating $N tickets"
    "$JAVA" -cp "$DRIVER_CP" "$BENCH_DIR/GenerateTickets.java" --url="$DB_URL" --user="$APP_DB_USER" \
        --password="$APP_DB_PASSWORD" --tickets="$N" --customers="$CUSTOMERS" | tee "$WORK/generate.log"

    log "rebuilding the search index"
    api -X POST "$BASE/api/v1/admin/search-index/rebuild" >/dev/null
    t0=$(date +%s)
    while true; do
        status=$(api "$BASE/api/v1/admin/search-index")
        state=$(jq -r .state <<<"$status")
        if [[ "$state" == DONE ]]; then break; fi
        if [[ "$state" == FAILED ]]; then echo "index rebuild failed: $status" >&2; exit 1; fi
        if (( $(date +%s) - t0 > INDEX_TIMEOUT )); then echo "index rebuild took over $INDEX_TIMEOUT s" >&2; exit 1; fi
        log "  index: $(jq -r '"\(.done) / \(.total)"' <<<"$status")"
        sleep 15
    done
    echo "index rebuild: $(( $(date +%s) - t0 )) s ($(jq -r '"\(.done) documents"' <<<"$status"))" | tee -a "$WORK/generate.log"
fi

# ---- 6. the load tests ------------------------------------------------------------------------------
DEPARTMENT_IDS=$(api "$BASE/api/v1/departments" 2>/dev/null | jq -r '(if type == "array" then . else .items end)[].id' || true)
if [[ -z "$DEPARTMENT_IDS" && "$BENCH_DB" == postgres ]]; then
    DEPARTMENT_IDS=$(psql_kefu -qAt -c "select id from department order by id")
fi
: >"$WORK/list-paths.txt"
for d in $DEPARTMENT_IDS; do
    for s in OPEN NEW PENDING_CUSTOMER; do
        echo "/api/v1/tickets?status=$s&departmentId=$d" >>"$WORK/list-paths.txt"
    done
done
# the workspace page (HTML, signed in through the form) as a supervisor of every department
PAGE_AGENT="bench-agent-$(date +%s)@bench.example.com"
PAGE_PASSWORD="bench-agent-password-2026"
api -X POST "$BASE/api/v1/agents" -H 'Content-Type: application/json' \
    -d "$(jq -n --arg e "$PAGE_AGENT" --arg p "$PAGE_PASSWORD" --argjson d "$(jq -sc . <<<"$DEPARTMENT_IDS")" \
        '{email: $e, displayName: "压测坐席", role: "SUPERVISOR", password: $p, departmentIds: $d, teamIds: []}')" >/dev/null
: >"$WORK/page-paths.txt"
for v in mine unassigned team all due recent; do
    echo "/tickets?view=$v" >>"$WORK/page-paths.txt"
done
echo "/tickets?status=OPEN&priority=P1" >>"$WORK/page-paths.txt"
echo "/tickets?view=all&sort=createdAt" >>"$WORK/page-paths.txt"
: >"$WORK/count-paths.txt"
echo "/workspace/views?view=mine" >>"$WORK/count-paths.txt"

SOME_NUMBER=$(api "$BASE/api/v1/tickets?limit=1&sort=createdAt" | jq -r '.items[0].number')
: >"$WORK/search-paths.txt"
for q in "退款" "快递 延误" "refund" "password reset" "信用卡 重复扣费" "VPN" "王芳" "蓝牙耳机 划痕" "damaged parcel" \
         "外卖 凉了" "customer4242@bench.example.com" "$SOME_NUMBER"; do
    echo "/api/v1/tickets?q=$(jq -rn --arg q "$q" '$q|@uri')" >>"$WORK/search-paths.txt"
done

: >"$RESULTS"
# The app's CPU time (clock ticks) per kind of thread, as "kind ticks" lines: request threads, virtual-thread carriers
# (background work), the search-index writer, Lucene merges, db-scheduler's tasks (the SLA sweep), the JIT, GC, the rest.
app_thread_ticks() {
    local t name
    for t in /proc/"$APP_PID"/task/*; do
        name=$(cat "$t/comm" 2>/dev/null) || continue
        case "$name" in
            http-nio-*) name=requests ;;
            ForkJoinPool*) name=virtual ;;
            "Hibernate Sear"*) name=search-writer ;;
            "Lucene Merge"*) name=merges ;;
            db-scheduler*) name=scheduler ;;
            C1\ *|C2\ *) name=jit ;;
            G1\ *|GC\ *|VM\ Thread) name=gc+vm ;;
            *) name=other ;;
        esac
        echo "$name $(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0)"
    done | awk '{a[$1] += $2} END {for (k in a) print k, a[k]}' | sort
}
# The machine's own speed: CPU seconds a fixed single-threaded loop takes (lower is faster). On a shared virtual machine
# it varies by a third within minutes, with nothing of ours running; logged before and after every row.
machine_speed() {
    local TIMEFORMAT=%U
    { time awk 'BEGIN { for (i = 0; i < 2e7; i++) s += i % 7 }'; } 2>&1
}
# What ran next to the measured requests, so that a slow row can be told from a slow version: SLA breaches recorded
# (the sweep), autovacuum and autoanalyze runs finished, and the app's CPU seconds per kind of thread.
background_before() {
    BG_SPEED=$(machine_speed)
    BG_TICKS=$(app_thread_ticks)
    if [[ "$BENCH_DB" == postgres ]]; then
        BG_DB=$(psql_kefu -qAt -F' ' -c "select (select coalesce(max(id), 0) from sla_breach), (select coalesce(sum(autovacuum_count + autoanalyze_count), 0) from pg_stat_user_tables)")
    fi
}
background_after() {
    local hz line db=""
    hz=$(getconf CLK_TCK)
    line=$(join -a2 <(echo "$BG_TICKS") <(app_thread_ticks) \
        | awk -v hz="$hz" 'NF == 3 {d = $3 - $2} NF == 2 {d = $2} d > 0 {printf "%s %.1f s, ", $1, d / hz}')
    if [[ "$BENCH_DB" == postgres ]]; then
        read -r last_breach vacuums <<<"$BG_DB"
        db=$(psql_kefu -qAt -F' ' -c "select (select count(*) from sla_breach where id > $last_breach), (select coalesce(sum(autovacuum_count + autoanalyze_count), 0) from pg_stat_user_tables) - $vacuums, (select count(*) from pg_stat_activity where backend_type = 'autovacuum worker')" \
            | awk '{printf "SLA breaches recorded %d, autovacuum/analyze runs finished %d (running at the end: %d); ", $1, $2, $3}')
    fi
    log "background during the row: ${db}app CPU by thread: ${line%, }; fixed loop before/after the row: $BG_SPEED/$(machine_speed) s" \
        | tee -a "$WORK/background.txt"
}
driver() {
    log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    local db_pids=""
    # PostgreSQL's processes (the pool's backends among them) for the CPU columns; with H2 the database is in the app
    if [[ "$BENCH_DB" == postgres ]]; then db_pids=$(pgrep -d, -u postgres postgres || true); fi
    background_before
    "$JAVA" "$BENCH_DIR/LoadDriver.java" --base="$BASE" --token="$TOKEN" --out="$RESULTS" --max-seconds="$MAX_SECONDS" \
        --app-pid="$APP_PID" --db-pids="$db_pids" "$@" \
        || log "warning: the driver reported more than 1% errors (see the error samples above)"
    background_after
}
# A created ticket is indexed in the background (docs/adr/0010): after each create run, log how long search takes to
# find the newest ticket by its number, and (with KEFU_SEARCH_COORDINATION=outbox-polling, docs/adr/0007) how many
# changes still wait in the outbox.
search_lag() {
    [[ "$BENCH_DB" == postgres ]] || return 0
    local number t0 found=no pending
    number=$(psql_kefu -qAt -c "select number from ticket order by id desc limit 1")
    pending=$(psql_kefu -qAt -c "select count(*) from hsearch_outbox_event")
    t0=$(date +%s.%N)
    for _ in $(seq 1 1200); do
        if curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/tickets?q=$number&limit=1" | grep -q "\"number\":\"$number\""; then
            found=yes
            break
        fi
        sleep 0.1
    done
    log "search index lag: the newest ticket ($number) found by search: $found, $(printf '%.1f' "$(echo "$(date +%s.%N) - $t0" | bc)") s after the run ended; outbox events pending at the end: $pending" \
        | tee -a "$WORK/search-lag.txt"
}
# Uncounted creates at concurrency 8 (label, how many, time cap in seconds).
uncounted_creates() {
    "$JAVA" "$BENCH_DIR/LoadDriver.java" --base="$BASE" --token="$TOKEN" --max-seconds="$3" --scenario=create \
        --label="$1" --concurrency=8 --requests="$2" --customers="$CUSTOMERS" || true
}
# JIT CPU (ms) per create over one chunk of uncounted creates.
settle_chunk() {
    local before after
    before=$(app_thread_ticks | awk '$1 == "jit" {print $2}')
    uncounted_creates settle "$SETTLE_CHUNK" 300 >&2 # the driver's line to the log, not into the result
    after=$(app_thread_ticks | awk '$1 == "jit" {print $2}')
    awk -v b="${before:-0}" -v a="${after:-0}" -v hz="$(getconf CLK_TCK)" -v n="$SETTLE_CHUNK" \
        'BEGIN {printf "%.2f", (a - b) * 1000 / hz / n}'
}
if (( APP_WARMUP > 0 )); then
    log "warming the app up: $APP_WARMUP uncounted creates at concurrency 8"
    uncounted_creates app-warm-up "$APP_WARMUP" 900
    search_lag
    for chunk in $(seq 1 "$SETTLE_MAX_CHUNKS"); do
        jit=$(settle_chunk)
        log "settling: chunk $chunk of $SETTLE_CHUNK creates, JIT CPU $jit ms per create (settled below $JIT_SETTLED)" \
            | tee -a "$WORK/background.txt"
        if awk -v j="$jit" -v t="$JIT_SETTLED" 'BEGIN {exit !(j < t)}'; then break; fi
    done
    sleep 20 # let the work that follows new tickets (classification, SLA clocks) settle before measuring
fi
log "creating tickets through the API"
driver --scenario=create --label=create --concurrency=1 --requests="$CREATE_REQUESTS" --warmup=500 --customers="$CUSTOMERS"
search_lag
driver --scenario=create --label=create --concurrency=8 --requests="$CREATE_REQUESTS" --warmup=500 --customers="$CUSTOMERS"
search_lag
driver --scenario=create --label=create --concurrency=32 --requests="$CREATE_REQUESTS" --warmup=500 --customers="$CUSTOMERS"
search_lag
log "filtered list, first page"
driver --scenario=get --label=list --paths="$WORK/list-paths.txt" --concurrency=1 --requests="$LIST_REQUESTS" --warmup="$READ_WARMUP"
driver --scenario=get --label=list --paths="$WORK/list-paths.txt" --concurrency=8 --requests="$LIST_REQUESTS" --warmup="$READ_WARMUP"
log "workspace page GET /tickets (HTML, signed-in session)"
driver --scenario=get --label=page --login="$PAGE_AGENT:$PAGE_PASSWORD" --paths="$WORK/page-paths.txt" --concurrency=1 --requests="$PAGE_REQUESTS" --warmup="$READ_WARMUP"
driver --scenario=get --label=page --login="$PAGE_AGENT:$PAGE_PASSWORD" --paths="$WORK/page-paths.txt" --concurrency=8 --requests="$PAGE_REQUESTS" --warmup="$READ_WARMUP"
log "workspace view counts (sidebar, capped at 1,000 per view)"
driver --scenario=get --label=counts --login="$PAGE_AGENT:$PAGE_PASSWORD" --paths="$WORK/count-paths.txt" --concurrency=1 --requests="$COUNT_REQUESTS" --warmup=20
log "search"
driver --scenario=get --label=search --paths="$WORK/search-paths.txt" --concurrency=1 --requests="$SEARCH_REQUESTS" --warmup="$READ_WARMUP"
driver --scenario=get --label=search --paths="$WORK/search-paths.txt" --concurrency=8 --requests="$SEARCH_REQUESTS" --warmup="$READ_WARMUP"

# ---- 7. query plan of the list query, and the results table --------------------------------------------
if [[ "$BENCH_DB" == postgres ]]; then
    d=$(tail -1 <<<"$DEPARTMENT_IDS")
    psql_kefu -c "explain (analyze, buffers) select t.*, c.*, tr.* from ticket t join customer c on c.id = t.customer_id
        join customer_tier tr on tr.id = c.tier_id where t.status in ('OPEN') and t.department_id = $d
        order by t.updated_at desc, t.id desc fetch first 26 rows only" >"$WORK/explain-list.txt"
    psql_kefu -qAt -c "select 'database size: ' || pg_size_pretty(pg_database_size(current_database()))
        || ', tickets: ' || (select count(*) from ticket) || ', timeline entries: ' || (select count(*) from timeline_entry)" \
        | tee -a "$WORK/machine.txt"
fi
du -sh "$WORK/data/index" 2>/dev/null | awk '{print "search index size: " $1}' | tee -a "$WORK/machine.txt"

target() {
    case "$1 $2" in
        "create 8") echo ">= 500/s, p99 < 50 ms" ;;
        "list 1"|"list 8") echo "p95 < 50 ms" ;;
        "search 1"|"search 8") echo "p95 < 100 ms" ;;
        "page 1"|"page 8") echo "p95 < 200 ms" ;;
        *) echo "" ;;
    esac
}
{
    echo
    echo "Results at $N generated tickets ($BENCH_DB):"
    echo
    echo "| test | concurrency | requests | errors | throughput (req/s) | p50 ms | p95 ms | p99 ms | max ms | CPU ms/req app | db | driver | target |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    while IFS=$'\t' read -r label c n err secs rps p50 p95 p99 max app db drv; do
        echo "| $label | $c | $n | $err | $rps | $p50 | $p95 | $p99 | $max | ${app:-} | ${db:-} | ${drv:-} | $(target "$label" "$c") |"
    done <"$RESULTS"
} | tee "$WORK/results.md"
log "done; files in $WORK (results.md, results.tsv, machine.txt, generate.log, explain-list.txt, app.log)"
