import { json, request } from './http';
import type { Layer, SourceType } from './types';

export interface LibraryFilter {
  source_type?: SourceType | '';
  category?: string;
  is_global?: boolean;
}

export function listLayers(filter: LibraryFilter = {}): Promise<Layer[]> {
  const query = new URLSearchParams();
  if (filter.source_type) query.set('source_type', filter.source_type);
  if (filter.category) query.set('category', filter.category);
  if (filter.is_global !== undefined) query.set('is_global', String(filter.is_global));
  const qs = query.toString();
  return json<Layer[]>(`/api/layers${qs ? `?${qs}` : ''}`);
}

export const getLayer = (id: string) => json<Layer>(`/api/layers/${id}`);
export const deleteLayer = (id: string) => json<void>(`/api/layers/${id}`, { method: 'DELETE' });
export const createLayer = (input: Partial<Layer>) => json<Layer>('/api/layers', { method: 'POST', body: input });

/** Imports a GeoJSON FeatureCollection (all-or-nothing on the server). */
export async function importFeatures(layerId: string, geojson: string | Blob): Promise<{ imported: number }> {
  const response = await request(`/api/layers/${layerId}/import`, { method: 'POST', raw: geojson });
  return response.json();
}
