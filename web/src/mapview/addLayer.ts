// New layers, one form per source type. The server validates source_config; its message is shown next to the field
// it names. A vector layer can start empty (then draw) or from an uploaded GeoJSON or CSV file.
import { ApiError } from '../api/http';
import { createLayer, deleteLayer, importFeatures } from '../api/layers';
import { addLayerToMap } from '../api/maps';
import type { Layer, SourceType } from '../api/types';
import { csvToGeoJson } from '../logic/csv';
import { planUpload, type UploadPlan } from '../logic/upload';
import { checked, formDialog, labelled, value } from '../ui/dialog';
import { clear, h } from '../ui/dom';
import { toast } from '../ui/toast';
import type { MapContext } from './context';
import { SOURCE_TYPES } from './library';

const input = (name: string, attrs: Record<string, string | boolean | number> = {}) => h('input', { name, ...attrs });

function temporalFields(): HTMLElement {
  return h(
    'fieldset',
    {},
    h('legend', {}, 'Time'),
    h('label', { class: 'check' }, input('temporal', { type: 'checkbox' }), ' Has a time dimension'),
    labelled('From', input('start', { placeholder: '2020-01-01' })),
    labelled('To', input('end', { placeholder: '2024-12-31' })),
    labelled('Steps', h('select', { name: 'resolution' }, ...['daily', 'monthly', 'yearly', 'hourly'].map((r) => h('option', { value: r }, r)))),
  );
}

function temporalConfig(form: HTMLFormElement): Record<string, unknown> | undefined {
  if (!checked(form, 'temporal')) return undefined;
  return { enabled: true, parameter: 'TIME', start: value(form, 'start'), end: value(form, 'end'), resolution: value(form, 'resolution') };
}

const FIELDS: Record<SourceType, () => HTMLElement[]> = {
  vector: () => [
    labelled('Geometry', h('select', { name: 'geometryType' }, h('option', { value: '' }, 'Any (mixed)'), ...['Polygon', 'LineString', 'Point'].map((g) => h('option', { value: g }, g))),
      'the server then accepts only this type'),
    labelled('Start from a file (optional)', input('file', { type: 'file', accept: '.geojson,.json,.csv' }), 'GeoJSON, or CSV with lat/lon columns'),
  ],
  wms: () => [
    labelled('Service URL', input('url', { type: 'url', required: true, placeholder: 'https://example.org/wms' })),
    labelled('Layers', input('layers', { required: true })),
    labelled('Version', h('select', { name: 'version' }, h('option', { value: '1.3.0' }, '1.3.0'), h('option', { value: '1.1.1' }, '1.1.1'))),
    labelled('Ask for maps in', h('select', { name: 'crs' }, ...['EPSG:3857', 'EPSG:4326', 'CRS:84'].map((c) => h('option', { value: c }, c))),
      'EPSG:3857 when the service offers it; otherwise Tessera reprojects'),
    temporalFields(),
  ],
  wmts: () => [
    labelled('Capabilities URL or tile URL template', input('url', { type: 'url', required: true }), 'a template has {z}/{x}/{y} or {TileMatrix}/{TileCol}/{TileRow}'),
    labelled('Layer', input('layer'), 'its identifier in the capabilities'),
    labelled('Tile matrix set', input('tileMatrixSet', { placeholder: 'WebMercatorQuad' })),
  ],
  geotiff: () => [
    labelled('COG URL', input('cogUrl', { placeholder: 'https://…/data.tif' }), 'or a template with {year} {month} {day} {YYYYMM} {YYYYMMDD}'),
    labelled('COG URL template', input('cogUrlTemplate', { placeholder: 'https://…/sst_{YYYYMM}.tif' })),
    labelled('Rescale', input('rescale', { placeholder: '0,30' })),
    labelled('Colour map', input('colormap_name', { placeholder: 'viridis' })),
    temporalFields(),
  ],
  pmtiles: () => [
    labelled('Archive URL', input('url', { placeholder: 'https://…/tiles.pmtiles' })),
    labelled('or file under FILES_ROOT', input('file', { placeholder: 'tiles.pmtiles' })),
  ],
};

