import { json } from './http';

export interface Feature {
  type: 'Feature';
  id?: string;
  geometry: GeoJSON.Geometry;
  properties: Record<string, unknown>;
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

export const featuresIn = (layerId: string, bbox: [number, number, number, number], limit = 10) =>
  json<FeatureCollection>(`/api/layers/${layerId}/features?bbox=${bbox.map((n) => n.toFixed(6)).join(',')}&limit=${limit}`);
export const createFeature = (layerId: string, feature: Omit<Feature, 'id'>) =>
  json<Feature>(`/api/layers/${layerId}/features`, { method: 'POST', body: feature });
export const updateFeature = (layerId: string, feature: Feature) =>
  json<Feature>(`/api/layers/${layerId}/features/${feature.id}`, {
    method: 'PUT',
    body: { type: 'Feature', geometry: feature.geometry, properties: feature.properties },
  });
export const deleteFeature = (layerId: string, featureId: string) =>
  json<void>(`/api/layers/${layerId}/features/${featureId}`, { method: 'DELETE' });
