import { describe, expect, it } from 'vitest';
import { csvToGeoJson, parseCsv } from './csv';

describe('parseCsv', () => {
  it('handles quotes, escaped quotes, CRLF and semicolons', () => {
    expect(parseCsv('a;b\r\n"x;1";"say ""hi"""\r\n')).toEqual([['a', 'b'], ['x;1', 'say "hi"']]);
  });
});

describe('csvToGeoJson', () => {
  it('makes points with typed properties from lat/lon columns', () => {
    const fc = csvToGeoJson('name,lat,lon,depth\nDogger,54.5,2.5,20\n');
    expect(fc.features).toEqual([
      { type: 'Feature', geometry: { type: 'Point', coordinates: [2.5, 54.5] }, properties: { name: 'Dogger', depth: 20 } },
    ]);
  });

  it('names the row with bad coordinates', () => {
    expect(() => csvToGeoJson('lat,lon\n1,2\n95,3\n')).toThrow('Row 3');
  });

  it('says which columns are missing', () => {
    expect(() => csvToGeoJson('a,b\n1,2')).toThrow(/latitude column/);
  });
});
