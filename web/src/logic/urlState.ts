// What the address bar holds, so a link opens the same map at the same place and time:
// /maps/{id}?at=zoom/lat/lng[&time=2023-03-01]. Unknown or malformed parts are ignored, never fatal.
export interface View {
  zoom: number;
  lat: number;
  lng: number;
}

export interface MapUrlState {
  mapId: string;
  view?: View;
  time?: string;
}

export function parseMapUrl(pathname: string, search: string): MapUrlState | null {
  const match = /^\/maps\/([0-9a-fA-F-]{36})\/?$/.exec(pathname);
  if (!match) return null;
  const params = new URLSearchParams(search);
  const state: MapUrlState = { mapId: match[1].toLowerCase() };
  const at = params.get('at');
  if (at) {
    const [zoom, lat, lng] = at.split('/').map(Number);
    if ([zoom, lat, lng].every(Number.isFinite) && zoom >= 0 && zoom <= 24 && Math.abs(lat) <= 90) {
      state.view = { zoom, lat, lng: Math.abs(lng) <= 180 ? lng : ((((lng + 180) % 360) + 360) % 360) - 180 };
    }
  }
  const time = params.get('time');
  if (time && /^\d{4}-\d{2}(-\d{2}(T[\d:.]+Z?)?)?$/.test(time)) state.time = time;
  return state;
}

/** Precision by zoom: enough decimals that the link lands within a pixel, no more. */
export function formatMapUrl(state: MapUrlState): string {
  const params: string[] = [];
  if (state.view) {
    const { zoom, lat, lng } = state.view;
    const decimals = Math.max(2, Math.ceil(Math.log10(Math.pow(2, zoom) * 512 / 360)));
    params.push(`at=${zoom.toFixed(2)}/${lat.toFixed(decimals)}/${lng.toFixed(decimals)}`);
  }
  if (state.time) params.push(`time=${encodeURIComponent(state.time)}`);
  return `/maps/${state.mapId}${params.length ? `?${params.join('&')}` : ''}`;
}
