#!/usr/bin/env bash
# Foundation benchmark: start-up to /ready, bulk GeoJSON import rate and bbox query latency, on the embedded store and
# on PostgreSQL+PostGIS (database tessera_bench on 127.0.0.1:5432, recreated). Builds the server jar and the bench
# module, then runs dev.tessera.bench.FoundationBench, which prints a table and appends a dated section to
# docs/benchmarks.md. Needs npm (downloads the data once into bench/target/data), psql and a local PostGIS.
set -euo pipefail
cd "$(dirname "$0")/.."

# Same JDK choice as ./tessera: the newest JDK >= 21 among JAVA_HOME, java on PATH and /usr/lib/jvm.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }
candidates=()
[ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
command -v java >/dev/null 2>&1 && candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
for d in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do [ -x "$d/bin/javac" ] && candidates+=("$d"); done
best="" best_major=0
for d in "${candidates[@]}"; do
  [ -x "$d/bin/javac" ] || continue
  m=$(java_major "$d" || echo 0)
  if [ "${m:-0}" -ge 21 ] && [ "$m" -gt "$best_major" ]; then best="$d"; best_major=$m; fi
done
[ -n "$best" ] || { echo "foundation.sh: no JDK 21 or newer found" >&2; exit 1; }
export JAVA_HOME="$best"

./mvnw -q -B -ntp -DskipTests -pl server,bench -am install
./mvnw -q -B -ntp -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec "$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  dev.tessera.bench.FoundationBench "$@"
