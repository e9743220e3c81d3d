// MapLibre GL JS with its worker served from our own assets (never a CDN): Vite copies the worker file beside the
// bundle under a hashed name and hands us its URL.
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

maplibregl.setWorkerUrl(workerUrl);

export { maplibregl };
