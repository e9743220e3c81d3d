#!/usr/bin/env bash
# Writes the raster benchmark's two COGs into ${1:-bench/target/raster} with GDAL (gdal-bin) and Debian's python3
# numpy (pulled in by python3-rasterio): a 16384×16384 float32 DEFLATE COG with overviews in EPSG:4326 and an
# 8192×8192 RGB JPEG COG in UTM 32N. The data are smooth fields upsampled from a small seeded grid (deterministic), so
# compression ratios are those of real continuous data, not of noise or constants. Idempotent: existing files stay.
set -euo pipefail
out=${1:-bench/target/raster}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ ! -f "$out/sst-16384-f32-4326.tif" ] || [ ! -f "$out/rgb-8192-utm.tif" ]; then
  /usr/bin/python3 - "$tmp" <<'PY'
import sys, numpy
d = sys.argv[1]
rng = numpy.random.default_rng(42)
def envi(name, array, envi_type):
    array.tofile(f"{d}/{name}.bin")
    bands, h, w = array.shape
    open(f"{d}/{name}.hdr", "w").write(f"ENVI\nsamples = {w}\nlines = {h}\nbands = {bands}\nheader offset = 0\n"
        f"file type = ENVI Standard\ndata type = {envi_type}\ninterleave = bsq\nbyte order = 0\n")
y, x = numpy.mgrid[0:1024, 0:1024] / 1024.0
sst = 15 + 10 * numpy.sin(x * 7) * numpy.cos(y * 5) + rng.normal(0, 0.3, (1024, 1024))
sst[700:900, 100:400] = -9999  # a nodata "land" patch
envi("sst", sst.astype("<f4")[numpy.newaxis], 4)
base = rng.integers(0, 255, (3, 64, 64)).astype("<u1")
envi("rgb", base, 1)
PY
  gdal_translate -q -outsize 16384 16384 -r bilinear -a_srs EPSG:4326 -a_ullr -10 65 10 45 -a_nodata -9999 \
    -of COG -co COMPRESS=DEFLATE -co BLOCKSIZE=512 -co OVERVIEW_RESAMPLING=AVERAGE -co NUM_THREADS=2 \
    "$tmp/sst.bin" "$out/sst-16384-f32-4326.tif"
  gdal_translate -q -outsize 8192 8192 -r cubic -a_srs EPSG:32632 -a_ullr 400000 5700000 481920 5618080 \
    -of COG -co COMPRESS=JPEG -co QUALITY=85 -co BLOCKSIZE=512 -co NUM_THREADS=2 \
    "$tmp/rgb.bin" "$out/rgb-8192-utm.tif"
fi
ls -l "$out"
