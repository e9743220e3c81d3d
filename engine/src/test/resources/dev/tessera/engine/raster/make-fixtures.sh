#!/bin/sh
# Writes the small GeoTIFFs the raster engine tests read (committed; rerun only to change them). Needs gdal-bin and
# python3 (standard library only). Samples follow formulas the tests recompute, so each file is its own oracle.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" <<'PY'
import struct, sys, math
d = sys.argv[1]
W, H = 96, 80
def write(name, fmt, envi_type, bands, f):
    with open(f"{d}/{name}.bin", "wb") as out:
        for b in range(bands):
            out.write(b"".join(struct.pack("<" + fmt, f(b, x, y)) for y in range(H) for x in range(W)))
    with open(f"{d}/{name}.hdr", "w") as h:
        h.write(f"ENVI\nsamples = {W}\nlines = {H}\nbands = {bands}\nheader offset = 0\nfile type = ENVI Standard\n"
                f"data type = {envi_type}\ninterleave = bsq\nbyte order = 0\n")
write("u8", "B", 1, 2, lambda b, x, y: (x * 3 + y * 5) % 256 if b == 0 else (0 if x < 10 and y < 10 else 255))
write("i16", "h", 2, 1, lambda b, x, y: (x - 40) * 97 - y * 13)
write("f32", "f", 4, 1, lambda b, x, y: x * 0.25 - y * 1.5 + 0.125)
write("u16", "H", 12, 3, lambda b, x, y: (b + 1) * 1000 + x * 7 + y)
PY
ullr="-a_ullr 10 51 10.96 50.2"
gdal_translate -q -of COG -a_srs EPSG:4326 $ullr -b 1 -mask 2 -co COMPRESS=DEFLATE -co BLOCKSIZE=32 \
  -co OVERVIEWS=IGNORE_EXISTING -co OVERVIEW_RESAMPLING=NEAREST "$tmp/u8.bin" u8-deflate-mask.tif
gdal_translate -q -of COG -a_srs EPSG:32632 -a_ullr 500000 5600000 509600 5592000 -a_nodata -9999 \
  -co COMPRESS=LZW -co PREDICTOR=2 -co BLOCKSIZE=32 -co BIGTIFF=YES "$tmp/i16.bin" i16-lzw-bigtiff.tif
gdal_translate -q -of COG -a_srs EPSG:3035 -a_ullr 4000000 3200000 4009600 3192000 \
  -co COMPRESS=ZSTD -co PREDICTOR=3 -co BLOCKSIZE=32 "$tmp/f32.bin" f32-zstd.tif
gdal_translate -q -of GTiff -a_srs EPSG:4326 $ullr -co TILED=YES -co BLOCKXSIZE=32 -co BLOCKYSIZE=32 \
  -co INTERLEAVE=BAND -co COMPRESS=PACKBITS "$tmp/u16.bin" u16-packbits-band.tif
gdal_translate -q -of GTiff -a_srs EPSG:4326 $ullr -co TILED=YES -co BLOCKXSIZE=32 -co BLOCKYSIZE=32 \
  -co INTERLEAVE=PIXEL "$tmp/u16.bin" u16-none-pixel.tif
gdal_translate -q -of GTiff -a_srs EPSG:4326 $ullr "$tmp/u8.bin" u8-stripped.tif
