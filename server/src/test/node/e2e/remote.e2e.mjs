// A remote WMS layer end to end: a fake WMS on loopback (which the server under test is allowed to reach) paints
// every GetMap in one colour per TIME; the scenario adds the layer through the new-layer dialog by its URL, checks
// that Tessera asked the service for Web Mercator tiles and that the colour is on the screen, then moves the time
// slider and checks that the new time reaches the service and the screen.
//   node remote.e2e.mjs <base-url> <api-token> <artifact-dir>
import { createServer } from 'node:http';
import { deflateSync, inflateSync, crc32 } from 'node:zlib';
import { apiClient, fillTimeFields, launch, mapIdle, mapReady, newContext, nextFrames, Run, stepTimeSliderTo, WAIT_MS } from './browser.mjs';

const [base, token, artifacts = 'target/e2e'] = process.argv.slice(2);
const run = new Run(artifacts);

/** A solid 256 × 256 PNG. */
function solidPng([r, g, b]) {
  const row = Buffer.alloc(1 + 256 * 4);
  for (let i = 0; i < 256; i++) row.set([r, g, b, 255], 1 + i * 4);
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(256, 0);
  header.writeUInt32BE(256, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array(256).fill(row)))), chunk('IEND', Buffer.alloc(0))]);
}

const RED = [220, 30, 30];
const BLUE = [30, 60, 220];
const getMaps = [];
const wms = createServer((request, response) => {
  const query = Object.fromEntries(new URL(request.url, 'http://x').searchParams);
  if (query.REQUEST !== 'GetMap') { response.writeHead(400).end(); return; }
  getMaps.push(query);
  response.writeHead(200, { 'Content-Type': 'image/png' }).end(solidPng(query.TIME === '2023-09-01' ? BLUE : RED));
});
await new Promise((resolve) => wms.listen(0, '127.0.0.1', resolve));
const wmsUrl = `http://127.0.0.1:${wms.address().port}/wms`;

/** The colour of the page at the centre of the map, from a 1 × 1 screenshot (any PNG filter leaves one pixel as is). */
async function centreColour(page) {
  const box = await page.locator('.map canvas').boundingBox();
  const png = await page.screenshot({ clip: { x: box.x + box.width / 2, y: box.y + box.height / 2, width: 1, height: 1 } });
  const idat = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const pixel = inflateSync(Buffer.concat(idat));
  return [pixel[1], pixel[2], pixel[3]];
}
const near = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= 12);

/** Polls {@code test} (async) until it holds or WAIT_MS passes; returns its last answer. */
async function until(test) {
  const deadline = Date.now() + WAIT_MS;
  let ok = await test();
  while (!ok && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    ok = await test();
  }
  return ok;
}

const api = apiClient(base, token);

const browser = await launch();
try {
  const map = await api('/api/maps', 'POST', { name: 'Remote services', center_lat: 54, center_lng: 4, zoom: 4 });
  const context = await newContext(browser);
  await context.addInitScript((t) => localStorage.setItem('tessera.token', t), token);
  const page = await context.newPage();
  run.watch(page);
  await page.goto(`${base}/maps/${map.id}`);
  await mapReady(page);

  // The new-layer dialog, as someone who knows only the service's address and layer name
  await page.getByRole('button', { name: 'New layer' }).click();
  await page.locator('dialog[open]').getByLabel('Name', { exact: true }).fill('Sea surface (WMS)');
  await page.locator('dialog[open] select[name=source_type]').selectOption('wms');
  await page.locator('dialog[open]').getByLabel('Service URL', { exact: true }).fill(wmsUrl);
  await page.locator('dialog[open]').getByLabel('Layers', { exact: true }).fill('sst');
  await fillTimeFields(page, '2023-01-01', '2023-12-01', 'monthly');
  await page.locator('dialog[open]').getByRole('button', { name: 'Create' }).click();
  await page.locator('#time-slider').waitFor();
  await page.waitForFunction(() => window.tessera.map.getStyle().layers.some((l) => l.type === 'raster'));
  await mapIdle(page);
  await nextFrames(page);

  run.check('Tessera asked the service for Web Mercator tiles', getMaps.length > 0 && getMaps.every((q) => q.CRS === 'EPSG:3857' && q.LAYERS === 'sst' && q.WIDTH === '256'),
    JSON.stringify(getMaps.slice(0, 2)));
  run.check('the latest time is asked for first', getMaps.every((q) => q.TIME === '2023-12-01'), getMaps.map((q) => q.TIME).join(','));
  let colour;
  await until(async () => near(colour = await centreColour(page), RED)); // after the raster's fade-in
  run.check('the service\'s image is on the map', near(colour, RED), colour.join(','));
  await run.shot(page, 'remote-01-wms');

  // The time slider: a step back to September
  const before = getMaps.length;
  await stepTimeSliderTo(page, '2023-09');
  await page.waitForFunction(() => Object.values(window.tessera.ctx.times)[0] === '2023-09-01');
  run.check('the slider\'s time reaches the service', await until(() => getMaps.slice(before).some((q) => q.TIME === '2023-09-01')),
    getMaps.slice(before).map((q) => q.TIME).join(','));
  await until(async () => near(colour = await centreColour(page), BLUE));
  run.check('the map shows the image for that time', near(colour, BLUE), colour.join(','));
  await run.shot(page, 'remote-02-time');
  run.finish();
} catch (e) {
  run.finish(e);
} finally {
  await browser.close();
  wms.close();
}
