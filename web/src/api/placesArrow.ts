// The places API's binary answer (format=arrow, PlacesArrow on the server): an Apache Arrow IPC stream, read column
// by column with the apache-arrow package. For a viewport of points it is about a fifth of the GeoJSON bytes, and
// the coordinates arrive as Float64Arrays instead of one parsed JSON object per point. Only the places view imports
// this module, so the map list and the map view never download the Arrow reader.
import { tableFromIPC } from 'apache-arrow';
import { request } from './http';
import type { PlacePoint } from './places';

export const ARROW_MEDIA_TYPE = 'application/vnd.apache.arrow.stream';

/** Columns every answer has; any other column is a property (utf8: one per `fields=` name, or `properties` JSON). */
const FIXED = new Set(['dataset', 'id', 'lng', 'lat', 'count', 'expansion_zoom']);

export async function placesArrow(url: string, signal?: AbortSignal): Promise<Record<string, PlacePoint[]>> {
  const response = await request(url, { signal, headers: { Accept: ARROW_MEDIA_TYPE } });
  return decodePlaces(new Uint8Array(await response.arrayBuffer()));
}

/** Items per dataset name (the schema metadata `datasets`), in the order the server wrote them. */
export function decodePlaces(bytes: Uint8Array): Record<string, PlacePoint[]> {
  const table = tableFromIPC(bytes);
  const names = JSON.parse(table.schema.metadata.get('datasets') ?? '[]') as string[];
  const column = (name: string) => {
    const vector = table.getChild(name);
    if (!vector) throw new Error(`The places answer has no '${name}' column.`);
    return vector.toArray();
  };
  const dataset = column('dataset') as Int8Array;
  const lng = column('lng') as Float64Array;
  const lat = column('lat') as Float64Array;
  const count = column('count') as Int32Array;
  const expansion = column('expansion_zoom') as Int8Array;
  const texts = table.schema.fields.filter((f) => !FIXED.has(f.name)).map((f) => ({ name: f.name, vector: table.getChild(f.name)! }));
  const result: Record<string, PlacePoint[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < table.numRows; i++) {
    const properties: Record<string, unknown> = {};
    for (const { name, vector } of texts) {
      const value = vector.get(i) as string | null;
      if (!value) continue;
      if (name === 'properties') Object.assign(properties, JSON.parse(value));
      else properties[name] = value;
    }
    if (expansion[i] > 0) properties.expansion_zoom = expansion[i];
    result[names[dataset[i]]].push({ lng: lng[i], lat: lat[i], count: count[i], properties });
  }
  return result;
}
