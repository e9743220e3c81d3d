#!/usr/bin/env bash
# Foundation benchmark: start-up to /ready, bulk GeoJSON import rate and bbox query latency, on the embedded store and
# on PostgreSQL+PostGIS (database tessera_bench on 127.0.0.1:5432, recreated). Builds the server jar and the bench
# module, then runs dev.tessera.bench.FoundationBench, which prints a table and appends a dated section to
# docs/benchmarks.md. Needs npm (downloads the data once into bench/target/data), psql and a local PostGIS.
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_HOME="$(./tessera java-home)"
export JAVA_HOME

./mvnw -q -B -ntp -DskipTests -pl server,bench -am install
./mvnw -q -B -ntp -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
./tessera prepare
exec "$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  dev.tessera.bench.FoundationBench "$@"
