// An exported PMTiles archive opened by MapLibre GL JS itself, through the pmtiles package's protocol, as a static
// site would host it: a local HTTP server with range requests serves the page, MapLibre (from the web module's
// node_modules), the pmtiles reader and the archive. Prints the features MapLibre rendered, by source layer.
// Usage: node e2e/pmtiles-maplibre.e2e.mjs <archive.pmtiles> <source-layer> <lon> <lat> <zoom> <artifacts dir>
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, Run } from './browser.mjs';

const [archive, sourceLayer, lon, lat, zoom, artifacts] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const maplibreDist = resolve(here, '../../../../../web/node_modules/maplibre-gl/dist');
const pmtilesJs = resolve(here, '../node_modules/pmtiles/dist/pmtiles.js');

const page = `<!doctype html><html><head><link rel="stylesheet" href="/maplibre/maplibre-gl.css"></head>
<body style="margin:0"><div id="map" style="width:512px;height:512px"></div>
<script src="/pmtiles.js"></script>
<script type="module">
import * as maplibregl from '/maplibre/maplibre-gl.mjs';
const protocol = new pmtiles.Protocol();
maplibregl.addProtocol('pmtiles', protocol.tile);
const map = new maplibregl.Map({container: 'map', center: [${Number(lon)}, ${Number(lat)}], zoom: ${Number(zoom)},
  style: {version: 8, sources: {a: {type: 'vector', url: 'pmtiles://' + location.origin + '/archive.pmtiles'}},
    layers: [{id: 'background', type: 'background', paint: {'background-color': '#fff'}},
      {id: 'fill', type: 'fill', source: 'a', 'source-layer': ${JSON.stringify(sourceLayer)},
       filter: ['==', ['geometry-type'], 'Polygon'], paint: {'fill-color': '#14b8a6'}},
      {id: 'circle', type: 'circle', source: 'a', 'source-layer': ${JSON.stringify(sourceLayer)},
       filter: ['==', ['geometry-type'], 'Point'], paint: {'circle-radius': 6, 'circle-color': '#b91c1c'}}]}});
map.on('error', (e) => { window.mapError = String(e.error && e.error.message || e); });
map.once('idle', () => {
  window.rendered = map.queryRenderedFeatures().map((f) => ({layer: f.sourceLayer, type: f.geometry.type,
    name: f.properties.name}));
});
</script></body></html>`;

function serveFile(req, res, file, type) {
  const size = statSync(file).size;
  const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
  const bytes = readFileSync(file);
  if (!range) {
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': size, 'Accept-Ranges': 'bytes' });
    res.end(bytes);
    return;
  }
  const start = Number(range[1]);
  const end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
  res.writeHead(206, { 'Content-Type': type, 'Content-Range': `bytes ${start}-${end}/${size}`,
    'Content-Length': end - start + 1 });
  res.end(bytes.subarray(start, end + 1));
}

const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/') { res.writeHead(200, { 'Content-Type': 'text/html' }); res.end(page); return; }
  if (path === '/pmtiles.js') { serveFile(req, res, pmtilesJs, 'text/javascript'); return; }
  if (path === '/archive.pmtiles') { serveFile(req, res, archive, 'application/octet-stream'); return; }
  if (path.startsWith('/maplibre/')) {
    const file = join(maplibreDist, path.slice('/maplibre/'.length).replace(/\.\./g, ''));
    serveFile(req, res, file, file.endsWith('.css') ? 'text/css' : 'text/javascript');
    return;
  }
  res.writeHead(404); res.end();
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));

const run = new Run(artifacts);
const browser = await launch();
let error = null;
try {
  const tab = await browser.newPage();
  run.watch(tab);
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  await tab.waitForFunction(() => window.rendered || window.mapError, null, { timeout: 60000 });
  const mapError = await tab.evaluate(() => window.mapError ?? null);
  run.check('no map error', !mapError, mapError ?? '');
  const rendered = await tab.evaluate(() => window.rendered);
  run.numbers.rendered = rendered;
  run.check('features rendered', rendered.length > 0, JSON.stringify(rendered));
  await run.shot(tab, 'pmtiles');
} catch (e) {
  error = e;
} finally {
  await browser.close();
  server.close();
  run.finish(error);
}
