// First load and frame times of a map with a 100 000-point vector layer, in headless Chromium:
//   node perf.e2e.mjs <base-url> <api-token> <artifact-dir>
// Loads the points through the API into a point layer (deterministic positions over the North Sea and around it),
// opens the map in a fresh browser context (empty cache) and measures navigation start → MapLibre's first 'idle', and
// the CPU time the browser's processes spent on it; then pans and zooms for a few seconds and records the time
// between animation frames. At low zooms the layer's vector tiles hold the server's clusters (places/ClusterTiles),
// not every point. Prints one JSON line; checks that every point in view is drawn (alone or in a cluster): the
// timings are measurements for docs/benchmarks.md, not pass/fail thresholds.
import { apiClient, browserCpuMs, launch, mapIdle, mapReady, newContext, Run } from './browser.mjs';

const [base, token, artifacts = 'target/e2e'] = process.argv.slice(2);
const POINTS = Number(process.env.TESSERA_PERF_POINTS ?? 100_000);
// For comparison only: a layer that does not declare Point, whose tiles carry every point at every zoom (as before).
const CLUSTERED = process.env.TESSERA_PERF_UNCLUSTERED !== 'true';
const run = new Run(artifacts);
const api = apiClient(base, token);

const browser = await launch();
try {
  const layer = await api('/api/layers', 'POST', { name: 'points100k', source_type: 'vector', source_config: CLUSTERED ? { geometryType: 'Point' } : {}, style_config: { pointSize: 3 } });
  // A Halton sequence: spread evenly, no randomness, the same points on every run.
  const halton = (i, b) => { let f = 1, r = 0; while (i > 0) { f /= b; r += f * (i % b); i = Math.floor(i / b); } return r; };
  const features = [];
  const points = [];
  for (let i = 1; i <= POINTS; i++) {
    const [lng, lat] = [(-10 + 30 * halton(i, 2)).toFixed(5), (48 + 14 * halton(i, 3)).toFixed(5)];
    points.push([Number(lng), Number(lat)]);
    features.push(`{"type":"Feature","geometry":{"type":"Point","coordinates":[${lng},${lat}]},"properties":{"n":${i}}}`);
  }
  const importStart = performance.now();
  const imported = await api(`/api/layers/${layer.id}/import`, 'POST', `{"type":"FeatureCollection","features":[${features.join(',')}]}`);
  run.numbers.importMs = Math.round(performance.now() - importStart);
  run.check('the points were imported', imported.imported === POINTS, JSON.stringify(imported));
  const map = await api('/api/maps', 'POST', { name: 'Perf 100K points', center_lat: 55, center_lng: 5, zoom: 4.5 });
  await api(`/api/maps/${map.id}/layers`, 'POST', { layer_id: layer.id });

  const empty = await api('/api/maps', 'POST', { name: 'Perf basemap only', center_lat: 55, center_lng: 5, zoom: 4.5 });
  const measureLoad = async (label, mapId = map.id) => {
    const context = await newContext(browser);
    await context.addInitScript((t) => localStorage.setItem('tessera.token', t), token);
    const page = await context.newPage();
    run.watch(page);
    const cpuBefore = browserCpuMs();
    await page.goto(`${base}/maps/${mapId}`);
    await mapReady(page);
    await mapIdle(page);
    run.numbers[label] = Math.round(await page.evaluate(() => performance.now()));
    run.numbers[`${label.replace(/Ms$/, '')}BrowserCpuMs`] = browserCpuMs() - cpuBefore;
    return { context, page };
  };
  // The browser's first page pays for starting its renderer and GPU processes: not what a visitor of the second map
  // waits for, and it would make whichever map is measured first look slower. One unmeasured load first.
  await (await measureLoad('warmUpMs', empty.id)).context.close();
  delete run.numbers.warmUpMs;
  delete run.numbers.warmUpBrowserCpuMs;
  // The same app and basemap without the points, for comparison (the basemap's tiles are cached by then).
  await (await measureLoad('firstLoadBasemapOnlyMs', empty.id)).context.close();
  // The first open also builds the layer's tile index on the server; the second is what a visitor sees next.
  const cold = await measureLoad('firstLoadColdServerMs');
  await cold.context.close();
  const { context, page } = await measureLoad('firstLoadMs');
  // Where the first load's time went: the page, MapLibre's script and the map's data arriving (resource timing; tiles
  // are fetched by MapLibre's worker, outside the page's timeline), then tiles and drawing until idle.
  run.numbers.firstLoadTimeline = await page.evaluate(() => {
    const resources = performance.getEntriesByType('resource');
    const end = (test) => Math.round(Math.max(0, ...resources.filter((r) => test(r.name)).map((r) => r.responseEnd)));
    return {
      domContentLoadedMs: Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd),
      scriptsLoadedMs: end((n) => n.endsWith('.js') || n.endsWith('.mjs')),
      styleAndLayersLoadedMs: end((n) => /\/api\/(maps|layers\/[^/]+$|basemap\/style)/.test(n)),
      idleMs: Math.round(performance.now()),
    };
  });
  // What is drawn: clusters (each standing for point_count points) and single points, once each (tiles overlap).
  const drawn = await page.evaluate(() => {
    const map = window.tessera.map;
    const seen = new Map();
    for (const f of map.queryRenderedFeatures()) if (f.source.startsWith('layer-')) seen.set(f.properties.cluster_id ?? `n${f.properties.n}`, f.properties.point_count ?? 1);
    const b = map.getBounds();
    return { features: seen.size, points: [...seen.values()].reduce((a, n) => a + n, 0), bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] };
  });
  const [west, south, east, north] = drawn.bounds;
  const inView = points.filter(([x, y]) => x >= west && x <= east && y >= south && y <= north).length;
  Object.assign(run.numbers, { renderedFeatures: drawn.features, renderedPoints: drawn.points, pointsInView: inView });
  // Clusters sit at their points' centre, so near the edges a few points are counted in or out: 5 % either way.
  run.check('every point in view is drawn, alone or in a cluster', Math.abs(drawn.points - inView) <= 0.05 * inView,
    `${drawn.points} points in ${drawn.features} rendered features, ${inView} points in view`);
  if (CLUSTERED) run.check('the points arrive as clusters, not one by one', drawn.features < inView / 20, `${drawn.features} features`);
  await run.shot(page, 'perf-100k-points');

  const pan = () => page.evaluate(async () => {
    const map = window.tessera.map;
    const deltas = [];
    let last = performance.now();
    let running = true;
    const tick = (now) => { deltas.push(now - last); last = now; if (running) requestAnimationFrame(tick); };
    requestAnimationFrame((now) => { last = now; requestAnimationFrame(tick); });
    const move = (fn) => new Promise((resolve) => { map.once('moveend', resolve); fn(); });
    for (const [dx, dy] of [[300, 0], [0, 200], [-300, 0], [0, -200]]) await move(() => map.panBy([dx, dy], { duration: 800 }));
    await move(() => map.zoomTo(map.getZoom() + 1.5, { duration: 800 }));
    await move(() => map.panBy([250, 150], { duration: 800 }));
    await move(() => map.zoomTo(map.getZoom() - 1.5, { duration: 800 }));
    running = false;
    return deltas.slice(1);
  });
  const summary = (frames) => {
    const sorted = [...frames].sort((a, b) => a - b);
    const pct = (p) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] * 10) / 10;
    return { frames: frames.length, p50Ms: pct(0.5), p95Ms: pct(0.95), maxMs: Math.round(sorted[sorted.length - 1]),
      over50Ms: frames.filter((d) => d > 50).length, meanFps: Math.round(1000 / (frames.reduce((a, b) => a + b, 0) / frames.length)) };
  };
  const frames = await pan();
  run.numbers.withPoints = summary(frames);
  // The same moves with the points hidden: the basemap alone, in the same browser (software GL here) and run.
  await page.evaluate(() => {
    const map = window.tessera.map;
    for (const l of map.getStyle().layers) if (l.source && l.source.startsWith('layer-')) map.setLayoutProperty(l.id, 'visibility', 'none');
  });
  await mapIdle(page);
  run.numbers.basemapOnly = summary(await pan());
  run.check('frames were measured while panning and zooming', frames.length > 5, `${frames.length} frames`);
  await context.close();
  run.finish();
} catch (e) {
  run.finish(e);
} finally {
  await browser.close();
}
