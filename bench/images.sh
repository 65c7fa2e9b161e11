#!/usr/bin/env bash
# Rendition throughput and memory: a 6000 x 4000 JPEG original, 1280-px renditions cold (first render of a version)
# and warm (cached), and the service's peak RSS while 64 distinct cold renders run at once.
# Usage: bench/images.sh <base-url> <admin-token> <service-pid>   (needs curl, wrk and a JDK on PATH)
set -euo pipefail
BASE=${1:?base url, e.g. http://localhost:8093}; TOKEN=${2:?admin token}; PID=${3:?pid of the service}
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
AUTH="Authorization: Bearer $TOKEN"

# The original: drawn with Java2D, so nobody's photo is needed.
cat > "$WORK/Big.java" <<'JAVA'
import java.awt.*; import java.awt.image.BufferedImage; import javax.imageio.ImageIO; import java.io.File;
public class Big { public static void main(String[] a) throws Exception {
  BufferedImage img = new BufferedImage(6000, 4000, BufferedImage.TYPE_INT_RGB); Graphics2D g = img.createGraphics();
  g.setPaint(new GradientPaint(0, 0, Color.BLUE, 6000, 4000, Color.ORANGE)); g.fillRect(0, 0, 6000, 4000);
  java.util.Random r = new java.util.Random(1);
  for (int i = 0; i < 4000; i++) { g.setColor(new Color(r.nextInt())); g.fillOval(r.nextInt(6000), r.nextInt(4000), 40, 40); }
  ImageIO.write(img, "jpeg", new File(a[0])); } }
JAVA
java "$WORK/Big.java" "$WORK/big.jpg"
ID=$(curl -sf -H "$AUTH" -H 'Content-Type: image/jpeg' --data-binary @"$WORK/big.jpg" "$BASE/api/v1/images" | sed 's/.*"id":"\([^"]*\)".*/\1/')
# Public, so that renditions are served as anonymous readers get them.
curl -sf -H "$AUTH" -H 'Content-Type: application/json' -d "{\"name\":\"Bench $ID\",\"imageId\":\"$ID\"}" "$BASE/api/v1/people" >/dev/null
echo "original: $(stat -c %s "$WORK/big.jpg") bytes, image $ID"

# Cold: each metadata PATCH makes a new version, so the next 1280 rendition is rendered, not cached.
: > "$WORK/cold.txt"
for i in $(seq 1 20); do
  curl -sf -H "$AUTH" -H 'Content-Type: application/json' -X PATCH -d "{\"alt\":\"v$i\"}" "$BASE/api/v1/images/$ID" >/dev/null
  curl -s -o /dev/null -w '%{time_total}\n' "$BASE/api/v1/images/$ID/file?w=1280" >> "$WORK/cold.txt"
done
sort -n "$WORK/cold.txt" | awk '{t[NR]=$1; s+=$1} END {printf "cold: %d renders, %.1f req/s (sequential), p50 %.0f ms, max %.0f ms\n", NR, NR/s, t[int(NR/2)]*1000, t[NR]*1000}'

# Warm: the same URL from the cache.
wrk -t2 -c64 -d20s --latency "$BASE/api/v1/images/$ID/file?w=1280" | grep -E 'Requests/sec|99%'

# 64 concurrent cold renders of distinct sizes (cover crops w x h), peak RSS sampled meanwhile.
curl -sf -H "$AUTH" -H 'Content-Type: application/json' -X PATCH -d '{"alt":"rss"}' "$BASE/api/v1/images/$ID" >/dev/null
grep VmRSS /proc/"$PID"/status
W=(160 320 640 960 1280 1920 2560 160); H=(160 320 640 960 1280 1920 2560 320)
( peak=0; while kill -0 $$ 2>/dev/null; do r=$(awk '/VmRSS/ {print $2}' /proc/"$PID"/status); [ "$r" -gt "$peak" ] && peak=$r;
  echo "$peak" > "$WORK/peak"; sleep 0.1; done ) &
SAMPLER=$!
for i in $(seq 0 7); do for j in $(seq 0 7); do
  curl -s -o /dev/null -w '%{http_code}\n' "$BASE/api/v1/images/$ID/file?w=${W[$i]}&h=${H[$j]}&fit=cover" >> "$WORK/codes.txt" &
done; done
wait $(jobs -p | grep -v "^$SAMPLER$") 2>/dev/null || true
kill "$SAMPLER" 2>/dev/null || true
echo "64 concurrent cold renders: status codes $(sort "$WORK/codes.txt" | uniq -c | tr '\n' ' '); peak RSS $(( $(cat "$WORK/peak") / 1024 )) MiB"
