// Builds the style MapLibre draws: the basemap underneath, then the map's own style (from /api/maps/{id}/style.json)
// without its background, with the chosen time applied to temporal raster layers.
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';

export interface ComposeOptions {
  /** Time per layer id (YYYY-MM-DD or ISO), for layers whose tiles take ?time=. */
  times?: Record<string, string>;
}

export function composeStyle(basemap: StyleSpecification | null, map: StyleSpecification, options: ComposeOptions = {}): StyleSpecification {
  const sources: Record<string, SourceSpecification> = {};
  const layers: LayerSpecification[] = [];
  if (basemap) {
    Object.assign(sources, basemap.sources);
    layers.push(...basemap.layers);
  }
  for (const [id, source] of Object.entries(map.sources)) {
    sources[id] = withTime(id, source, options.times ?? {});
  }
  for (const layer of map.layers) {
    if (basemap && layer.type === 'background') continue;
    layers.push(layer);
  }
  return {
    ...map,
    sources,
    layers,
    ...(basemap?.glyphs ? { glyphs: basemap.glyphs } : {}),
    ...(basemap?.sprite ? { sprite: basemap.sprite } : {}),
  };
}

/** The layer id behind a style source id ("layer-<uuid>"), or null for sources that are not Tessera layers. */
export function layerIdOfSource(sourceId: string): string | null {
  return sourceId.startsWith('layer-') ? sourceId.slice('layer-'.length) : null;
}

function withTime(sourceId: string, source: SourceSpecification, times: Record<string, string>): SourceSpecification {
  const layerId = layerIdOfSource(sourceId);
  const time = layerId ? times[layerId] : undefined;
  if (!time || !('tiles' in source) || !source.tiles) return source;
  return { ...source, tiles: source.tiles.map((url) => withParam(url, 'time', time)) } as SourceSpecification;
}

/** Sets one query parameter of a tile URL template, keeping `{z}/{x}/{y}` unescaped. */
export function withParam(url: string, name: string, value: string): string {
  const [base, query = ''] = url.split('?', 2);
  const params = query
    .split('&')
    .filter((p) => p && p.split('=')[0] !== name);
  params.push(`${name}=${encodeURIComponent(value)}`);
  return `${base}?${params.join('&')}`;
}

/** The ids of the style layers drawn for one Tessera layer (fill/line/circle for vector, one for raster). */
export function styleLayersOf(style: StyleSpecification, layerId: string): string[] {
  const source = `layer-${layerId}`;
  return style.layers.filter((l) => 'source' in l && l.source === source).map((l) => l.id);
}
