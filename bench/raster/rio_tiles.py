"""The rasterio peer of the raster tile benchmark: what TiTiler's /cog/tiles does (rio-tiler's reader), written out
so it runs on Debian's python3-rasterio + python3-fastapi + python3-uvicorn alone: open the COG, WarpedVRT to
EPSG:3857 over the tile at the COG's resolution, read at 256 px (GDAL picks the overview), mask from nodata/internal mask, rescale,
colormap, encode PNG with GDAL's PNG driver through a MemoryFile.

    uvicorn --app-dir bench/raster rio_tiles:app --port 8090 --workers 2

GET /cog/tiles/{z}/{x}/{y}.png?url=/abs/path.tif&rescale=min,max&colormap_name=viridis&resampling=nearest
"""
import math
import os
import threading

import numpy
import rasterio
from fastapi import FastAPI, Query, Response
from rasterio.enums import Resampling
from rasterio.io import MemoryFile
from rasterio.transform import from_origin
from rasterio.vrt import WarpedVRT
from rasterio.warp import calculate_default_transform

app = FastAPI()
WORLD = 2 * math.pi * 6378137.0
COLORMAPS = os.path.join(os.path.dirname(__file__), "..", "..", "engine", "src", "main", "resources", "dev",
                         "tessera", "engine", "raster", "colormaps")
_tables = {}
_local = threading.local()  # GDAL dataset handles are not thread-safe; FastAPI runs sync endpoints in a thread pool


def colormap(name):
    if name not in _tables:
        rows = [line.split() for line in open(os.path.join(COLORMAPS, name + ".txt")) if not line.startswith("#")]
        _tables[name] = numpy.array([[int(v) for v in r] for r in rows if r], dtype=numpy.uint8)
    return _tables[name]


def dataset(url):
    # rio-tiler opens per request; GDAL's block cache and open-file cache persist either way. Keep one handle per
    # worker thread so the comparison is of tile work, not of opening. Also keep the COG's native resolution in EPSG:3857.
    datasets = _local.__dict__.setdefault("datasets", {})
    if url not in datasets:
        src = rasterio.open(url)
        transform, _, _ = calculate_default_transform(src.crs, "EPSG:3857", src.width, src.height, *src.bounds)
        datasets[url] = (src, transform.a)
    return datasets[url]


@app.get("/cog/tiles/{z}/{x}/{y}.png")
def tile(z: int, x: int, y: int, url: str, rescale: str = Query(None), colormap_name: str = Query(None),
         resampling: str = "nearest", tilesize: int = 256):
    size = WORLD / (1 << z)
    left = -WORLD / 2 + x * size
    top = WORLD / 2 - y * size
    src, native = dataset(url)
    # as rio-tiler's get_vrt_transform: a WarpedVRT over the tile's bounds at the finer of the tile's and the COG's
    # resolution, read decimated to the tile size, so GDAL reads the matching overview (the VRT's implicit overviews)
    res = min(size / tilesize, native)
    side = max(tilesize, int(round(size / res)))
    resampling_method = Resampling[resampling]
    with WarpedVRT(src, crs="EPSG:3857", transform=from_origin(left, top, size / side, size / side), width=side,
                   height=side, resampling=resampling_method) as vrt:
        bands = list(range(1, min(src.count, 3) + 1)) if src.count >= 3 else [1]
        data = vrt.read(indexes=bands, out_shape=(len(bands), tilesize, tilesize), masked=True,
                        resampling=resampling_method)
        mask = vrt.dataset_mask(out_shape=(tilesize, tilesize), resampling=resampling_method)
    if not mask.any():
        return Response(status_code=204)
    values = data.filled(0).astype("float64")
    if rescale:
        lo, hi = (float(v) for v in rescale.split(","))
        values = (values - lo) / (hi - lo) * 255.0
    values = numpy.clip(numpy.rint(values), 0, 255).astype(numpy.uint8)
    if colormap_name and len(bands) == 1:
        rgb = colormap(colormap_name)[values[0]].transpose(2, 0, 1)
    elif len(bands) == 1:
        rgb = numpy.repeat(values, 3, axis=0)
    else:
        rgb = values
    image = numpy.concatenate([rgb, mask[numpy.newaxis, :, :]])
    with MemoryFile() as mem:
        with mem.open(driver="PNG", width=tilesize, height=tilesize, count=4, dtype="uint8", ZLEVEL=3) as dst:
            dst.write(image)
        return Response(content=mem.read(), media_type="image/png")
