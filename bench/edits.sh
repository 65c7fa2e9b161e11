#!/usr/bin/env bash
# Read cache under edits: the hot article (all includes), the newest 20, the first page of people, and the articles
# and quotes of the person named most, first with no writes, then with one editor write a second (a PATCH of the
# standfirst of a random published article: the edit-all-day case), then with one a second of a random other
# person's description. Each phase prints the read cache's misses during it.
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
PERSON=$($SQL -c "select p.slug from people p join article_people ap on ap.person_id = p.id
                  group by p.slug order by count(*) desc, p.slug limit 1")
mapfile -t OTHERS < <($SQL -c "select id from people where slug <> '$PERSON' order by random() limit 500")
declare -a NAMES=("hot article, all includes" "newest 20" "people, first page" "articles naming $PERSON"
  "quotes by $PERSON")
declare -a URLS=("$BASE/articles/$SLUG?include=people,places,quotes" "$BASE/articles?limit=20"
  "$BASE/people?limit=20" "$BASE/articles?person=$PERSON&limit=20" "$BASE/quotes?speaker=$PERSON&limit=20")

writes() {  # path field ids...: one PATCH a second of the next record until killed
  local path=$1 field=$2 n=0
  shift 2
  while true; do
    curl -s -o /dev/null -X PATCH -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      -d "{\"$field\":\"Edit $n\"}" "$BASE/$path/${@:$((n % $# + 1)):1}"
    n=$((n + 1))
    sleep 1
  done
}

misses() { curl -s "http://127.0.0.1:$PORT/q/metrics" | awk '/^masthead_read_cache_misses_total/ {print int($2)}'; }

phase() {  # label [writer args...]: every query, with that writer running (none without args)
  local label=$1 before
  shift
  if [ $# -gt 0 ]; then writes "$@" & WRITER=$!; fi
  before=$(misses)
  for i in "${!NAMES[@]}"; do measure "${NAMES[$i]}, $label" "${URLS[$i]}"; done
  echo "read cache misses during '$label': $(( $(misses) - before ))"
  if [ -n "$WRITER" ]; then kill $WRITER; WRITER=; fi
}

measure() {  # name url
  local out rps p50 p99
  out=$(wrk -t2 -c64 -d"$DURATION" --latency "$2")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  printf '%-60s %10s %9s %9s\n' "$1" "$rps" "$p50" "$p99"
}

for url in "${URLS[@]}"; do wrk -t2 -c64 -d"${BENCH_WARMUP:-20s}" "$url" >/dev/null; done
printf '%-60s %10s %9s %9s\n' query req/s p50 p99
phase "no writes"
phase "1 article edit/s" articles standfirst "${EDITED[@]}"
phase "1 person edit/s" people description "${OTHERS[@]}"
