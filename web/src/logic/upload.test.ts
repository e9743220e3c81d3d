import { describe, expect, it } from 'vitest';
import { planUpload } from './upload';

const point = (x: number, y: number) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [x, y] }, properties: {} });
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('planUpload', () => {
  it('makes a point layer of a file holding only points', () => {
    const multi = { type: 'Feature', geometry: { type: 'MultiPoint', coordinates: [[1, 2]] }, properties: {} };
    expect(planUpload(collection(point(1, 2), multi)).geometryType).toBe('Point');
  });

  it('declares nothing for mixed or empty files', () => {
    const line = { type: 'Feature', geometry: { type: 'LineString', coordinates: [[1, 2], [3, 4]] }, properties: {} };
    expect(planUpload(collection(point(1, 2), line)).geometryType).toBeNull();
    expect(planUpload(collection()).geometryType).toBeNull();
    expect(planUpload(collection({ type: 'Feature', geometry: null, properties: {} })).geometryType).toBeNull();
  });

  it('passes the text through unchanged', () => {
    const text = collection(point(1, 2));
    expect(planUpload(text).body).toBe(text);
  });

  it('refuses what is not JSON or not a FeatureCollection, in words', () => {
    expect(() => planUpload('{"type": "FeatureCollection", "features": [')).toThrow(/not valid JSON/);
    expect(() => planUpload('{"type": "Feature"}')).toThrow(/not a GeoJSON FeatureCollection/);
    expect(() => planUpload('[]')).toThrow(/not a GeoJSON FeatureCollection/);
  });
});
