#!/usr/bin/env bash
# A realistic mix, and Masthead beside nginx serving the same bytes, in one run.
#   bench/mix.sh [ARTICLES] [DURATION]     e.g. bench/mix.sh 100000 60s
# 1. The mix (bench/mix.lua): 70% single articles with includes, slugs drawn Zipf-distributed over every article;
#    20% list pages (newest, tag, section, person, place, second pages through cursors); 10% q searches and near;
#    one editor write a second alongside (an edit of a published article). Prints req/s, p50/p99 per kind and
#    overall, the answers >= 400, the read cache's hit ratio (from /q/metrics, when the service exports cache
#    counts) and the JVM's peak RSS.
# 2. Beside nginx: the exact response bytes Masthead gives are fetched once into files, which nginx (installed from
#    Debian's packages when missing) serves; then, in turn in the same run (three 10 s rounds each, the median
#    round reported), Masthead and nginx with wrk -t2 -c64: the hot single article (the same 1,000 articles
#    rotated), the long tail (every visible article rotated; nginx rotates over the first BENCH_NGINX_FILES of
#    them, 10,000 by default) and the newest 20.
#    Prints req/s, p50, p99 of both and Masthead / nginx.
# Environment as bench/run.sh (BENCH_PORT, BENCH_APP, BENCH_DATA, BENCH_WORKERS, BENCH_INSTANCE,
# BENCH_GENERATE_ONLY=1: generate the data set if needed, then stop), and BENCH_CONNS (32: connections of the mix,
# one wrk thread each), BENCH_NGINX_PORT (BENCH_PORT + 100), BENCH_NGINX_FILES (10000), BENCH_JVM (extra JVM options,
# e.g. -Dcms.read-cache.max-bytes=0).
set -euo pipefail
[ -n "${BENCH_APP:-}" ] && BENCH_APP=$(realpath -m "$BENCH_APP")
[ -n "${BENCH_DATA:-}" ] && BENCH_DATA=$(realpath -m "$BENCH_DATA")
cd "$(dirname "$0")/.."
ARTICLES=${1:-100000}
DURATION=${2:-60s}
PORT=${BENCH_PORT:-8080}
NGINX_PORT=${BENCH_NGINX_PORT:-$((PORT + 100))}
CONNS=${BENCH_CONNS:-32}
FILES=${BENCH_NGINX_FILES:-10000}
GENERATE_ONLY=${BENCH_GENERATE_ONLY:-0}
WORKERS=${BENCH_WORKERS:-$(nproc)}
APP_JAR=${BENCH_APP:-target/quarkus-app/quarkus-run.jar}
DATA=${BENCH_DATA:-bench/data-$ARTICLES}
INSTANCE=${BENCH_INSTANCE:-mix}
BASE=http://127.0.0.1:$PORT/api/v1
case $DURATION in
  *m) SECS=$(( ${DURATION%m} * 60 )) ;; *s) SECS=${DURATION%s} ;; *) SECS=$DURATION ;;
esac

