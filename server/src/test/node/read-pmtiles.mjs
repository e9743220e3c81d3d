// Opens a PMTiles archive with the reference `pmtiles` package and prints, as JSON, its header, metadata and the
// decoded feature count per layer of tile z/x/y (args: file z x y): {"header", "metadata", "tile": null | {"layers"}}.
import { open } from 'node:fs/promises';
import { PMTiles, TileType, Compression } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

/** A pmtiles Source over a local file, read by ranges as a browser reads over HTTP. */
class NodeFileSource {
  constructor(path) {
    this.path = path;
  }
  getKey() {
    return this.path;
  }
  async getBytes(offset, length) {
    const file = await open(this.path);
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await file.read(buffer, 0, length, offset);
      const bytes = buffer.subarray(0, bytesRead);
      return { data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
    } finally {
      await file.close();
    }
  }
}

const [file, z, x, y] = process.argv.slice(2);
const archive = new PMTiles(new NodeFileSource(file));
const header = await archive.getHeader();
const metadata = await archive.getMetadata();
let tile = null;
if (z !== undefined) {
  const response = await archive.getZxy(Number(z), Number(x), Number(y));
  if (response) {
    const vt = new VectorTile(new PbfReader(new Uint8Array(response.data)));
    const layers = {};
    for (const [name, layer] of Object.entries(vt.layers)) layers[name] = layer.length;
    tile = { layers };
  }
}
console.log(JSON.stringify({
  header: { ...header, tileType: TileType[header.tileType], tileCompression: Compression[header.tileCompression] },
  metadata,
  tile,
}));
