import type { StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { json } from './http';
import type { MapView, PermissionLevel, WebMap } from './types';

export const listMaps = () => json<WebMap[]>('/api/maps');
export const getMap = (id: string) => json<MapView>(`/api/maps/${id}`);

let basemap: Promise<StyleSpecification | null> | null = null;

/** The built-in basemap's style (fetched once per page), or null if this server has none. */
export function builtInBasemap(): Promise<StyleSpecification | null> {
  basemap ??= json<StyleSpecification>('/api/basemap/style.json').catch(() => null);
  return basemap;
}

/** The basemap style and MapLibre's worker script (into the HTTP cache: it is served as immutable). */
export function prefetchBasemap(): void {
  void builtInBasemap();
  void fetch(workerUrl).catch(() => {});
}

const prefetched = new Map<string, { map: Promise<MapView>; style: Promise<StyleSpecification> }>();

/** Starts loading a map and its style before the screen that shows it is ready; `takePrefetched` hands them over. */
export function prefetchMap(id: string): void {
  const map = getMap(id);
  const style = mapStyle(id);
  map.catch(() => {});
  style.catch(() => {});
  prefetched.set(id, { map, style });
}

export function takePrefetched(id: string): { map: Promise<MapView>; style: Promise<StyleSpecification> } {
  const entry = prefetched.get(id);
  prefetched.delete(id);
  return entry ?? { map: getMap(id), style: mapStyle(id) };
}
export const createMap = (input: Partial<WebMap>) => json<MapView>('/api/maps', { method: 'POST', body: input });
export const updateMap = (id: string, input: { name?: string; permission_level?: PermissionLevel; center_lat?: number; center_lng?: number; zoom?: number }) =>
  json<MapView>(`/api/maps/${id}`, { method: 'PUT', body: input });
export const deleteMap = (id: string) => json<void>(`/api/maps/${id}`, { method: 'DELETE' });
export const mapStyle = (id: string) => json<StyleSpecification>(`/api/maps/${id}/style.json`);

export const addLayerToMap = (mapId: string, layerId: string) =>
  json<MapView>(`/api/maps/${mapId}/layers`, { method: 'POST', body: { layer_id: layerId } });
export const updateMapLayer = (mapId: string, layerId: string, change: { is_visible?: boolean; opacity?: number }) =>
  json<MapView>(`/api/maps/${mapId}/layers/${layerId}`, { method: 'PUT', body: change });
export const removeMapLayer = (mapId: string, layerId: string) =>
  json<void>(`/api/maps/${mapId}/layers/${layerId}`, { method: 'DELETE' });
export const reorderLayers = (mapId: string, layerIds: string[]) =>
  json<MapView>(`/api/maps/${mapId}/layers/reorder`, { method: 'PUT', body: { layer_ids: layerIds } });
