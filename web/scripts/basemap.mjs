// The built-in basemap's data: land and country borders from Natural Earth via the world-atlas package (TopoJSON),
// written as GeoJSON beside the web app's resources. The server cuts vector tiles from them on first use, so a
// Tessera without internet still has a map under its layers.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';

const require = createRequire(import.meta.url);
const out = join(process.env.TESSERA_WEB_OUT ?? 'target/classes', 'basemap');
const read = (name) => JSON.parse(readFileSync(require.resolve(`world-atlas/${name}`), 'utf8'));

const land = read('land-50m.json');
const countries = read('countries-50m.json');
const collection = (geometries) => ({
  type: 'FeatureCollection',
  features: geometries.map((geometry) => ({ type: 'Feature', properties: {}, geometry })),
});

mkdirSync(out, { recursive: true });
const landFeatures = feature(land, land.objects.land);
writeFileSync(join(out, 'land.geojson'), JSON.stringify(landFeatures));
// Borders between two countries only: coastlines are the land's edge and are drawn from the land polygons.
const borders = mesh(countries, countries.objects.countries, (a, b) => a !== b);
writeFileSync(join(out, 'borders.geojson'), JSON.stringify(collection([borders])));
console.log(`basemap: land and borders written to ${out}`);