function sourceConfig(type: SourceType, form: HTMLFormElement): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  const set = (key: string, v: unknown) => {
    if (v !== '' && v !== undefined) config[key] = v;
  };
  switch (type) {
    case 'vector': {
      // A CSV file holds points; otherwise the chosen type, or none (mixed).
      const file = (form.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0];
      set('geometryType', file && /\.csv$/i.test(file.name) ? 'Point' : value(form, 'geometryType'));
      break;
    }
    case 'wms':
      set('url', value(form, 'url'));
      set('layers', value(form, 'layers'));
      set('version', value(form, 'version'));
      if (value(form, 'crs') !== 'EPSG:3857') set('crs', value(form, 'crs'));
      set('format', 'image/png');
      set('transparent', true);
      set('temporal', temporalConfig(form));
      break;
    case 'wmts':
      // A URL with placeholders is a tile template; any other is the service's capabilities
      set(/\{/.test(value(form, 'url')) ? 'urlTemplate' : 'url', value(form, 'url'));
      set('layer', value(form, 'layer'));
      set('tileMatrixSet', value(form, 'tileMatrixSet'));
      break;
    case 'geotiff': {
      set('delivery', 'tiles');
      set('cogUrl', value(form, 'cogUrl'));
      set('cogUrlTemplate', value(form, 'cogUrlTemplate'));
      const tileParams: Record<string, string> = {};
      if (value(form, 'rescale')) tileParams.rescale = value(form, 'rescale');
      if (value(form, 'colormap_name')) tileParams.colormap_name = value(form, 'colormap_name');
      if (Object.keys(tileParams).length) config.tileParams = tileParams;
      set('temporal', temporalConfig(form));
      break;
    }
    case 'pmtiles':
      set('url', value(form, 'url'));
      set('file', value(form, 'file'));
      break;
  }
  return config;
}

/** Reads an uploaded file before anything is created: GeoJSON is checked and passes through, CSV becomes points. */
async function readUpload(file: File): Promise<UploadPlan> {
  const text = await file.text();
  return /\.csv$/i.test(file.name) ? { body: JSON.stringify(csvToGeoJson(text)), geometryType: 'Point' } : planUpload(text);
}

export function openAddLayer(ctx: MapContext, initialType: SourceType = 'vector'): Promise<Layer | null> {
  return new Promise((resolve) => {
    const typeSelect = h('select', { name: 'source_type' }, ...SOURCE_TYPES.map((t) => h('option', { value: t, selected: t === initialType }, t)));
    const specific = h('div', { class: 'type-fields' });
    const showFields = () => clear(specific, ...FIELDS[typeSelect.value as SourceType]());
    typeSelect.addEventListener('change', showFields);
    showFields();
    let created: Layer | null = null;
    const dialog = formDialog(
      'New layer',
      [
        labelled('Name', input('name', { required: true, maxlength: 200 })),
        labelled('Type', typeSelect),
        labelled('Category', input('category', { maxlength: 100 })),
        specific,
      ],
      async (form) => {
        const type = typeSelect.value as SourceType;
        const file = type === 'vector' ? (form.elements.namedItem('file') as HTMLInputElement).files?.[0] : undefined;
        const upload = file ? await readUpload(file) : null; // a file that is not CSV or GeoJSON fails here, before anything exists
        const config = sourceConfig(type, form);
        if (upload?.geometryType && !config.geometryType) config.geometryType = upload.geometryType;
        const layer = await createLayer({ name: value(form, 'name'), source_type: type, category: value(form, 'category') || null, source_config: config });
        try {
          if (upload) {
            const result = await importFeatures(layer.id, upload.body);
            toast(`Imported ${result.imported} features.`);
          }
          await addLayerToMap(ctx.view.id, layer.id);
        } catch (e) {
          // All or nothing for the person at the keyboard: the server refused the file (its import is all-or-nothing
          // too), so the layer made for it goes again and the dialog stays open with the server's words.
          await deleteLayer(layer.id).catch(() => {});
          throw e instanceof ApiError ? new ApiError(`Nothing was created. ${e.message}`, e.status, e.code) : e;
        }
        created = layer;
        await ctx.refresh();
      },
      'Create',
    );
    dialog.addEventListener('close', () => resolve(created));
  });
}
