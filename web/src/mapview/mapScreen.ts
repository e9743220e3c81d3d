// The map view: MapLibre showing the basemap and the map's own style, with the layer panel, legend, time slider,
// popups and (loaded on demand) the drawing tools, comments, sharing and live updates.
import { maplibregl } from './maplibre';
import type { StyleSpecification } from 'maplibre-gl';
import { me } from '../api/auth';
import { getLayer } from '../api/layers';
import { builtInBasemap, getMap, mapStyle, takePrefetched } from '../api/maps';
import { token } from '../api/http';
import type { Layer } from '../api/types';
import { composeStyle } from '../logic/style';
import { formatMapUrl, parseMapUrl } from '../logic/urlState';
import type { Screen } from '../router';
import { clear, h } from '../ui/dom';
import { showError } from '../ui/toast';
import type { MapContext } from './context';
import { layerPanel } from './layerPanel';
import { legendPanel } from './legendPanel';
import { attachPopups } from './popup';
import { timeSlider } from './timeSlider';
import { startLive } from './live';
import { mapToolbar } from './toolbar';

/** The built-in basemap's style, or the one a map names by URL in its `basemap` field. */
function basemapFor(basemap: string | null): Promise<StyleSpecification | null> {
  if (basemap && /^https?:\/\//.test(basemap)) {
    return fetch(basemap).then((r) => (r.ok ? r.json() : null)).catch(() => null);
  }
  return builtInBasemap();
}

