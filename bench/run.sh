#!/usr/bin/env bash
# Read-path benchmark: starts the packaged service on a generated data set and drives it with wrk.
#   bench/run.sh [ARTICLES] [DURATION]     e.g. bench/run.sh 100000 20s
# Prints req/s, p50 and p99 per query, and the service's RSS under load. The data set is generated
# once per size (deterministic, see generate.sql) into bench/data-<ARTICLES> and reused.
# Environment: BENCH_PORT (8080); BENCH_GENERATE_ONLY=1: generate the data set if needed, then stop;
# BENCH_CACHE: on, off or both (default); BENCH_WARMUP: load per query before measuring (10s); BENCH_WORKERS: sessions generating at once (the number of cores); BENCH_INSTANCE: tags the JVM
# (-Dmasthead.instance); BENCH_APP: the runner jar (target/quarkus-app/quarkus-run.jar), e.g. a copy
# of quarkus-app, so that a build running meanwhile cannot pull the jars from under the service;
# BENCH_DATA: the data directory (bench/data-<ARTICLES>).
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=${1:-100000}
DURATION=${2:-20s}
PORT=${BENCH_PORT:-8080}
GENERATE_ONLY=${BENCH_GENERATE_ONLY:-0}
WORKERS=${BENCH_WORKERS:-$(nproc)}
APP_JAR=${BENCH_APP:-target/quarkus-app/quarkus-run.jar}
DATA=${BENCH_DATA:-bench/data-$ARTICLES}
BASE=http://127.0.0.1:$PORT/api/v1

. bench/lib.sh
bench_tools

INSTANCE=${BENCH_INSTANCE:-$([ "$GENERATE_ONLY" = 1 ] && echo bench-gen || echo bench)}
trap stop EXIT
start

pg_connect
generate
[ "$GENERATE_ONLY" = 1 ] && exit 0

SLUG=$($SQL -c "select slug from articles where status = 'published' order by published_at desc limit 1 offset 100")
PERSON=$($SQL -c "select p.slug from people p join article_people ap on ap.person_id = p.id group by p.slug order by count(*) desc limit 1 offset 10")
WORD=$($SQL -c "select 'harbour'")
declare -a NAMES=(
  "single article by slug, all includes"
  "newest 20"
  "newest 20 teasers (fields=)"
  "filter by tag"
  "filter by person"
  "place within a region"
  "near a point (25 km)"
  "q search of a body word")
declare -a URLS=(
  "$BASE/articles/$SLUG?include=people,places,quotes"
  "$BASE/articles?limit=20"
  "$BASE/articles?limit=20&fields=id,slug,headline,standfirst,publishedAt"
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
  # Each query warms the JIT for its own code, then the JIT is given time to catch up (jit_settle, bench/lib.sh).
  # q goes last and is left out here: uncached, it holds connections for seconds and would slow the rest.
  for url in "${URLS[@]:0:${#URLS[@]}-1}"; do wrk -t2 -c64 -d"${BENCH_WARMUP:-10s}" "$url" >/dev/null; done
  jit_settle -t2 -c64 "${URLS[1]}"
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
