#!/usr/bin/env bash
# Live map events benchmark: two server instances on one PostGIS database (tessera_bench_live on 127.0.0.1:5432,
# recreated), N SSE streams split between them, comments posted on one; prints delivery times to all streams and the
# server's platform threads. Usage: bench/live-events.sh [streams=1000] [rounds=30]
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_HOME="$(./tessera java-home)"
export JAVA_HOME
DB=tessera_bench_live

./mvnw -q -B -ntp -DskipTests -pl server,bench -am install
./mvnw -q -B -ntp -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
psql -q -h 127.0.0.1 -U postgres -d "$DB" -c 'CREATE EXTENSION postgis'
JAR="$(ls server/target/tessera-server-*.jar | grep -v original | head -1)"
exec "$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  dev.tessera.bench.LiveEventsBench "$JAR" "jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" "$@"
