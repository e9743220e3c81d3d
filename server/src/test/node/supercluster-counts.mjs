// Clusters points with supercluster and prints, per query, the items getClusters answers as
// [count, lng, lat] triples. Input JSON: {"options": {...}, "points": [[lng, lat], ...], "queries": [[z, w, s, e, n], ...]}.
import { readFileSync } from 'node:fs';
import Supercluster from 'supercluster';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const index = new Supercluster(input.options).load(input.points.map(([x, y]) => ({
  type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [x, y] },
})));
const answers = input.queries.map(([z, w, s, e, n]) => index.getClusters([w, s, e, n], z).map((f) => [
  f.properties.cluster ? f.properties.point_count : 1, ...f.geometry.coordinates,
  f.properties.cluster ? index.getClusterExpansionZoom(f.properties.cluster_id) : null,
]));
console.log(JSON.stringify(answers));
