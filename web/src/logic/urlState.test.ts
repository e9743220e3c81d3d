import { describe, expect, it } from 'vitest';
import { formatMapUrl, parseMapUrl } from './urlState';

const id = '0190f0a1-2b3c-7d4e-8f00-112233445566';

describe('map URL state', () => {
  it('round-trips map, view and time', () => {
    const url = formatMapUrl({ mapId: id, view: { zoom: 6.5, lat: 54.123456, lng: 3.987654 }, time: '2023-03-01' });
    expect(url).toBe(`/maps/${id}?at=6.50/54.123/3.988&time=2023-03-01`);
    const [path, search] = url.split('?');
    expect(parseMapUrl(path, `?${search}`)).toEqual({ mapId: id, view: { zoom: 6.5, lat: 54.123, lng: 3.988 }, time: '2023-03-01' });
  });

  it('uses more decimals when zoomed in', () => {
    expect(formatMapUrl({ mapId: id, view: { zoom: 18, lat: 1, lng: 2 } })).toBe(`/maps/${id}?at=18.00/1.000000/2.000000`);
  });

  it('ignores malformed view and time instead of failing', () => {
    expect(parseMapUrl(`/maps/${id}`, '?at=x/1/2&time=yesterday')).toEqual({ mapId: id });
    expect(parseMapUrl(`/maps/${id}`, '?at=4/95/2')).toEqual({ mapId: id });
  });

  it('wraps longitudes into -180..180', () => {
    expect(parseMapUrl(`/maps/${id}`, '?at=3/10/190')?.view?.lng).toBe(-170);
  });

  it('is null for other paths', () => {
    expect(parseMapUrl('/maps', '')).toBeNull();
    expect(parseMapUrl('/maps/not-a-uuid', '')).toBeNull();
  });
});
