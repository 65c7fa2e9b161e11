#!/usr/bin/env bash
# Read-path benchmark: starts the packaged service on a generated data set and drives it with wrk.
#   bench/run.sh [ARTICLES] [DURATION]     e.g. bench/run.sh 100000 20s
# Prints req/s, p50 and p99 per query, and the service's RSS under load. The data set is generated
# once per size (deterministic, see generate.sql) into bench/data-<ARTICLES> and reused.
# Environment: BENCH_PORT (8080); BENCH_GENERATE_ONLY=1: generate the data set if needed, then stop;
# BENCH_CACHE: on, off or both (default); BENCH_WARMUP: load per query before measuring (10s); BENCH_WORKERS: sessions generating at once (the number of cores); BENCH_INSTANCE: tags the JVM
# (-Dmasthead.instance); BENCH_APP: the runner jar (target/quarkus-app/quarkus-run.jar), e.g. a copy
# of quarkus-app, so that a build running meanwhile cannot pull the jars from under the service.
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=${1:-100000}
DURATION=${2:-20s}
PORT=${BENCH_PORT:-8080}
GENERATE_ONLY=${BENCH_GENERATE_ONLY:-0}
WORKERS=${BENCH_WORKERS:-$(nproc)}
APP_JAR=${BENCH_APP:-target/quarkus-app/quarkus-run.jar}
DATA=bench/data-$ARTICLES
BASE=http://127.0.0.1:$PORT/api/v1

for tool in wrk psql; do
  command -v $tool >/dev/null || { apt-get update -q && apt-get install -y -q wrk postgresql-client; break; }
done
[ -f "$APP_JAR" ] || ./mvnw -B -q package -DskipTests

INSTANCE=${BENCH_INSTANCE:-$([ "$GENERATE_ONLY" = 1 ] && echo bench-gen || echo bench)}
start() {  # starts the service with these extra JVM options and waits until it is ready
  java -Xmx512m -Dmasthead.instance="$INSTANCE" -Dcms.data-dir="$DATA" -Dcms.demo-content=false -Dquarkus.http.port=$PORT \
       -Dquarkus.log.level=WARN "$@" -jar "$APP_JAR" > "$DATA.log" 2>&1 &
  APP=$!
  local ready=0
  for _ in $(seq 1 3000); do
    kill -0 $APP 2>/dev/null || break
    curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && { ready=1; break; }
    sleep 0.2
  done
  [ $ready = 1 ] || { echo "The service did not start, see $DATA.log" >&2; exit 1; }
}
stop() {  # the service stops its embedded PostgreSQL on the way out; a JVM stuck for a minute is killed
  kill $APP 2>/dev/null || return 0
  for _ in $(seq 1 600); do kill -0 $APP 2>/dev/null || break; sleep 0.1; done
  kill -9 $APP 2>/dev/null || true
  wait $APP 2>/dev/null || true
}
trap stop EXIT
start

PG_PORT=$(sed -n 4p "$DATA/pg/postmaster.pid")
# The embedded PostgreSQL takes password logins only; the service generated the password on its first start.
PGPASSWORD=$(cat "$DATA/pg-password")
export PGPASSWORD
SQL="psql -h localhost -p $PG_PORT -U postgres -At"
# Generate when there is no data, or when a generation was interrupted (its schema bench_gen is left).
generate=$($SQL -c "select not exists (select from articles) or exists (select from pg_namespace where nspname = 'bench_gen')")
if [ "$generate" = t ]; then
  echo "Generating $ARTICLES articles ($WORKERS sessions at once) ..."
  start=$(date +%s)
  gen() { $SQL -q -v articles="$ARTICLES" -v workers="$WORKERS" "$@" -f bench/generate.sql; }
  single() { gen -v phase="$1"; }
  together() {  # one phase in $WORKERS sessions at once
    local pids=() failed=0
    for w in $(seq 0 $((WORKERS - 1))); do gen -v phase="$1" -v worker="$w" & pids+=($!); done
    for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
    return $failed
  }
  phases=""
  timed() { local t=$(date +%s); "$@"; phases+=" ${*: -1} $(( $(date +%s) - t )) s,"; }
  timed single prepare
  timed together load
  timed together index
  timed single finish
  secs=$(( $(date +%s) - start ))
  echo "Generated in $secs s ($((secs / 60)) min $((secs % 60)) s;${phases%,}), $(du -sh "$DATA/pg" | cut -f1) on disk: $($SQL -c "select count(*) || ' articles, ' || (select count(*) from quotes) || ' quotes, ' || (select count(*) from people) || ' people, ' || (select count(*) from places) || ' places' from articles")"
