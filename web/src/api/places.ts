// The places viewport API (issue 6, DESIGN.md §4):
// GET /api/v1/places?bounds=south,west,north,east&datasets=a,b&zoom=&limit=, answered keyed by dataset.
import { json } from './http';

export interface PlacePoint {
  lng: number;
  lat: number;
  count: number;
  properties: Record<string, unknown>;
}

export function placesUrl(bounds: { south: number; west: number; north: number; east: number }, datasets: string[], zoom: number, limit: number): string {
  const b = [bounds.south, bounds.west, bounds.north, bounds.east].map((n) => n.toFixed(5)).join(',');
  const query = new URLSearchParams({ bounds: b, zoom: String(Math.floor(zoom)), limit: String(limit) });
  if (datasets.length) query.set('datasets', datasets.join(','));
  return `/api/v1/places?${query}`;
}

export async function places(url: string, signal?: AbortSignal): Promise<Record<string, PlacePoint[]>> {
  const answer = await json<Record<string, unknown>>(url, { signal });
  const result: Record<string, PlacePoint[]> = {};
  for (const [dataset, value] of Object.entries(answer)) {
    const items = Array.isArray(value) ? value : Array.isArray((value as { items?: unknown[] })?.items) ? (value as { items: unknown[] }).items : null;
    if (items) result[dataset] = items.map(toPoint).filter((p): p is PlacePoint => p !== null);
  }
  return result;
}

/** Accepts the shapes a places service answers with: {lat, lng|lon|longitude}, or a GeoJSON point feature. */
export function toPoint(item: unknown): PlacePoint | null {
  if (!item || typeof item !== 'object') return null;
  const o = item as Record<string, unknown>;
  if (o.type === 'Feature' && (o.geometry as { type?: string })?.type === 'Point') {
    const [lng, lat] = (o.geometry as { coordinates: number[] }).coordinates;
    const properties = (o.properties ?? {}) as Record<string, unknown>;
    return { lng, lat, count: Number(properties.point_count ?? properties.count ?? 1), properties };
  }
  const lat = Number(o.lat ?? o.latitude);
  const lng = Number(o.lng ?? o.lon ?? o.longitude);
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  return { lng, lat, count: Number(o.point_count ?? o.count ?? 1), properties: o };
}
