import { describe, expect, it } from 'vitest';
import { placesUrl } from './places';

describe('places', () => {
  it('asks for south,west,north,east and a whole zoom', () => {
    expect(placesUrl({ south: 50, west: 1, north: 56.123456, east: 9 }, ['cities', 'ports'], 5.7, 500)).toBe(
      '/api/v1/places?bounds=50.00000%2C1.00000%2C56.12346%2C9.00000&zoom=5&limit=500&datasets=cities%2Cports',
    );
  });

  it('adds the format and fields it is given, an empty fields list included', () => {
    expect(placesUrl({ south: 0, west: 0, north: 1, east: 1 }, [], 2, 10, { format: 'arrow', fields: '' })).toBe(
      '/api/v1/places?bounds=0.00000%2C0.00000%2C1.00000%2C1.00000&zoom=2&limit=10&format=arrow&fields=',
    );
  });
});
