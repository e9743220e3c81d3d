import { Schema, Table, tableFromArrays, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { decodePlaces } from './placesArrow';

/** An answer shaped as the server's PlacesArrow writes it: fixed columns, then text columns, datasets in metadata. */
function answer(columns: Record<string, unknown>, datasets: string[]): Uint8Array {
  const table = tableFromArrays(columns as Parameters<typeof tableFromArrays>[0]);
  const schema = new Schema(table.schema.fields, new Map([['datasets', JSON.stringify(datasets)]]));
  return tableToIPC(new Table(schema, table.batches), 'stream');
}

describe('decodePlaces', () => {
  it('groups rows by dataset and keeps position, count, expansion zoom and properties', () => {
    const bytes = answer({
      dataset: Int8Array.from([0, 1, 1]),
      lng: Float64Array.from([4.5, -179.9, 179.9]),
      lat: Float64Array.from([52, -17, -17]),
      count: Int32Array.from([1, 42, 1]),
      expansion_zoom: Int8Array.from([0, 7, 0]),
      properties: ['{"name":"Leiden","pop":125000}', '', '{"name":"east"}'],
    }, ['cities', 'ports']);
    const decoded = decodePlaces(bytes);
    expect(Object.keys(decoded)).toEqual(['cities', 'ports']);
    expect(decoded.cities).toEqual([{ lng: 4.5, lat: 52, count: 1, properties: { name: 'Leiden', pop: 125000 } }]);
    expect(decoded.ports).toEqual([
      { lng: -179.9, lat: -17, count: 42, properties: { expansion_zoom: 7 } },
      { lng: 179.9, lat: -17, count: 1, properties: { name: 'east' } },
    ]);
  });

  it('reads one text column per requested field, and none when fields= is empty', () => {
    const fixed = { dataset: Int8Array.from([0]), lng: Float64Array.from([1]), lat: Float64Array.from([2]), count: Int32Array.from([1]), expansion_zoom: Int8Array.from([0]) };
    expect(decodePlaces(answer({ ...fixed, name: ['x'] }, ['a'])).a[0].properties).toEqual({ name: 'x' });
    expect(decodePlaces(answer(fixed, ['a'])).a[0].properties).toEqual({});
  });

  it('names a missing column instead of drawing nothing', () => {
    const bytes = answer({ dataset: Int8Array.from([0]), lat: Float64Array.from([2]) }, ['a']);
    expect(() => decodePlaces(bytes)).toThrow("no 'lng' column");
  });
});
