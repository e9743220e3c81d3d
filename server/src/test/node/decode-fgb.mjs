// Decodes a FlatGeobuf file with the flatgeobuf package (what a browser uses) and prints it as a GeoJSON
// FeatureCollection.
import { readFileSync } from 'node:fs';
import { geojson } from 'flatgeobuf';

const bytes = new Uint8Array(readFileSync(process.argv[2]));
const features = [];
for await (const feature of geojson.deserialize(bytes)) {
  features.push(feature);
}
console.log(JSON.stringify({ type: 'FeatureCollection', features }));
