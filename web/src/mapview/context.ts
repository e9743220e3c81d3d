import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import type { Layer, MapView, User } from '../api/types';

/** What the panels of one open map share. */
export interface MapContext {
  map: MapLibreMap;
  view: MapView;
  /** Full layer records of the layers on the map, by id. */
  layers: Map<string, Layer>;
  user: User | null;
  style: StyleSpecification;
  /** Current time per temporal layer id. */
  times: Record<string, string>;
  /** Fetches the map, its style and its layers again and redraws everything. */
  refresh(): Promise<void>;
  /** Redraws the style with the current times, without fetching. */
  restyle(): void;
  /** Called after every refresh; panels subscribe to redraw themselves. */
  onChange(listener: () => void): void;
}
