// The places view (issue 6's viewport API): large point datasets fetched for the visible area and zoom, already
// clustered by the server, drawn as circles sized by their count. Answers come in the API's binary format (Arrow IPC,
// without properties, which the view does not show): the smallest answer and the cheapest to decode.
import { maplibregl } from '../mapview/maplibre';
import type { StyleSpecification } from 'maplibre-gl';
import { json } from '../api/http';
import { placesUrl } from '../api/places';
import { placesArrow } from '../api/placesArrow';
import type { Screen } from '../router';
import { labelled } from '../ui/dialog';
import { clear, h } from '../ui/dom';

export function placesScreen(app: HTMLElement): Screen {
  const params = new URLSearchParams(location.search);
  const datasets = h('input', { id: 'places-datasets', value: params.get('datasets') ?? '', placeholder: 'all datasets' });
  const status = h('p', { class: 'status', 'aria-live': 'polite' });
  const mapElement = h('div', { class: 'map', role: 'region', 'aria-label': 'Places map' });
  clear(app, h('div', { class: 'mapview' },
    h('aside', { class: 'sidebar' }, h('h1', {}, 'Places'), labelled('Datasets (comma-separated)', datasets), status),
    h('div', { class: 'map-wrap' }, mapElement)));

  const map = new maplibregl.Map({ container: mapElement, style: { version: 8, sources: {}, layers: [] }, center: [4, 54], zoom: 4 });
  map.addControl(new maplibregl.NavigationControl(), 'top-right');
  json<StyleSpecification>('/api/basemap/style.json').then((s) => map.setStyle(s), () => {});
  map.on('styledata', () => {
    if (map.getSource('places')) return;
    map.addSource('places', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({ id: 'places', type: 'circle', source: 'places', paint: {
      'circle-color': '#0f766e', 'circle-opacity': 0.8, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1,
      'circle-radius': ['interpolate', ['linear'], ['get', 'count'], 1, 4, 100, 12, 10000, 24],
    } });
  });
  let controller: AbortController | null = null;
  const load = async () => {
    controller?.abort();
    controller = new AbortController();
    const b = map.getBounds();
    const names = datasets.value.split(',').map((s) => s.trim()).filter(Boolean);
    try {
      const url = placesUrl({ south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast() }, names, map.getZoom(), 5000, { format: 'arrow', fields: '' });
      const answer = await placesArrow(url, controller.signal);
      const features = Object.entries(answer).flatMap(([dataset, points]) => points.map((p) => ({
        type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [p.lng, p.lat] }, properties: { ...p.properties, count: p.count, dataset },
      })));
      (map.getSource('places') as maplibregl.GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features });
      status.textContent = `${features.length} points or clusters in view.`;
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      status.textContent = (e as { status?: number }).status === 404 ? 'The places API is not available on this server yet.' : (e as Error).message;
    }
  };
  // A cluster opens up when clicked: zoom in on it to the zoom where it splits (its expansion zoom).
  map.on('click', 'places', (event) => {
    const feature = event.features?.[0];
    if (!feature || Number(feature.properties?.count ?? 1) <= 1) return;
    const expansion = Number(feature.properties?.expansion_zoom ?? 0);
    map.easeTo({ center: event.lngLat, zoom: Math.min(Math.max(expansion, map.getZoom() + 1), 18) });
  });
  map.on('moveend', load);
  map.on('load', load);
  datasets.addEventListener('change', load);
  (window as unknown as { tessera: unknown }).tessera = { map };
  return { unmount: () => { controller?.abort(); map.remove(); } };
}
