#!/usr/bin/env bash
# Webhook benchmark: the packaged service (empty database, private addresses allowed so that it may call a receiver on
# 127.0.0.1) and bench/WebhookBench.java: deliveries per second of a replayed backlog to a receiver that answers at
# once, and commit-to-delivery latency (p50, p99) under a steady write rate.
#   bench/webhooks.sh [BACKLOG] [RATE] [SECONDS]     e.g. bench/webhooks.sh 2000 20 60   (the defaults)
# Environment: BENCH_PORT (8080), BENCH_APP (the runner jar), BENCH_DATA (bench/data-webhooks, emptied first).
set -euo pipefail
[ -n "${BENCH_APP:-}" ] && BENCH_APP=$(realpath -m "$BENCH_APP")
[ -n "${BENCH_DATA:-}" ] && BENCH_DATA=$(realpath -m "$BENCH_DATA")
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-8080}
APP_JAR=${BENCH_APP:-target/quarkus-app/quarkus-run.jar}
DATA=${BENCH_DATA:-bench/data-webhooks}
INSTANCE=webhooks
. bench/lib.sh
[ -f "$APP_JAR" ] || ./mvnw -B -q package -DskipTests
rm -rf "$DATA"
TOKEN=bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
export CMS_ADMIN_TOKEN=$TOKEN
trap stop EXIT
start -Dcms.webhooks.allow-private-addresses=true -Dcms.comments.rate-limit=1000000
java bench/WebhookBench.java "http://127.0.0.1:$PORT/api/v1" "$TOKEN" "${1:-2000}" "${2:-20}" "${3:-60}"