export async function mapScreen(app: HTMLElement): Promise<Screen> {
  const started = performance.now();
  const urlState = parseMapUrl(location.pathname, location.search)!;
  const first = takePrefetched(urlState.mapId);
  const [view, style, user] = await Promise.all([first.map, first.style, me()]);
  const [basemap, layers] = await Promise.all([basemapFor(view.basemap), fetchLayers(view.layers.map((l) => l.layer_id))]);

  const mapElement = h('div', { id: 'map', class: 'map', role: 'region', 'aria-label': `Map ${view.name}` });
  const panel = h('div', { class: 'panel-body' });
  const legend = h('div', { class: 'legend', 'aria-label': 'Legend' });
  const timebar = h('div', { class: 'timebar', hidden: true });
  const side = h('aside', { class: 'side-panel', id: 'comments-panel', hidden: true });
  const live = h('span', { class: 'live', title: 'Live updates', hidden: true }, '● Live');
  const title = h('h1', { class: 'map-title' }, view.name);
  const toolbar = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Map tools' });
  const sidebar = h('aside', { class: 'sidebar', 'aria-label': 'Layers' }, h('div', { class: 'sidebar-head' }, title, live), toolbar, panel, legend);
  const toggle = h('button', { type: 'button', class: 'sidebar-toggle', 'aria-expanded': 'true', 'aria-controls': 'sidebar' }, 'Layers');
  sidebar.id = 'sidebar';
  toggle.addEventListener('click', () => {
    const open = sidebar.classList.toggle('collapsed');
    toggle.setAttribute('aria-expanded', String(!open));
  });
  clear(app, h('div', { class: 'mapview' }, toggle, sidebar, h('div', { class: 'map-wrap' }, mapElement, timebar), side));

  const initial = urlState.view ?? { zoom: view.zoom, lat: view.center_lat, lng: view.center_lng };
  const listeners: (() => void)[] = [];
  const ctx: MapContext = {
    map: null as unknown as maplibregl.Map,
    view,
    layers,
    user,
    style,
    times: {},
    async refresh() {
      const [v, s] = await Promise.all([getMap(view.id), mapStyle(view.id)]);
      ctx.view = v;
      ctx.style = s;
      ctx.layers = await fetchLayers(v.layers.map((l) => l.layer_id), ctx.layers);
      title.textContent = v.name;
      ctx.restyle();
      listeners.forEach((l) => l());
    },
    restyle() {
      ctx.map.setStyle(composeStyle(basemap, ctx.style, { times: ctx.times }), {
        diff: true,
        // Keep what others added to the map (the drawing tools' sources and layers) across the update.
        transformStyle: (previous, next) => keepForeign(previous, next),
      });
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
  ctx.map = new maplibregl.Map({
    container: mapElement,
    style: composeStyle(basemap, style),
    center: [initial.lng, initial.lat],
    zoom: initial.zoom,
    attributionControl: { compact: true },
    keyboard: true,
    transformRequest: authorised,
  });
  ctx.map.addControl(new maplibregl.NavigationControl(), 'top-right');
  ctx.map.addControl(new maplibregl.ScaleControl(), 'bottom-right');

  const writeUrl = () => {
    const c = ctx.map.getCenter();
    const time = Object.values(ctx.times)[0];
    history.replaceState(null, '', formatMapUrl({ mapId: view.id, view: { zoom: ctx.map.getZoom(), lat: c.lat, lng: c.lng }, time }));
  };
  ctx.map.on('moveend', writeUrl);

  layerPanel(ctx, panel);
  mapToolbar(ctx, toolbar, side);
  legendPanel(ctx, legend);
  timeSlider(ctx, timebar, urlState.time, writeUrl);
  attachPopups(ctx);
  const stopLive = startLive(ctx, side, live);

  // For people and for the browser tests: when the first full render finished, and how long it took.
  const ready = new Promise<number>((resolve) => ctx.map.once('idle', () => resolve(performance.now() - started)));
  (window as unknown as { tessera: unknown }).tessera = { map: ctx.map, ctx, ready };
  ctx.map.on('error', (e) => {
    const status = (e.error as { status?: number })?.status;
    // Tile failures of a remote layer are common and noisy: one message per layer source, not per tile.
    const source = (e as unknown as { sourceId?: string }).sourceId;
    if (source && reported.has(source)) return;
    if (source) reported.add(source);
    showError(new Error(source
      ? `Layer “${nameOfSource(ctx, source)}”: some of its tiles could not be loaded${status ? ` (HTTP ${status})` : ''}.`
      : `The map could not be drawn: ${e.error?.message ?? 'unknown error'}.`));
  });
  const reported = new Set<string>();

  return {
    unmount() {
      stopLive();
      ctx.map.remove();
      document.querySelectorAll('dialog').forEach((d) => d.remove());
    },
  };
}

/** Tiles of private layers need the signed-in user's token: send it to Tessera (and nowhere else). */
export function authorised(url: string): { url: string; headers?: Record<string, string> } {
  const bearer = token();
  return bearer && url.startsWith(`${location.origin}/api/`) ? { url, headers: { Authorization: `Bearer ${bearer}` } } : { url };
}

/** Sources and layers that are neither the basemap's nor a Tessera layer's stay, on top. */
function keepForeign(previous: StyleSpecification | undefined, next: StyleSpecification): StyleSpecification {
  if (!previous) return next;
  const ours = (source: string) => source === 'basemap' || source.startsWith('layer-');
  const sources = { ...next.sources };
  for (const [id, source] of Object.entries(previous.sources)) if (!ours(id)) sources[id] = source;
  const layers = [...next.layers, ...previous.layers.filter((l) => 'source' in l && typeof l.source === 'string' && !ours(l.source))];
  return { ...next, sources, layers };
}

function nameOfSource(ctx: MapContext, sourceId: string): string {
  const id = sourceId.replace(/^layer-/, '');
  return ctx.layers.get(id)?.name ?? sourceId;
}

async function fetchLayers(ids: string[], known = new Map<string, Layer>()): Promise<Map<string, Layer>> {
  const result = new Map<string, Layer>();
  await Promise.all(
    ids.map(async (id) => {
      try {
        result.set(id, await getLayer(id));
      } catch (e) {
        const old = known.get(id);
        if (old) result.set(id, old);
        else showError(e);
      }
    }),
  );
  return result;
}
