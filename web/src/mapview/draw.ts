// Drawing and editing features with terra-draw: points, lines and polygons into a vector layer of the map, each
// finished shape followed by an attribute form; an existing feature can be reshaped (select mode) and saved.
// Without a pointer: "Add by coordinates" takes the vertices as text (or the map's centre, moved with the arrow keys),
// and Escape leaves drawing. This module and terra-draw form their own chunk: the map list never downloads them.
import {
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawPointMode,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { createFeature, deleteFeature, updateFeature, type Feature } from '../api/features';
import { formatVertex, parseVertices, shapeGeometry, type ShapeKind } from '../logic/coordinates';
import { formDialog, labelled, value } from '../ui/dialog';
import { clear, h } from '../ui/dom';
import { showError, toast } from '../ui/toast';
import type { MapContext } from './context';
import { openAddLayer } from './addLayer';
import { setDrawingActive } from './popup';

type Mode = ShapeKind;

let session: { draw: TerraDraw; bar: HTMLElement; stop: () => void } | null = null;

function begin(ctx: MapContext): TerraDraw {
  session?.stop();
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map: ctx.map }),
    modes: [
      new TerraDrawPointMode(),
      new TerraDrawLineStringMode(),
      new TerraDrawPolygonMode(),
      new TerraDrawSelectMode({
        flags: {
          polygon: { feature: { draggable: true, coordinates: { midpoints: true, draggable: true, deletable: true } } },
          linestring: { feature: { draggable: true, coordinates: { midpoints: true, draggable: true, deletable: true } } },
          point: { feature: { draggable: true } },
        },
      }),
    ],
  });
  draw.start();
  setDrawingActive(true);
  const bar = h('div', { class: 'drawbar', role: 'toolbar', 'aria-label': 'Drawing' });
  ctx.map.getContainer().parentElement!.append(bar);
  const returnFocusTo = document.activeElement as HTMLElement | null;
  // Escape leaves drawing (a shape not finished is dropped); inside a dialog it only closes the dialog.
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || (event.target as Element | null)?.closest?.('dialog') || document.querySelector('dialog[open]')) return;
    event.preventDefault();
    stop();
  };
  document.addEventListener('keydown', onKey);
  const stop = () => {
    // Focus goes back to where drawing was started from (the Draw button) unless the person has moved it elsewhere.
    const focusWasOurs = bar.contains(document.activeElement) || document.activeElement === document.body;
    document.removeEventListener('keydown', onKey);
    draw.stop();
    bar.remove();
    setDrawingActive(false);
    session = null;
    if (focusWasOurs && returnFocusTo?.isConnected) returnFocusTo.focus();
  };
  session = { draw, bar, stop };
  return draw;
}

/** Starts drawing into a vector layer of the map (asking which, or making a new one). */
export async function startDrawing(ctx: MapContext): Promise<void> {
  const vectorLayers = ctx.view.layers.filter((l) => l.source_type === 'vector');
  let layerId = vectorLayers.length ? vectorLayers[vectorLayers.length - 1].layer_id : null;
  if (!layerId) {
    const created = await openAddLayer(ctx, 'vector');
    if (!created) return;
    layerId = created.id;
  }
  const draw = begin(ctx);
  const target = h(
    'select',
    { 'aria-label': 'Draw into layer', id: 'draw-target' },
    ...ctx.view.layers.filter((l) => l.source_type === 'vector').map((l) => h('option', { value: l.layer_id, selected: l.layer_id === layerId }, l.name)),
  );
  const modeButton = (mode: Mode, label: string) =>
    h('button', { type: 'button', class: 'secondary', 'data-mode': mode, 'aria-pressed': 'false', onclick: () => setMode(mode) }, label);
  let current: Mode = 'polygon';
  const setMode = (mode: Mode) => {
    current = mode;
    draw.setMode(mode);
    session!.bar.querySelectorAll('[data-mode]').forEach((b) => b.setAttribute('aria-pressed', String(b.getAttribute('data-mode') === mode)));
  };
  const save = async (geometry: GeoJSON.Geometry, properties: Record<string, unknown>) => {
    await createFeature(target.value, { type: 'Feature', geometry, properties });
    await ctx.refresh();
    toast('Feature saved.');
  };
  clear(
    session!.bar,
    target,
    modeButton('point', 'Point'),
    modeButton('linestring', 'Line'),
    modeButton('polygon', 'Polygon'),
    h('button', { type: 'button', class: 'secondary', onclick: () => addByCoordinates(ctx, current, save) }, 'Add by coordinates…'),
    h('button', { type: 'button', title: 'Esc', onclick: () => session?.stop() }, 'Done'),
  );
  setMode('polygon');
  (session!.bar.querySelector('[data-mode=polygon]') as HTMLElement).focus();
  draw.on('finish', (id, context) => {
    if (context.action !== 'draw') return;
    const drawn = draw.getSnapshotFeature(id);
    if (!drawn) return;
    askAttributes({}, async (properties) => {
      await save(drawn.geometry as GeoJSON.Geometry, properties);
      draw.removeFeatures([id]);
    }, () => draw.removeFeatures([id]));
  });
}

/**
 * The keyboard's way to draw: the shape's vertices typed as "longitude, latitude" lines, or collected one by one from
 * the map's centre (the arrow keys pan a focused map). The attribute form follows, as after drawing with a pointer.
 */
