#!/usr/bin/env bash
# Soak benchmark: the packaged service on a generated data set under a steady mix of anonymous reads (64
# connections) and one editor write a second, then a check that the change feed replays to the database.
#   bench/soak.sh [ARTICLES] [DURATION]     e.g. bench/soak.sh 100000 10m   (the defaults)
# Reports req/s, p50, p99 and non-2xx/5xx per kind of read (one wrk per kind, each with a fixed share of the
# connections, so each has its own latency histogram; wrk's timeout is 30 s so that stalls show as latency),
# the writes and their failures, the JVM's RSS (heap pre-touched) and live heap after GC every minute, the
# ratio end / minute 1 of both, and whether replaying
# GET /api/v1/changes as admin and as anonymous gives exactly the rows of the database; then a markdown summary.
# Environment as bench/run.sh: BENCH_PORT (8080), BENCH_APP (the runner jar), BENCH_DATA (the data directory,
# bench/data-<ARTICLES>, generated when empty), BENCH_WORKERS, BENCH_INSTANCE, BENCH_GENERATE_ONLY=1;
# BENCH_PG_USER / BENCH_PG_PASSWORD_FILE for psql (postgres / <data>/pg-password when that file exists).
# Relative BENCH_APP and BENCH_DATA are taken from the current directory.
set -euo pipefail
[ -n "${BENCH_APP:-}" ] && BENCH_APP=$(realpath -m "$BENCH_APP")
[ -n "${BENCH_DATA:-}" ] && BENCH_DATA=$(realpath -m "$BENCH_DATA")
cd "$(dirname "$0")/.."
ARTICLES=${1:-100000}
DURATION=${2:-10m}
PORT=${BENCH_PORT:-8080}
GENERATE_ONLY=${BENCH_GENERATE_ONLY:-0}
WORKERS=${BENCH_WORKERS:-$(nproc)}
APP_JAR=${BENCH_APP:-target/quarkus-app/quarkus-run.jar}
DATA=${BENCH_DATA:-bench/data-$ARTICLES}
INSTANCE=${BENCH_INSTANCE:-soak}
BASE=http://127.0.0.1:$PORT/api/v1
case $DURATION in
  *h) SECS=$(( ${DURATION%h} * 3600 )) ;; *m) SECS=$(( ${DURATION%m} * 60 )) ;; *s) SECS=${DURATION%s} ;; *) SECS=$DURATION ;;
esac
# Connections per kind of read (64 in all): what a news site's readers ask for most gets most.
KINDS=(article newest tag section person place page search near people quotes)
CONNS=(16 6 6 4 6 4 4 4 4 5 5)

