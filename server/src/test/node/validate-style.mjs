// Validates a MapLibre style with the style spec's own validator; prints errors, exits 1 if any.
import { readFileSync } from 'node:fs';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';

const style = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const errors = validateStyleMin(style);
for (const e of errors) console.log(e.message);
process.exit(errors.length === 0 ? 0 : 1);