function addByCoordinates(ctx: MapContext, mode: Mode, save: (g: GeoJSON.Geometry, p: Record<string, unknown>) => Promise<void>): void {
  const kind = h('select', { name: 'kind' },
    ...(['point', 'linestring', 'polygon'] as const).map((k) => h('option', { value: k, selected: k === mode }, { point: 'Point', linestring: 'Line', polygon: 'Polygon' }[k])));
  const vertices = h('textarea', { name: 'vertices', rows: 5, required: true, placeholder: '2.5, 54.5\n3.5, 54.5\n3.5, 55.5' }) as HTMLTextAreaElement;
  const addCentre = () => {
    const c = ctx.map.getCenter();
    vertices.value = `${vertices.value.replace(/\s*$/, '')}${vertices.value.trim() ? '\n' : ''}${formatVertex(c.lng, c.lat)}\n`;
  };
  let geometry: GeoJSON.Geometry | null = null;
  const dialog = formDialog(
    'Add by coordinates',
    [
      labelled('Shape', kind),
      labelled('Vertices', vertices, 'one “longitude, latitude” per line, in degrees'),
      h('button', { type: 'button', class: 'secondary', onclick: addCentre }, 'Add the map centre'),
    ],
    async (form) => {
      // Checked here, in words, before anything is sent; the attribute form then saves it.
      geometry = shapeGeometry(value(form, 'kind') as Mode, parseVertices(value(form, 'vertices')));
    },
    'Next',
  );
  // The attribute form opens once this dialog has closed (and handed focus back), so it keeps the focus.
  dialog.addEventListener('close', () => { if (geometry) askAttributes({}, (properties) => save(geometry!, properties)); });
}

/** Reshapes an existing feature: its geometry goes into terra-draw's select mode until Save or Cancel. */
export function editFeature(ctx: MapContext, layerId: string, feature: Feature): void {
  const draw = begin(ctx);
  draw.setMode('select');
  const [result] = draw.addFeatures([{ type: 'Feature', geometry: feature.geometry, properties: { mode: modeOf(feature.geometry) } } as GeoJSONStoreFeatures]);
  if (!result?.valid) {
    session?.stop();
    showError(new Error('This geometry type cannot be edited here (only points, lines and polygons).'));
    return;
  }
  draw.selectFeature(result.id!);
  clear(
    session!.bar,
    h('span', {}, 'Drag the shape or its corners.'),
    h('button', { type: 'button', class: 'secondary', onclick: () => askAttributes(feature.properties ?? {}, async (p) => { feature.properties = p; }) }, 'Attributes…'),
    h('button', {
      type: 'button',
      onclick: async () => {
        try {
          const edited = draw.getSnapshotFeature(result.id!)!;
          await updateFeature(layerId, { ...feature, geometry: edited.geometry as GeoJSON.Geometry });
          session?.stop();
          await ctx.refresh();
          toast('Feature saved.');
        } catch (e) {
          showError(e);
        }
      },
    }, 'Save'),
    h('button', { type: 'button', class: 'secondary', onclick: () => session?.stop() }, 'Cancel'),
  );
}

export async function removeFeature(ctx: MapContext, layerId: string, feature: Feature): Promise<void> {
  if (!confirm('Delete this feature?')) return;
  try {
    await deleteFeature(layerId, feature.id!);
    await ctx.refresh();
    toast('Feature deleted.');
  } catch (e) {
    showError(e);
  }
}

function modeOf(geometry: GeoJSON.Geometry): string {
  return geometry.type === 'Point' ? 'point' : geometry.type === 'LineString' ? 'linestring' : 'polygon';
}

/** The attribute form: name/value rows; numbers and true/false keep their type. */
function askAttributes(initial: Record<string, unknown>, save: (properties: Record<string, unknown>) => Promise<void>, cancel?: () => void): void {
  const rows = h('div', { class: 'attributes' });
  const addRow = (key = '', v: unknown = '') =>
    rows.append(
      h('div', { class: 'attribute' },
        h('input', { 'aria-label': 'Attribute name', class: 'attr-key', value: key, placeholder: 'name' }),
        h('input', { 'aria-label': 'Attribute value', class: 'attr-value', value: v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v) }),
      ),
    );
  const entries = Object.entries(initial);
  if (entries.length) entries.forEach(([k, v]) => addRow(k, v));
  else addRow('name');
  let saved = false;
  const dialog = formDialog(
    'Attributes',
    [rows, h('button', { type: 'button', class: 'secondary', onclick: () => addRow() }, 'Add attribute')],
    async () => {
      const properties: Record<string, unknown> = {};
      rows.querySelectorAll('.attribute').forEach((row) => {
        const key = (row.querySelector('.attr-key') as HTMLInputElement).value.trim();
        const raw = (row.querySelector('.attr-value') as HTMLInputElement).value;
        if (key) properties[key] = typed(raw);
      });
      await save(properties);
      saved = true;
    },
  );
  dialog.addEventListener('close', () => { if (!saved) cancel?.(); });
}

export function typed(raw: string): unknown {
  const text = raw.trim();
  if (text === 'true' || text === 'false') return text === 'true';
  if (text !== '' && /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(text)) return Number(text);
  return raw;
}