. bench/lib.sh
bench_tools jq
OUT=$(mktemp -d)
TOKEN=soak-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
export CMS_ADMIN_TOKEN=$TOKEN
PIDS=()  # the load, the writer and the sampler
cleanup() { stop; [ ${#PIDS[@]} = 0 ] || kill "${PIDS[@]}" 2>/dev/null || true; rm -rf "$OUT"; }
trap cleanup EXIT
# The heap is committed and touched from the start, so that RSS grows only if something else does.
# One address posts every comment of the writer, so the per-address comment limit is lifted for the soak.
start -Xms512m -XX:+AlwaysPreTouch -Dcms.comments.rate-limit=1000000
pg_connect
generate
[ "$GENERATE_ONLY" = 1 ] && exit 0

# What the readers draw from: every slug anonymous readers can see, and second to fourth pages of lists.
$SQL -c "select slug from articles where article_visible(status, published_at, now())" > "$OUT/slugs.txt"
PEOPLE=$($SQL -c "select count(*) from people where slug like 'person-%'")
: > "$OUT/pages.txt"
for i in $(seq 1 12); do
  for first in "articles?limit=20&tag=tag-$((i * 5))" "articles?limit=20&person=person-$((i * 97))" \
               "articles?limit=20&place=region-$(( i % 20 + 1 ))-$(( i % 10 + 1 ))" "quotes?limit=20&speaker=person-$((i * 89))"; do
    url=$BASE/$first
    for _ in 1 2 3; do
      url=$(curl -s -D - -o /dev/null --max-time 60 "$url" | tr -d '\r' | sed -n 's/^[Ll]ink: <\(.*\)>; rel="next"$/\1/p')
      [ -n "$url" ] || break
      echo "/${url#*://*/}" >> "$OUT/pages.txt"
    done
  done
done
echo "Soak: $(wc -l < "$OUT/slugs.txt") visible articles, $(wc -l < "$OUT/pages.txt") later pages, $DURATION," \
     "64 connections (${KINDS[*]}: ${CONNS[*]}), one write a second; service pid $APP"

sample() {  # "RSS MB, heap live after the last collection MB" of the JVM (the second from its metrics, ? when they do not answer)
  local live
  live=$(curl -s --max-time 5 "http://127.0.0.1:$PORT/q/metrics" | awk '/^jvm_gc_live_data_size_bytes/ {printf "%d", $2 / 1048576}') || true
  echo "$(awk '/^VmRSS/ {printf "%d", $2 / 1024}' /proc/$APP/status) ${live:-?}"
}
sampler() {  # every 10 s: "second RSS live"
  local t0=$SECONDS t s
  while [ $(( SECONDS - t0 )) -le "$SECS" ]; do
    t=$(( SECONDS - t0 )) s=$(sample)
    echo "$t $s" >> "$OUT/rss"
    [ $(( t % 60 )) -lt 10 ] && [ $t -ge 60 ] && echo "  minute $(( t / 60 )): RSS ${s% *} MB, heap live after GC ${s#* } MB"
    sleep 10
  done
}

api() {  # KIND METHOD PATH [JSON] as admin; logs "kind status seconds" and prints the body
  local kind=$1 method=$2 path=$3 body=${4:-} res
  # An object this cycle failed to create: what needs it is skipped, not counted as another failure.
  if [[ $path == */ || $body == *'Id":""'* || $body == *'Ids":[""]'* ]]; then echo "$kind skipped 0" >> "$OUT/writes"; return; fi
  res=$(curl -s --max-time 30 -X "$method" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        ${body:+--data "$body"} -w '\n%{http_code} %{time_total}' "$BASE/$path") || true
  echo "$kind ${res##*$'\n'}" >> "$OUT/writes"
  printf '%s' "${res%$'\n'*}"
}
id_of() { jq -r '.id // empty' 2>/dev/null || true; }  # the id of the created object, empty when it failed
writer() {  # one write a second (the next starts when the last has answered): a newsroom's cycle of 15 writes
  local n=0 step=0 t0=$SECONDS person article quote comment second place existing
  place=$($SQL -c "select id from places where slug = 'town-1-1-1'")
  mapfile -t existing < <($SQL -c "select id from articles where status = 'published' order by random() limit 500")
  edit() { api archive.edit PATCH "articles/${existing[RANDOM % ${#existing[@]}]}" "{\"standfirst\":\"Updated at $(date -u +%FT%TZ).\"}"; }
  post_comment() {  # anonymous, as a reader; lands pending
    local res
    [ -n "$article" ] || { echo "comment.post skipped 0" >> "$OUT/writes"; return; }
    res=$(curl -s --max-time 30 -H 'Content-Type: application/json' -w '\n%{http_code} %{time_total}' \
          --data '{"authorName":"Reader","authorEmail":"reader@example.org","body":"Good news."}' \
          "$BASE/articles/$article/comments") || true
    echo "comment.post ${res##*$'\n'}" >> "$OUT/writes"
    id_of <<<"${res%$'\n'*}"
  }
  while [ $(( SECONDS - t0 )) -lt "$SECS" ]; do
    case $step in
      0) n=$((n + 1))
         person=$(api person.create POST people "{\"name\":\"Soak Person $n $t0\",\"role\":\"Spokesperson\"}" | id_of) ;;
      1) article=$(api article.create POST articles "{\"headline\":\"Soak article $n\",\"standfirst\":\"Written by the soak.\",
           \"body\":[{\"type\":\"paragraph\",\"text\":\"The harbour reopened after the storm.\"}],\"section\":\"local\",
           \"tags\":[\"soak\",\"tag-7\"],\"personIds\":[\"$person\"],\"placeIds\":[\"$place\"]}" | id_of) ;;
      2) api article.publish PATCH "articles/$article" '{"status":"published"}' >/dev/null ;;
      3) quote=$(api quote.create POST quotes "{\"text\":\"We will rebuild the bridge.\",\"speakerId\":\"$person\",
           \"articleId\":\"$article\",\"context\":\"at a briefing\"}" | id_of) ;;
      4) comment=$(post_comment) ;;
      5) api comment.approve PATCH "comments/$comment" '{"status":"approved"}' >/dev/null ;;
      6) edit >/dev/null ;;
      7) api person.update PATCH "people/$person" '{"role":"Minister"}' >/dev/null ;;
      8) api quote.update PATCH "quotes/$quote" '{"context":"in an evening address"}' >/dev/null ;;
    esac
    if [ $step -ge 9 ] && [ $((n % 2)) = 1 ]; then  # odd cycles delete what they created
      case $step in
        9) api comment.reject PATCH "comments/$comment" '{"status":"rejected"}' >/dev/null ;;
        10) api comment.delete DELETE "comments/$comment" >/dev/null ;;
        11) api article.archive PATCH "articles/$article" '{"status":"archived"}' >/dev/null ;;
        12) api quote.delete DELETE "quotes/$quote" >/dev/null ;;
        13) api article.delete DELETE "articles/$article" >/dev/null ;;
        14) api person.delete DELETE "people/$person" >/dev/null ;;
      esac
    elif [ $step -ge 9 ]; then  # even cycles keep them, and end with the article unpublished (its comment approved)
      case $step in
        9) api article.update PATCH "articles/$article" "{\"headline\":\"Soak article $n, updated\"}" >/dev/null ;;
        10) second=$(post_comment) ;;
        11) edit >/dev/null ;;
        12) api comment.spam PATCH "comments/$second" '{"status":"spam"}' >/dev/null ;;
        13) edit >/dev/null ;;
        14) api article.unpublish PATCH "articles/$article" '{"status":"draft"}' >/dev/null ;;
      esac
    fi
    step=$(( (step + 1) % 15 ))
    sleep "$(awk -v t="$(date +%s.%N)" 'BEGIN {printf "%.3f", 1 - (t - int(t))}')"  # to the next whole second
  done
}

