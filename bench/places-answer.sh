#!/usr/bin/env bash
# The places answer path without HTTP (index query -> JSON bytes) in CPU time of the answering thread, on the data of
# bench/places.sh (run it first) and the committed viewports: dev.tessera.server.places.PlacesAnswerBench, a main
# program in the server's test sources because it drives package-private classes.
set -euo pipefail
cd "$(dirname "$0")/.."
./tessera mvn -q -B -ntp -DskipTests -pl engine,server test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt
java_home=$(./tessera mvn -v 2>/dev/null | sed -n 's/^Java version: .*, runtime: //p' | head -n1 || true)
java="${java_home:+$java_home/bin/}java"
exec "$java" -Xmx4g -cp "server/target/test-classes:server/target/classes:engine/target/classes:$(cat server/target/classpath.txt)" \
  dev.tessera.server.places.PlacesAnswerBench bench/target/places bench/src/main/resources/places-viewports.txt
