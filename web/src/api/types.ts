// The API's JSON, as DESIGN.md §4 names it (snake_case).
export type SourceType = 'wms' | 'wmts' | 'geotiff' | 'vector' | 'pmtiles';
export type PermissionLevel = 'private' | 'collaborators' | 'public';

export interface WebMap {
  id: string;
  name: string;
  description: string | null;
  center_lat: number;
  center_lng: number;
  zoom: number;
  basemap: string | null;
  permission_level: PermissionLevel;
  created_by: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface LayerOnMap {
  id: string;
  layer_id: string;
  display_order: number;
  is_visible: boolean;
  opacity: number;
  name: string;
  source_type: SourceType;
  category: string | null;
  layer_version: number;
}

export interface MapView extends WebMap {
  layers: LayerOnMap[];
}

export interface Temporal {
  enabled?: boolean;
  parameter?: string;
  start?: string;
  end?: string;
  resolution?: string;
}

export interface LegendStop {
  value?: number | string;
  color: string;
  label?: string;
}

export interface LegendConfig {
  type?: 'gradient' | 'categories' | string;
  colorStops?: LegendStop[];
  categories?: LegendStop[];
  unit?: string;
  scale?: string;
}

export interface Layer {
  id: string;
  name: string;
  source_type: SourceType;
  description: string | null;
  category: string | null;
  created_by: string;
  editable: 'creator-only' | 'everyone';
  is_global: boolean;
  source_config: Record<string, unknown> & { temporal?: Temporal };
  style_config: Record<string, unknown> | null;
  legend_config: LegendConfig | null;
  metadata: Record<string, unknown> | null;
  version: number;
}

export interface User {
  id: string;
  email: string;
  name: string | null;
}
