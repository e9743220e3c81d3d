import { describe, expect, it } from 'vitest';
import { placesUrl, toPoint } from './places';

describe('places', () => {
  it('asks for south,west,north,east and a whole zoom', () => {
    expect(placesUrl({ south: 50, west: 1, north: 56.123456, east: 9 }, ['cities', 'ports'], 5.7, 500)).toBe(
      '/api/v1/places?bounds=50.00000%2C1.00000%2C56.12346%2C9.00000&zoom=5&limit=500&datasets=cities%2Cports',
    );
  });

  it('reads clusters and points as the places API answers them, and GeoJSON points', () => {
    expect(toPoint({ cluster: true, cluster_id: 'c1', count: 42, lat: 54, lng: 3 })).toMatchObject({ lat: 54, lng: 3, count: 42 });
    expect(toPoint({ id: 'p', lat: 1, lng: 2, name: 'x' })).toMatchObject({ lat: 1, lng: 2, count: 1 });
    expect(toPoint({ type: 'Feature', geometry: { type: 'Point', coordinates: [2, 1] }, properties: { point_count: 3 } })).toMatchObject({ lat: 1, lng: 2, count: 3 });
    expect(toPoint({ zoom: 3 })).toBeNull();
  });
});
