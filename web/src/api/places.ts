// The places viewport API (issue 6, DESIGN.md §4):
// GET /api/v1/places?bounds=south,west,north,east&datasets=a,b&zoom=&limit=, answered keyed by dataset (the
// answer's decoder: placesArrow.ts).

export interface PlacePoint {
  lng: number;
  lat: number;
  count: number;
  properties: Record<string, unknown>;
}

/** The request for a viewport; {@code extra} adds parameters such as `format` and `fields`. */
export function placesUrl(bounds: { south: number; west: number; north: number; east: number }, datasets: string[], zoom: number, limit: number, extra: Record<string, string> = {}): string {
  const b = [bounds.south, bounds.west, bounds.north, bounds.east].map((n) => n.toFixed(5)).join(',');
  const query = new URLSearchParams({ bounds: b, zoom: String(Math.floor(zoom)), limit: String(limit) });
  if (datasets.length) query.set('datasets', datasets.join(','));
  for (const [name, value] of Object.entries(extra)) query.set(name, value);
  return `/api/v1/places?${query}`;
}
