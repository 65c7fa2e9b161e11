#!/usr/bin/env bash
# Read cache under edits: the hot article (all includes) and the newest 20, first with no writes, then with one
# editor write per second (a PATCH of the standfirst of a random published article: the edit-all-day case).
#   bench/edits.sh [ARTICLES] [DURATION]     e.g. bench/edits.sh 10000 20s
# Environment as bench/run.sh (BENCH_PORT, BENCH_APP, BENCH_DATA, BENCH_WARMUP).
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=${1:-10000}
DURATION=${2:-20s}
PORT=${BENCH_PORT:-8080}
WORKERS=${BENCH_WORKERS:-$(nproc)}
APP_JAR=${BENCH_APP:-target/quarkus-app/quarkus-run.jar}
DATA=${BENCH_DATA:-bench/data-$ARTICLES}
BASE=http://127.0.0.1:$PORT/api/v1
INSTANCE=${BENCH_INSTANCE:-bench}
TOKEN=bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
export CMS_ADMIN_TOKEN=$TOKEN

. bench/lib.sh
bench_tools
WRITER=
trap '[ -n "$WRITER" ] && kill $WRITER 2>/dev/null; stop' EXIT
start
pg_connect
generate

SLUG=$($SQL -c "select slug from articles where status = 'published' order by published_at desc limit 1 offset 100")
mapfile -t EDITED < <($SQL -c "select id from articles where status = 'published' order by random() limit 500")
declare -a NAMES=("hot article, all includes" "newest 20")
declare -a URLS=("$BASE/articles/$SLUG?include=people,places,quotes" "$BASE/articles?limit=20")

writes() {  # one PATCH a second until killed
  local n=0
  while true; do
    curl -s -o /dev/null -X PATCH -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      -d "{\"standfirst\":\"Edit $n\"}" "$BASE/articles/${EDITED[$((n % ${#EDITED[@]}))]}"
    n=$((n + 1))
    sleep 1
  done
}

measure() {  # name url
  local out rps p50 p99
  out=$(wrk -t2 -c64 -d"$DURATION" --latency "$2")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  printf '%-44s %10s %9s %9s\n' "$1" "$rps" "$p50" "$p99"
}

for url in "${URLS[@]}"; do wrk -t2 -c64 -d"${BENCH_WARMUP:-20s}" "$url" >/dev/null; done
printf '%-44s %10s %9s %9s\n' query req/s p50 p99
for i in "${!NAMES[@]}"; do measure "${NAMES[$i]}, no writes" "${URLS[$i]}"; done
writes & WRITER=$!
for i in "${!NAMES[@]}"; do measure "${NAMES[$i]}, 1 edit/s" "${URLS[$i]}"; done
kill $WRITER; WRITER=
echo "hits/misses: $(curl -s http://127.0.0.1:$PORT/q/metrics | grep -E '^masthead_read_cache_(hits|misses)_total' | tr '\n' ' ')"
