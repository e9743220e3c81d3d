// The places view over issue 6's viewport API: a point layer, asked for by id, answered in the binary format (Arrow
// IPC) and drawn as server-made clusters; clicking a cluster zooms in to its expansion zoom and the server answers
// with finer clusters.
//   node places.e2e.mjs <base-url> <api-token> <artifact-dir>
import { apiClient, launch, newContext, Run } from './browser.mjs';

const [base, token, artifacts = 'target/e2e'] = process.argv.slice(2);
const run = new Run(artifacts);
const api = apiClient(base, token);
const browser = await launch();
try {
  const layer = await api('/api/layers', 'POST', { name: `ports ${Date.now().toString(36)}`, source_type: 'vector', source_config: {}, is_global: true });
  const features = [];
  for (let i = 0; i < 2000; i++) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [-5 + (i % 40) * 0.5, 50 + Math.floor(i / 40) * 0.2] }, properties: { n: i } });
  await api(`/api/layers/${layer.id}/import`, 'POST', { type: 'FeatureCollection', features });
  const page = await (await newContext(browser)).newPage();
  run.watch(page);
  const answered = page.waitForResponse((r) => r.url().includes('/api/v1/places?'));
  await page.goto(`${base}/places?datasets=${layer.id}`);
  const answer = await answered;
  run.check('the view asks for the binary format', answer.url().includes('format=arrow') && answer.headers()['content-type'] === 'application/vnd.apache.arrow.stream', `${answer.url()} ${answer.headers()['content-type']}`);
  const status = page.locator('.status').filter({ hasText: 'in view' });
  await status.waitFor();
  const shown = Number(/(\d+)/.exec(await status.textContent())[1]);
  run.check('the places API answer is drawn as points or clusters', shown > 0 && shown < 2000, `${shown} shown`);
  await page.waitForFunction(() => window.tessera.map.queryRenderedFeatures({ layers: ['places'] }).length > 0);
  const clusters = await page.evaluate(() => window.tessera.map.queryRenderedFeatures({ layers: ['places'] }).filter((f) => f.properties.count > 1)
    .map((f) => ({ ...window.tessera.map.project(f.geometry.coordinates), expansion: f.properties.expansion_zoom })));
  run.check('points are clustered at a low zoom', clusters.length > 0, `${clusters.length} clusters`);
  await run.shot(page, 'places-01-clusters');
  const zoomBefore = await page.evaluate(() => window.tessera.map.getZoom());
  const box = await page.locator('.map canvas').boundingBox();
  await page.mouse.click(box.x + clusters[0].x, box.y + clusters[0].y);
  const target = Math.min(Math.max(clusters[0].expansion, zoomBefore + 1), 18);
  await page.waitForFunction((z) => Math.abs(window.tessera.map.getZoom() - z) < 0.01 && !window.tessera.map.isMoving(), target);
  run.check('clicking a cluster zooms in to where it splits', clusters[0].expansion > zoomBefore, `expansion zoom ${clusters[0].expansion}, was at ${zoomBefore}`);
  await run.shot(page, 'places-02-zoomed');
  run.finish();
} catch (e) {
  run.finish(e);
} finally {
  await browser.close();
}