. bench/lib.sh
bench_tools jq
OUT=$(mktemp -d)
TOKEN=mix-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
export CMS_ADMIN_TOKEN=$TOKEN
PIDS=()
cleanup() {
  stop
  [ ${#PIDS[@]} = 0 ] || kill "${PIDS[@]}" 2>/dev/null || true
  [ -f "$OUT/nginx.pid" ] && kill "$(cat "$OUT/nginx.pid")" 2>/dev/null || true
  rm -rf "$OUT"
}
trap cleanup EXIT
# shellcheck disable=SC2086
start ${BENCH_JVM:-}
pg_connect
generate
[ "$GENERATE_ONLY" = 1 ] && exit 0
command -v nginx >/dev/null || { apt-get update -q && apt-get install -y -q nginx; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

# What the readers draw from: which article numbers anonymous readers see, and second pages of lists.
$SQL -c "select string_agg(case when a.id is not null and article_visible(a.status, a.published_at, now()) then '1' else '0' end,
         '' order by n) from generate_series(1, $ARTICLES) n left join articles a on a.slug = 'article-' || n" \
  | tr -d '\n' > "$OUT/visible.txt"
PEOPLE=$($SQL -c "select count(*) from people where slug like 'person-%'")
: > "$OUT/pages.txt"
for i in $(seq 1 10); do
  for first in "articles?limit=20" "articles?limit=20&tag=tag-$((i * 7))" "articles?limit=20&section=local&person=person-$((i * 97))" \
               "articles?limit=20&place=region-$(( i % 20 + 1 ))-$(( i % 10 + 1 ))" "articles?limit=20&person=person-$((i * 31))"; do
    next=$(curl -s -D - -o /dev/null --max-time 60 "$BASE/$first" | tr -d '\r' | sed -n 's/^[Ll]ink: <\(.*\)>; rel="next"$/\1/p')
    [ -n "$next" ] && echo "/${next#*://*/}" >> "$OUT/pages.txt"
  done
done
[ -s "$OUT/pages.txt" ] || echo "/api/v1/articles?limit=20" > "$OUT/pages.txt"

rss_peak() {
  local peak=0 r
  while r=$(awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$APP/status" 2>/dev/null) && [ -n "$r" ]; do
    [ "$r" -gt "$peak" ] && peak=$r && echo $peak > "$OUT/rss"
    sleep 1
  done
}
writer() {  # one edit of a published article a second, as an editor, for $1 seconds
  mapfile -t ids < <($SQL -c "select id from articles where status = 'published' order by random() limit 500")
  local t0=$SECONDS code
  while [ $(( SECONDS - t0 )) -lt "$1" ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -X PATCH -H "Authorization: Bearer $TOKEN" \
           -H 'Content-Type: application/json' --data "{\"standfirst\":\"Updated at $(date -u +%FT%T.%NZ).\"}" \
           "$BASE/articles/${ids[RANDOM % ${#ids[@]}]}") || code=000
    echo "$code" >> "$OUT/writes"
    sleep "$(awk -v t="$(date +%s.%N)" 'BEGIN {printf "%.3f", 1 - (t - int(t))}')"
  done
}
ticks() {  # CPU ticks (user + system) used so far by the service, and by its PostgreSQL (server and backends)
  local pm pg=0 pid
  pm=$(pgrep -f -- "-D .*$(basename "$DATA")/pg( |$)" | head -1)
  for pid in $pm $(pgrep -P "${pm:-0}"); do pg=$((pg + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done
  echo "$(awk '{print $14 + $15}' "/proc/$APP/stat") $pg"
}
cache_counts() {  # "hits misses" of the read cache from /q/metrics (masthead_read_cache_*), empty when it has none
  curl -s --max-time 5 "http://127.0.0.1:$PORT/q/metrics" \
    | awk '/^masthead_read_cache_hits_total/ {h += $NF} /^masthead_read_cache_misses_total/ {m += $NF}
           END {if (h + m > 0) printf "%d %d", h, m}'
}

echo "== Mix: $ARTICLES articles ($(tr -cd 1 < "$OUT/visible.txt" | wc -c) visible), $DURATION, $CONNS connections," \
     "one write a second${BENCH_JVM:+, $BENCH_JVM}"
# The JIT settles under the whole workload, writes included: compiling the write path and what its invalidations
# send down the read path is warm-up, not the steady state measured after it.
: > "$OUT/writes"
writer 400 & settling=$!
jit_settle -t"$CONNS" -c"$CONNS" --timeout 10s -s bench/mix.lua "http://127.0.0.1:$PORT" -- "$OUT" "$ARTICLES" "$PEOPLE"
kill $settling 2>/dev/null || true
wait $settling 2>/dev/null || true
c0=$(cache_counts)
: > "$OUT/writes"; echo 0 > "$OUT/rss"
rss_peak & PIDS+=($!)
writer "$SECS" & PIDS+=($!)
read -r j0 p0 <<<"$(ticks)"
TIMEFORMAT='%U %S'
{ time wrk -t"$CONNS" -c"$CONNS" -d"$DURATION" --timeout 10s -s bench/mix.lua "http://127.0.0.1:$PORT" -- "$OUT" \
    "$ARTICLES" "$PEOPLE" > "$OUT/mix.out"; } 2> "$OUT/wrk.time"
read -r j1 p1 <<<"$(ticks)"
wait "${PIDS[1]}" || true
c1=$(cache_counts)
printf '| %-8s | %9s | %8s | %8s |\n' kind req/s p50 p99
printf '|---|---:|---:|---:|\n'
awk -v s="$SECS" '/^MIX / {printf "| %-8s | %9.0f | %5.1f ms | %5.1f ms |\n", $2, $3 / s, $4, $5}' "$OUT/mix.out"
awk '/Requests\/sec/ {printf "| **all**  | %9.0f |          |          |\n", $2}' "$OUT/mix.out"
echo "answers >= 400: $(awk '/Non-2xx/ {n = $NF} END {print n + 0}' "$OUT/mix.out");" \
     "socket errors: $(awk '/Socket errors/ {sub(/.*errors: /, ""); print}' "$OUT/mix.out" | grep . || echo none)"
echo "overall latency (wrk): $(awk '/Latency/ {print "mean " $2 ", max " $4}' "$OUT/mix.out")"
echo "writes: $(wc -l < "$OUT/writes") ($(grep -vc '^200$' "$OUT/writes" || true) not 200)"
if [ -n "$c0" ] && [ -n "$c1" ]; then
  read -r h0 m0 <<<"$c0"; read -r h1 m1 <<<"$c1"
  echo "read cache hit ratio: $(awk -v h=$((h1 - h0)) -v m=$((m1 - m0)) 'BEGIN {printf "%.1f%% (%d hits, %d misses)", 100 * h / (h + m), h, m}')"
else
  echo "read cache hit ratio: not available (no masthead_read_cache_* counts in /q/metrics: the cache is off)"
fi
echo "peak RSS of the service: $(cat "$OUT/rss") MB"
awk -v j=$((j1 - j0)) -v p=$((p1 - p0)) -v hz="$(getconf CLK_TCK)" -v n="$(awk '/requests in/ {print $1}' "$OUT/mix.out")" \
  '{w = $1 + $2} END {printf "CPU a request: service %.3f ms, PostgreSQL %.3f ms, wrk %.3f ms\n", j * 1000 / hz / n,
                      p * 1000 / hz / n, w * 1000 / n}' "$OUT/wrk.time"

# Beside nginx: the same bytes, fetched once.
mkdir -p "$OUT/www/article" "$OUT/nginx"
chmod -R a+rX "$OUT"  # nginx's workers run as another user
$SQL -c "select slug from articles where article_visible(status, published_at, now()) order by slug" > "$OUT/slugs.txt"
head -1000 "$OUT/slugs.txt" > "$OUT/hot.txt"
head -"$FILES" "$OUT/slugs.txt" | awk -v b="$BASE" -v d="$OUT/www/article" \
  '{printf "url = \"%s/articles/%s?include=people,places\"\noutput = \"%s/%s\"\n", b, $1, d, $1}' > "$OUT/fetch.cfg"
curl -s --fail-early -K "$OUT/fetch.cfg"
curl -s -o "$OUT/www/newest.json" "$BASE/articles?limit=20"
chmod -R a+rX "$OUT/www"
cat > "$OUT/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $OUT/nginx.pid;
error_log $OUT/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 10000000;
  default_type application/json;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location /api/v1/articles/ { alias $OUT/www/article/; }
    location = /api/v1/articles { alias $OUT/www/newest.json; }
  }
}
EOF
"$NGINX" -p "$OUT/nginx" -c "$OUT/nginx/nginx.conf"
for _ in $(seq 1 50); do curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT/api/v1/articles?limit=20" && break; sleep 0.1; done
for path in "articles/$(head -1 "$OUT/hot.txt")?include=people,places" "articles?limit=20"; do
  cmp <(curl -s "http://127.0.0.1:$NGINX_PORT/api/v1/$path") <(curl -s "$BASE/$path") >/dev/null \
    || echo "warning: nginx's bytes differ from Masthead's for $path (an edit since they were fetched?)"
done

cat > "$OUT/rotate.lua" <<'EOF'
-- wrk -s rotate.lua URL -- SLUGS: each thread walks the slugs in order from its own starting point.
local slugs, i, n = {}, 0, 0
function setup(thread) n = n + 1; thread:set("id", n) end
function init(args)
  for line in io.lines(args[1]) do slugs[#slugs + 1] = line end
  math.randomseed(os.time() * 1000 + (id or 0)); i = math.random(#slugs)
end
function request()
  i = i % #slugs + 1
  return wrk.format("GET", "/api/v1/articles/" .. slugs[i] .. "?include=people,places")
end
EOF
measure() {  # URL [SLUGS]: "req/s p50 p99" of wrk -t2 -c64
  local out
  out=$(wrk -t2 -c64 -d10s --latency ${2:+-s "$OUT/rotate.lua"} "$1" ${2:+-- "$2"})
  grep -q 'Non-2xx' <<<"$out" && echo "warning: $(grep 'Non-2xx' <<<"$out") for $1" >&2
  echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out") $(awk '$1 == "50%" {print $2}' <<<"$out") $(awk '$1 == "99%" {print $2}' <<<"$out")"
}
head -"$FILES" "$OUT/slugs.txt" > "$OUT/tail-nginx.txt"
echo
echo "== Beside nginx (same bytes; wrk -t2 -c64 -d10s --latency, three rounds each in turn, the median round; default configuration of Masthead${BENCH_JVM:+ plus $BENCH_JVM})"
printf '| %-44s | %18s | %18s | %8s |\n' request "Masthead req/s, p50, p99" "nginx req/s, p50, p99" "ratio"
printf '|---|---:|---:|---:|\n'
median() { sort -n | sed -n 2p; }  # of three "req/s p50 p99" lines, the one with the median req/s
row() {  # NAME MASTHEAD_URL NGINX_URL [MASTHEAD_SLUGS NGINX_SLUGS]
  wrk -t2 -c64 -d10s ${4:+-s "$OUT/rotate.lua"} "$2" ${4:+-- "$4"} >/dev/null  # warm-up
  # Three rounds of each in turn: the machine's speed drifts by a quarter within minutes, one round each would
  # compare two moments as much as two servers.
  local m=() n=()
  for _ in 1 2 3; do m+=("$(measure "$2" "${4:-}")"); n+=("$(measure "$3" "${5:-}")"); done
  read -r mr m50 m99 <<<"$(printf '%s\n' "${m[@]}" | median)"
  read -r nr n50 n99 <<<"$(printf '%s\n' "${n[@]}" | median)"
  printf '| %-44s | %18s | %18s | %7.0f%% |\n' "$1" "$mr, $m50, $m99" "$nr, $n50, $n99" "$(awk -v a="$mr" -v b="$nr" 'BEGIN {print 100 * a / b}')"
}
row "hot article + people, places (1,000 rotated)" "http://127.0.0.1:$PORT" "http://127.0.0.1:$NGINX_PORT" "$OUT/hot.txt" "$OUT/hot.txt"
row "long tail: $(wc -l < "$OUT/slugs.txt") articles rotated (nginx: $(wc -l < "$OUT/tail-nginx.txt"))" \
    "http://127.0.0.1:$PORT" "http://127.0.0.1:$NGINX_PORT" "$OUT/slugs.txt" "$OUT/tail-nginx.txt"
row "newest 20" "$BASE/articles?limit=20" "http://127.0.0.1:$NGINX_PORT/api/v1/articles?limit=20"
echo "peak RSS of the service: $(awk '/^VmHWM/ {print int($2 / 1024)}' /proc/$APP/status) MB (VmHWM, whole run)"
