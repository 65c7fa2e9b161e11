#!/usr/bin/env bash
# Read-path benchmark: starts the packaged service on a generated data set and drives it with wrk.
#   bench/run.sh [ARTICLES] [DURATION]     e.g. bench/run.sh 100000 20s
# Prints req/s, p50 and p99 per query, and the service's RSS under load. The data set is generated
# once per size (deterministic, see generate.sql) into bench/data-<ARTICLES> and reused.
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=${1:-100000}
DURATION=${2:-20s}
PORT=${BENCH_PORT:-8080}
DATA=bench/data-$ARTICLES
BASE=http://127.0.0.1:$PORT/api/v1

for tool in wrk psql; do
  command -v $tool >/dev/null || { apt-get update -q && apt-get install -y -q wrk postgresql-client; break; }
done
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

java -Xmx512m -Dcms.data-dir="$DATA" -Dcms.demo-content=false -Dquarkus.http.port=$PORT \
     -Dquarkus.log.level=WARN -jar target/quarkus-app/quarkus-run.jar > "$DATA.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break; sleep 0.2; done

PG_PORT=$(sed -n 4p "$DATA/pg/postmaster.pid")
SQL="psql -h localhost -p $PG_PORT -U postgres -At"
if [ "$($SQL -c 'select count(*) from articles')" = "0" ]; then
  echo "Generating $ARTICLES articles ..."
  start=$(date +%s)
  $SQL -q -v articles="$ARTICLES" -f bench/generate.sql
  echo "Generated in $(( $(date +%s) - start )) s: $($SQL -c "select count(*) || ' articles, ' || (select count(*) from quotes) || ' quotes, ' || (select count(*) from people) || ' people, ' || (select count(*) from places) || ' places' from articles")"
fi

SLUG=$($SQL -c "select slug from articles where status = 'published' order by published_at desc limit 1 offset 100")
PERSON=$($SQL -c "select p.slug from people p join article_people ap on ap.person_id = p.id group by p.slug order by count(*) desc limit 1 offset 10")
WORD=$($SQL -c "select 'harbour'")
declare -a NAMES=(
  "single article by slug, all includes"
  "newest 20"
  "filter by tag"
  "filter by person"
  "place within a region"
  "q search of a body word"
  "near a point (25 km)")
declare -a URLS=(
  "$BASE/articles/$SLUG?include=people,places,quotes"
  "$BASE/articles?limit=20"
  "$BASE/articles?tag=tag-42&limit=20"
  "$BASE/articles?person=$PERSON&limit=20"
  "$BASE/articles?place=region-7-3&limit=20"
  "$BASE/articles?q=$WORD&limit=20"
  "$BASE/places?near=-14.0,-43.7&radiusKm=25&limit=20")

printf '%-40s %10s %9s %9s %8s\n' query req/s p50 p99 non-2xx
for i in "${!NAMES[@]}"; do
  url=${URLS[$i]}
  code=$(curl -s -o /dev/null -w '%{http_code}' "$url")
  [ "$code" = 200 ] || { echo "${NAMES[$i]}: HTTP $code for $url" >&2; exit 1; }
  wrk -t2 -c64 -d5s "$url" >/dev/null   # warm-up
  out=$(wrk -t2 -c64 -d"$DURATION" --latency "$url")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  printf '%-40s %10s %9s %9s %8s\n' "${NAMES[$i]}" "$rps" "$p50" "$p99" "${errors:-0}"
done
echo "service RSS under load: $(( $(ps -o rss= -p $APP) / 1024 )) MB  (articles: $ARTICLES, wrk -t2 -c64 -d$DURATION)"
