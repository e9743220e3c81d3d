// Pre-compressed copies (.br, .gz) of the built scripts and styles: the server sends them as they are
// (Spring's EncodedResourceResolver) instead of gzipping the 1 MB MapLibre chunk on every first visit.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = join(process.env.TESSERA_WEB_OUT ?? 'target/classes', 'static', 'assets');
let count = 0;
for (const name of readdirSync(dir)) {
  if (!/\.(m?js|css)$/.test(name)) continue;
  const path = join(dir, name);
  if (statSync(path).size < 1024) continue;
  const bytes = readFileSync(path);
  writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  count++;
}
console.log(`compress: ${count} assets pre-compressed (gzip, brotli)`);
