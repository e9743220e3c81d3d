// The layer library: filter by source type and category, the shared (global) library or my own layers; add one to
// the map with a click.
import { listLayers } from '../api/layers';
import { addLayerToMap } from '../api/maps';
import type { Layer, SourceType } from '../api/types';
import { labelled } from '../ui/dialog';
import { clear, h } from '../ui/dom';
import { showError, toast } from '../ui/toast';
import type { MapContext } from './context';

export const SOURCE_TYPES: SourceType[] = ['vector', 'wms', 'wmts', 'geotiff', 'pmtiles'];

export function openLibrary(ctx: MapContext): void {
  const type = h('select', { name: 'source_type' }, h('option', { value: '' }, 'All types'), ...SOURCE_TYPES.map((t) => h('option', { value: t }, t)));
  const category = h('select', { name: 'category' }, h('option', { value: '' }, 'Any category'));
  const scope = h('select', { name: 'scope' }, h('option', { value: 'all' }, 'All I can see'), h('option', { value: 'global' }, 'Shared library'), h('option', { value: 'mine' }, 'My layers'));
  const results = h('ul', { class: 'library-list', 'aria-live': 'polite' });
  const dialog = h(
    'dialog',
    { 'aria-label': 'Layer library', class: 'wide' },
    h('h2', {}, 'Layer library'),
    h('div', { class: 'filters' }, labelled('Type', type), labelled('Category', category), labelled('Show', scope)),
    results,
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => dialog.close() }, 'Close')),
  );
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();

  let generation = 0;
  const load = async () => {
    const mine = generation + 1;
    generation = mine;
    clear(results, h('li', { class: 'loading' }, 'Loading…'));
    try {
      let layers = await listLayers({
        source_type: type.value as SourceType | '',
        category: category.value || undefined,
        is_global: scope.value === 'global' ? true : undefined,
      });
      if (scope.value === 'mine') layers = layers.filter((l) => l.created_by === ctx.user?.id);
      if (mine !== generation) return;
      const onMap = new Set(ctx.view.layers.map((l) => l.layer_id));
      clear(results, ...(layers.length ? layers.map((l) => item(l, onMap.has(l.id))) : [h('li', { class: 'empty' }, 'No layers match.')]));
    } catch (e) {
      clear(results, h('li', { class: 'form-error' }, (e as Error).message));
    }
  };
  const item = (layer: Layer, onMap: boolean) =>
    h(
      'li',
      { 'data-layer-id': layer.id },
      h('span', { class: 'layer-name' }, layer.name),
      h('span', { class: 'badge' }, layer.source_type),
      layer.category ? h('span', { class: 'badge muted' }, layer.category) : null,
      layer.is_global ? h('span', { class: 'badge muted' }, 'shared') : null,
      h('button', {
        type: 'button', disabled: onMap, 'aria-label': `Add ${layer.name} to the map`,
        onclick: async (e: Event) => {
          (e.target as HTMLButtonElement).disabled = true;
          try {
            await addLayerToMap(ctx.view.id, layer.id);
            await ctx.refresh();
            toast(`Added “${layer.name}”.`);
            (e.target as HTMLButtonElement).textContent = 'On the map';
          } catch (err) {
            showError(err);
            (e.target as HTMLButtonElement).disabled = false;
          }
        },
      }, onMap ? 'On the map' : 'Add'),
    );
  type.addEventListener('change', load);
  scope.addEventListener('change', load);
  category.addEventListener('change', load);
  // The categories to choose from: those of the layers the caller can see.
  listLayers()
    .then((all) => {
      const names = [...new Set(all.map((l) => l.category).filter((c): c is string => !!c))].sort();
      category.append(...names.map((c) => h('option', { value: c }, c)));
    })
    .catch(() => {});
  void load();
}
