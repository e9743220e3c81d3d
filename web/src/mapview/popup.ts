// Clicking a feature of a vector layer shows its attributes; the feature's id (a UUID, which vector tiles cannot
// carry exactly) is found by asking the features API for the features under the click. Clicking a cluster zooms in.
import * as maplibregl from 'maplibre-gl';
import { featuresIn, type Feature } from '../api/features';
import { layerIdOfSource } from '../logic/style';
import { h } from '../ui/dom';
import { showError } from '../ui/toast';
import type { MapContext } from './context';

export let drawingActive = false;
export function setDrawingActive(active: boolean): void {
  drawingActive = active;
}

export function attachPopups(ctx: MapContext): void {
  const popup = new maplibregl.Popup({ maxWidth: '320px', focusAfterOpen: true });
  ctx.map.on('click', async (event) => {
    if (drawingActive) return;
    const hits = ctx.map
      .queryRenderedFeatures(event.point)
      .filter((f) => layerIdOfSource(f.source) && ctx.layers.get(layerIdOfSource(f.source)!)?.source_type === 'vector');
    if (hits.length === 0) return;
    const hit = hits[0];
    if (hit.properties?.cluster) {
      // A point layer's cluster (low zooms, see the server's ClusterTiles): open it up rather than list it.
      const zoom = Number(hit.properties.expansion_zoom);
      ctx.map.easeTo({ center: event.lngLat, zoom: Number.isFinite(zoom) ? Math.max(zoom, ctx.map.getZoom() + 1) : ctx.map.getZoom() + 2 });
      return;
    }
    const layerId = layerIdOfSource(hit.source)!;
    const layer = ctx.layers.get(layerId)!;
    const properties = hit.properties ?? {};
    const body = h('div', { class: 'popup' }, h('h3', {}, layer.name), table(properties));
    popup.setLngLat(event.lngLat).setDOMContent(body).addTo(ctx.map);
    if (!ctx.user) return;
    try {
      const feature = await findFeature(ctx, layerId, event.point, hit.geometry.type, properties);
      if (!feature) return;
      body.append(
        h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'secondary', onclick: async () => { popup.remove(); (await import('./draw')).editFeature(ctx, layerId, feature); } }, 'Edit'),
          h('button', { type: 'button', class: 'danger', onclick: async () => { popup.remove(); (await import('./draw')).removeFeature(ctx, layerId, feature); } }, 'Delete'),
        ),
      );
    } catch (e) {
      showError(e);
    }
  });
}

async function findFeature(ctx: MapContext, layerId: string, point: maplibregl.Point, type: string, properties: Record<string, unknown>): Promise<Feature | null> {
  const pad = 4;
  const sw = ctx.map.unproject([point.x - pad, point.y + pad]);
  const ne = ctx.map.unproject([point.x + pad, point.y - pad]);
  const answer = await featuresIn(layerId, [sw.lng, sw.lat, ne.lng, ne.lat], 50);
  const sameType = answer.features.filter((f) => f.geometry.type.replace('Multi', '') === type.replace('Multi', ''));
  const sameProps = sameType.filter((f) => Object.entries(properties).every(([k, v]) => String(f.properties?.[k] ?? '') === String(v)));
  return sameProps[0] ?? sameType[0] ?? null;
}

function table(properties: Record<string, unknown>): HTMLElement {
  const entries = Object.entries(properties);
  if (entries.length === 0) return h('p', { class: 'empty' }, 'No attributes.');
  return h('table', {}, ...entries.map(([k, v]) => h('tr', {}, h('th', {}, k), h('td', {}, String(v)))));
}
