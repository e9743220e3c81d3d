// Writes a points .bin (little-endian Float64 lon/lat pairs from peer.mjs) as CSV with a name column, for import.
import fs from 'node:fs';

const [input, output] = process.argv.slice(2);
const values = new Float64Array(fs.readFileSync(input).buffer.slice(0));
const out = fs.createWriteStream(output);
out.write('name,lon,lat\n');
let chunk = '';
for (let i = 0; i < values.length / 2; i++) {
  chunk += `p${i},${values[2 * i]},${values[2 * i + 1]}\n`;
  if (chunk.length > 1 << 20) { out.write(chunk); chunk = ''; }
}
out.end(chunk);