: > "$OUT/writes"
sampler & PIDS+=($!)
writer & PIDS+=($!)
for i in "${!KINDS[@]}"; do
  wrk -t1 -c"${CONNS[$i]}" -d"$DURATION" --timeout 30s -s bench/soak.lua "http://127.0.0.1:$PORT" \
      -- "${KINDS[$i]}" "$OUT" "$PEOPLE" > "$OUT/wrk-${KINDS[$i]}" 2>&1 &
  PIDS+=($!)
done
for pid in "${PIDS[@]}"; do wait "$pid" || true; done
PIDS=()
kill -0 $APP 2>/dev/null || { echo "The service died, see $DATA.log" >&2; exit 1; }

# Replays the change feed from the start, as admin ($1 = admin) or anonymous, into $OUT/feed-$1: "seq collection id op".
replay() {
  local auth=() after="" page n
  [ "$1" = admin ] && auth=(-H "Authorization: Bearer $TOKEN")
  : > "$OUT/feed-$1"
  while :; do
    page=$(curl -sf --max-time 120 "${auth[@]}" "$BASE/changes?limit=1000${after:+&after=$after}") \
      || { echo "replay ($1): GET /changes failed after ${after:-the start}" >&2; return 1; }
    # One jq a page: its entries, then "next <cursor> <count>".
    jq -r '(.items[] | "\(.seq) \(.collection) \(.id) \(.op)"), "next \(.next) \(.items | length)"' <<<"$page" > "$OUT/page"
    read -r _ after n < <(tail -1 "$OUT/page")
    sed '$d' "$OUT/page" >> "$OUT/feed-$1"
    [ "$n" -eq 1000 ] || break
  done
}
# Compares the replayed feed of $1 with the rows the SQL $2 lists ("collection|id"); prints one line per
# collection with differences, and sets MISMATCH.
compare() {
  local feed=$OUT/feed-$1
  awk 'NR > 1 && $1 <= prev {bad++} {prev = $1} END {if (bad) print "  seq not increasing " bad " times"}' "$feed"
  awk '{last[$2 " " $3] = $4} END {for (k in last) if (last[k] == "upsert") print k}' "$feed" | sort > "$OUT/set-$1-feed"
  $SQL -F ' ' -c "$2" | sort > "$OUT/set-$1-db"
  MISMATCH=0
  for c in articles people places quotes comments; do
    local extra missing rows
    extra=$(comm -23 "$OUT/set-$1-feed" "$OUT/set-$1-db" | grep -c "^$c " || true)
    missing=$(comm -13 "$OUT/set-$1-feed" "$OUT/set-$1-db" | grep -c "^$c " || true)
    rows=$(grep -c "^$c " "$OUT/set-$1-db" || true)
    [ $((extra + missing)) = 0 ] || MISMATCH=1
    printf '  %-9s %7d rows: %d upserted in the feed but not in the database, %d in the database but not upserted\n' \
      "$c" "$rows" "$extra" "$missing"
  done
}
VISIBLE="article_visible(a.status, a.published_at, now())"
replay admin
echo "Change feed as admin: $(wc -l < "$OUT/feed-admin") entries"
compare admin "select 'articles', id from articles union all select 'people', id from people
  union all select 'places', id from places union all select 'quotes', id from quotes union all select 'comments', id from comments"
