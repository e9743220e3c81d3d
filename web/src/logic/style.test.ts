import { describe, expect, it } from 'vitest';
import type { StyleSpecification } from 'maplibre-gl';
import { composeStyle, styleLayersOf, withParam } from './style';

const basemap: StyleSpecification = {
  version: 8,
  sources: { basemap: { type: 'vector', tiles: ['/api/basemap/tiles/{z}/{x}/{y}.mvt'] } },
  layers: [
    { id: 'basemap-sea', type: 'background', paint: { 'background-color': '#c9dcea' } },
    { id: 'basemap-land', type: 'fill', source: 'basemap', 'source-layer': 'land' },
  ],
};

const mapStyle: StyleSpecification = {
  version: 8,
  center: [3, 54],
  zoom: 5,
  sources: {
    'layer-a': { type: 'raster', tiles: ['http://h/api/layers/a/tiles/{z}/{x}/{y}.png?v=3'], tileSize: 256 },
    'layer-b': { type: 'vector', tiles: ['http://h/api/layers/b/tiles/{z}/{x}/{y}.mvt?v=1'] },
  },
  layers: [
    { id: 'background', type: 'background', paint: { 'background-color': '#dfe8ef' } },
    { id: 'layer-a', type: 'raster', source: 'layer-a' },
    { id: 'layer-b-fill', type: 'fill', source: 'layer-b', 'source-layer': 'b' },
    { id: 'layer-b-line', type: 'line', source: 'layer-b', 'source-layer': 'b' },
  ],
};

describe('composeStyle', () => {
  it('puts the basemap under the map layers and drops the map background', () => {
    const style = composeStyle(basemap, mapStyle);
    expect(style.layers.map((l) => l.id)).toEqual(['basemap-sea', 'basemap-land', 'layer-a', 'layer-b-fill', 'layer-b-line']);
    expect(Object.keys(style.sources)).toEqual(['basemap', 'layer-a', 'layer-b']);
    expect(style.center).toEqual([3, 54]);
  });

  it('keeps the map background when there is no basemap', () => {
    expect(composeStyle(null, mapStyle).layers[0].id).toBe('background');
  });

  it('adds the time to the tile URLs of the layers that have one, only', () => {
    const style = composeStyle(basemap, mapStyle, { times: { a: '2023-03-01' } });
    expect((style.sources['layer-a'] as { tiles: string[] }).tiles[0]).toBe(
      'http://h/api/layers/a/tiles/{z}/{x}/{y}.png?v=3&time=2023-03-01',
    );
    expect((style.sources['layer-b'] as { tiles: string[] }).tiles[0]).toBe('http://h/api/layers/b/tiles/{z}/{x}/{y}.mvt?v=1');
  });

  it('does not change the style it was given', () => {
    composeStyle(basemap, mapStyle, { times: { a: '2023-03-01' } });
    expect((mapStyle.sources['layer-a'] as { tiles: string[] }).tiles[0]).not.toContain('time=');
  });
});

describe('withParam', () => {
  it('replaces an existing value and keeps the template placeholders', () => {
    expect(withParam('/t/{z}/{x}/{y}.png?time=1&v=2', 'time', '2024-01-01T00:00:00Z')).toBe(
      '/t/{z}/{x}/{y}.png?v=2&time=2024-01-01T00%3A00%3A00Z',
    );
    expect(withParam('/t/{z}/{x}/{y}.png', 'time', 'x')).toBe('/t/{z}/{x}/{y}.png?time=x');
  });
});

describe('styleLayersOf', () => {
  it('finds every style layer drawn from one Tessera layer', () => {
    expect(styleLayersOf(mapStyle, 'b')).toEqual(['layer-b-fill', 'layer-b-line']);
  });
});
