// Decodes an Arrow IPC stream with the apache-arrow package (what a browser uses) and prints its schema metadata
// and rows as JSON: {"metadata": {...}, "rows": [{"dataset": n, "id": "<hex>", "lng", "lat", ...}]}.
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';

const table = tableFromIPC(readFileSync(process.argv[2]));
const rows = [];
for (const row of table) {
  const out = {};
  for (const field of table.schema.fields) {
    const value = row[field.name];
    out[field.name] = value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value;
  }
  rows.push(out);
}
console.log(JSON.stringify({ metadata: Object.fromEntries(table.schema.metadata), rows }));