ADMIN_OK=$([ $MISMATCH = 0 ] && echo yes || echo NO)
replay public
echo "Change feed as anonymous: $(wc -l < "$OUT/feed-public") entries"
compare public "select 'articles', id from articles a where $VISIBLE union all select 'people', id from people
  union all select 'places', id from places union all select 'quotes', id from quotes
  union all select 'comments', c.id from comments c join articles a on a.id = c.article_id where c.status = 'approved' and $VISIBLE"
PUBLIC_OK=$([ $MISMATCH = 0 ] && echo yes || echo NO)

# The summary.
ms() { awk -v v="$1" 'BEGIN {if (v >= 1000) printf "%.2f s", v / 1000; else printf "%.1f ms", v}'; }
echo
echo "| read ($ARTICLES articles, $DURATION) | conns | req/s | p50 | p99 | max | non-2xx | 5xx (503) | timeouts |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
total=0 total5=0
for i in "${!KINDS[@]}"; do
  line=$(grep '^SOAK ' "$OUT/wrk-${KINDS[$i]}" || true)
  if [ -z "$line" ]; then echo "| ${KINDS[$i]} | ${CONNS[$i]} | wrk failed: $(tail -1 "$OUT/wrk-${KINDS[$i]}") |||||||"; continue; fi
  read -r _ kind reqs secs p50 p99 max non2xx s5xx s503 timeouts sockerr <<<"$line"
  rps=$(awk -v r="$reqs" -v s="$secs" 'BEGIN {printf "%.0f", r / s}')
  total=$(( total + rps )) total5=$(( total5 + s5xx ))
  echo "| $kind | ${CONNS[$i]} | $rps | $(ms "$p50") | $(ms "$p99") | $(ms "$max") | $non2xx | $s5xx ($s503) | $timeouts |"
done
echo "| **all reads** | 64 | **$total** | | | | | **$total5** | |"
skipped=$(grep -c ' skipped ' "$OUT/writes" || true)
sed -i '/ skipped /d' "$OUT/writes"
writes=$(wc -l < "$OUT/writes")
failed=$(awk '$2 !~ /^20[014]$/' "$OUT/writes" | wc -l)
wfail=$(awk '$2 !~ /^20[014]$/ {print $1 " " ($2 == "000" ? "timeout" : $2)}' "$OUT/writes" | sort | uniq -c | awk '{printf "%s%s %s ×%d", (NR > 1 ? ", " : ""), $2, $3, $1}')
read -r wp50 wp99 < <(awk '{print $3 * 1000}' "$OUT/writes" | sort -n | awk '{v[NR] = $1} END {i50 = int(NR * 0.5); i99 = int(NR * 0.99);
  print v[i50 < 1 ? 1 : i50], v[i99 < 1 ? 1 : i99]}')
echo "| editor writes | 1/s | $(awk -v w="$writes" -v s="$SECS" 'BEGIN {printf "%.2f", w / s}') | $(ms "$wp50") | $(ms "$wp99") | |" \
     "$failed failed${wfail:+: $wfail}, $skipped skipped | $(awk '$2 ~ /^5/' "$OUT/writes" | wc -l) | |"
echo
rss1=$(awk '$1 >= 60 {print $2; exit}' "$OUT/rss")
rssN=$(tail -1 "$OUT/rss" | cut -d' ' -f2)
# The live heap is measured by old-generation cycles only (the first may come after minute 1): the largest of
# the first half against the last.
live1=$(awk -v h=$((SECS / 2)) '$1 <= h && $3 != "?" && $3 > m {m = $3} END {print m}' "$OUT/rss")
liveN=$(tail -1 "$OUT/rss" | cut -d' ' -f3)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a + 0 > 0 && b + 0 > 0) printf "%.2f", b / a; else printf "?"}'; }
echo "- RSS of the JVM (every 10 s; -Xms512m -Xmx512m, heap pre-touched): $(awk 'NR == 1 {print $2}' "$OUT/rss") MB at the start," \
     "${rss1:-?} MB at minute 1, $rssN MB at the end ($(tail -1 "$OUT/rss" | cut -d' ' -f1) s)," \
     "max $(sort -k2 -n "$OUT/rss" | tail -1 | cut -d' ' -f2) MB; end / minute 1 = $(ratio "$rss1" "$rssN") (target: within 10%)." \
     "Heap live after GC: at most ${live1:-?} MB in the first half, ${liveN:-?} MB at the end ($(ratio "$live1" "$liveN"))"
echo "- Change feed replayed as admin ($(wc -l < "$OUT/feed-admin") entries) gives exactly the database's rows: $ADMIN_OK"
echo "- Change feed replayed as anonymous ($(wc -l < "$OUT/feed-public") entries) gives exactly the visible rows: $PUBLIC_OK"