fi
[ "$GENERATE_ONLY" = 1 ] && exit 0

SLUG=$($SQL -c "select slug from articles where status = 'published' order by published_at desc limit 1 offset 100")
PERSON=$($SQL -c "select p.slug from people p join article_people ap on ap.person_id = p.id group by p.slug order by count(*) desc limit 1 offset 10")
WORD=$($SQL -c "select 'harbour'")
declare -a NAMES=(
  "single article by slug, all includes"
  "newest 20"
  "filter by tag"
  "filter by person"
  "place within a region"
  "near a point (25 km)"
  "q search of a body word")
declare -a URLS=(
  "$BASE/articles/$SLUG?include=people,places,quotes"
  "$BASE/articles?limit=20"
  "$BASE/articles?tag=tag-42&limit=20"
  "$BASE/articles?person=$PERSON&limit=20"
  "$BASE/articles?place=region-7-3&limit=20"
  "$BASE/places?near=-14.0,-43.7&radiusKm=25&limit=20"
  "$BASE/articles?q=$WORD&limit=20")

# Every query with the read cache (the default: a repeated read is one index probe plus copying bytes),
# then again with it off, which measures the SQL and rendering behind every first read.
drive() {
  echo "$1"
  printf '%-40s %10s %9s %9s %9s\n' query req/s p50 p99 errors
  local rss=0
  # The JIT needs a minute or two of load on 2 cores before it stops compiling (C2 takes a core meanwhile).
  # q goes last and is left out here: uncached, it holds connections for seconds and would slow the rest.
  for url in "${URLS[@]:0:${#URLS[@]}-1}"; do wrk -t2 -c64 -d"${BENCH_WARMUP:-10s}" "$url" >/dev/null; done
  for i in "${!NAMES[@]}"; do
    url=${URLS[$i]}
    code=$(curl -s -o /dev/null -w '%{http_code}' "$url")
    [ "$code" = 200 ] || { echo "${NAMES[$i]}: HTTP $code for $url" >&2; exit 1; }
    wrk -t2 -c64 -d5s "$url" >/dev/null   # warm-up
    out=$(wrk -t2 -c64 -d"$DURATION" --latency "$url")
    rss=$(( $(ps -o rss= -p $APP) > rss ? $(ps -o rss= -p $APP) : rss ))
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(( $(awk '/Non-2xx/ {print $5}' <<<"$out" | grep . || echo 0) + $(grep -o 'timeout [0-9]*' <<<"$out" | awk '{print $2}' | grep . || echo 0) ))
    printf '%-40s %10s %9s %9s %9s\n' "${NAMES[$i]}" "$rps" "$p50" "$p99" "$errors"
  done
  echo "service RSS under load: at most $(( rss / 1024 )) MB  (articles: $ARTICLES, wrk -t2 -c64 -d$DURATION)"
}
case "${BENCH_CACHE:-both}" in
  on) drive "== read cache on (default)" ;;
  off) stop; start -Dcms.read-cache.max-bytes=0; drive "== read cache off" ;;
  *) drive "== read cache on (default)"; stop; start -Dcms.read-cache.max-bytes=0; drive "== read cache off" ;;
esac
