// Decodes an MVT file with Mapbox's reference decoder and prints it as JSON:
// {"layers": {"<name>": {"extent": n, "features": [{"id", "type", "properties", "geometry": [[[x, y], ...], ...]}]}}}
import { readFileSync } from 'node:fs';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

const tile = new VectorTile(new PbfReader(readFileSync(process.argv[2])));
const out = { layers: {} };
for (const [name, layer] of Object.entries(tile.layers)) {
  const features = [];
  for (let i = 0; i < layer.length; i++) {
    const f = layer.feature(i);
    features.push({
      id: f.id,
      type: ['Unknown', 'Point', 'LineString', 'Polygon'][f.type],
      properties: f.properties,
      geometry: f.loadGeometry().map((ring) => ring.map((p) => [p.x, p.y])),
    });
  }
  out.layers[name] = { extent: layer.extent, version: layer.version, features };
}
console.log(JSON.stringify(out));
