#!/usr/bin/env bash
# Raster tile benchmark: Tessera's geotiff tiles vs a rasterio endpoint doing what TiTiler's /cog/tiles does, on two
# COGs written by bench/raster/make-cogs.sh and the committed list bench/src/main/resources/raster-tiles.txt. Builds
# the server jar and the bench module, then runs dev.tessera.bench.RasterBench, which prints a table and appends a
# dated section to docs/benchmarks.md. Needs gdal-bin and Debian's python3-rasterio python3-fastapi python3-uvicorn.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v gdal_translate >/dev/null || { echo "raster.sh: gdal_translate missing (apt-get install -y gdal-bin)" >&2; exit 1; }
/usr/bin/python3 -c 'import rasterio, fastapi, uvicorn' 2>/dev/null \
  || { echo "raster.sh: apt-get install -y python3-rasterio python3-fastapi python3-uvicorn" >&2; exit 1; }
bench/raster/make-cogs.sh bench/target/raster
./tessera mvn -q -B -ntp -DskipTests -pl server,bench -am package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt
java_home=$(./tessera mvn -v 2>/dev/null | sed -n 's/^Java version: .*, runtime: //p' | head -n1 || true)
java="${java_home:+$java_home/bin/}java"
exec "$java" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.tessera.bench.RasterBench "$@"
