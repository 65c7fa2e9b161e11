# Shared by the bench scripts (sourced, from the repository root): tools, the packaged service, the data set, psql.
# The caller sets ARTICLES, PORT, APP_JAR, DATA, INSTANCE (and WORKERS to generate) before calling these.

bench_tools() {  # installs wrk and psql (and the commands named) from Debian's packages when one is missing
  for tool in wrk psql "$@"; do
    command -v "$tool" >/dev/null || { apt-get update -q && apt-get install -y -q wrk postgresql-client "$@"; break; }
  done
  [ -f "$APP_JAR" ] || ./mvnw -B -q package -DskipTests
}

start() {  # starts the service with these extra JVM options and waits until it is ready; APP is its pid
  # The heap flags of the documented run command (docs/running.md, Memory); BENCH_JVM replaces them.
  java ${BENCH_JVM:--Xmx224m -XX:+UseG1GC} -Dmasthead.instance="$INSTANCE" -Dcms.data-dir="$DATA" -Dcms.demo-content=false -Dquarkus.http.port=$PORT \
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

jit_settle() {  # loads the service with the wrk arguments given, 10 s at a time, until its JIT has caught up
  # A freshly started JVM under load on 2 cores compiles for minutes: the mix of bench/mix.sh compiled 4,420 methods
  # in its first 10 s of load, 130 in its sixth, 30-50 from the eighth on, and its rate rose from 1,316 to 3,700-4,000
  # req/s meanwhile (the compile queue was empty all along, so it cannot tell). Done when a round of load compiled
  # fewer than 100 methods, after 5 minutes at the latest.
  local t0=$SECONDS compiled=0 before
  count() { jstat -compiler "$APP" 2>/dev/null | awk 'NR == 2 {n = $1} END {print n + 0}'; }  # 0 without jstat
  while [ $((SECONDS - t0)) -lt 300 ]; do
    before=$(count)
    wrk -d10s "$@" >/dev/null
    compiled=$(( $(count) - before ))
    [ "$compiled" -lt 100 ] && break
  done
  echo "JIT settled after $((SECONDS - t0)) s ($compiled methods compiled in the last 10 s of load)"
}

stop() {  # the service stops its embedded PostgreSQL on the way out; a JVM stuck for a minute is killed
  kill $APP 2>/dev/null || return 0
  for _ in $(seq 1 600); do kill -0 $APP 2>/dev/null || break; sleep 0.1; done
  kill -9 $APP 2>/dev/null || true
  wait $APP 2>/dev/null || true
}

pg_connect() {  # SQL: psql on the embedded database of the running service, unaligned and tuples only
  local pidfile=$DATA/pg/postmaster.pid host=localhost
  PG_PORT=$(sed -n 4p "$pidfile")
  # No TCP listener (line 6 empty): its Unix socket directory (line 5).
  [ -z "$(sed -n 6p "$pidfile")" ] && [ -n "$(sed -n 5p "$pidfile")" ] && host=$(sed -n 5p "$pidfile")
  # A password-protected embedded database keeps its generated password in the data directory.
  local secret=${BENCH_PG_PASSWORD_FILE:-$DATA/pg-password}
  [ -r "$secret" ] && { PGPASSWORD=$(cat "$secret"); export PGPASSWORD; }
  SQL="psql -h $host -p $PG_PORT -U ${BENCH_PG_USER:-postgres} -At"
}

generate() {  # fills the database with ARTICLES articles, when it has none or a generation was interrupted
  # An interrupted generation leaves its schema bench_gen.
  local missing start secs phases=""
  missing=$($SQL -c "select not exists (select from articles) or exists (select from pg_namespace where nspname = 'bench_gen')")
  [ "$missing" = t ] || return 0
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
  timed() { local t=$(date +%s); "$@"; phases+=" ${*: -1} $(( $(date +%s) - t )) s,"; }
  timed single prepare
  timed together load
  timed together index
  timed single finish
  secs=$(( $(date +%s) - start ))
  echo "Generated in $secs s ($((secs / 60)) min $((secs % 60)) s;${phases%,}), $(du -sh "$DATA/pg" | cut -f1) on disk: $($SQL -c "select count(*) || ' articles, ' || (select count(*) from quotes) || ' quotes, ' || (select count(*) from people) || ' people, ' || (select count(*) from places) || ' places' from articles")"
}
