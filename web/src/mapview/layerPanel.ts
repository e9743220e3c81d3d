// The layers on the map, top of the stack first: drag (or Alt+arrow keys / the move buttons) to reorder, a checkbox
// for visibility, a slider for opacity, a button to remove. Every change goes to the server; the style is then
// fetched again, so what is drawn is always what the map holds.
import { removeMapLayer, reorderLayers, updateMapLayer } from '../api/maps';
import type { LayerOnMap } from '../api/types';
import { clear, h } from '../ui/dom';
import { showError } from '../ui/toast';
import type { MapContext } from './context';

export function layerPanel(ctx: MapContext, panel: HTMLElement): void {
  const render = () => {
    const topFirst = [...ctx.view.layers].sort((a, b) => b.display_order - a.display_order);
    if (topFirst.length === 0) {
      clear(panel, h('p', { class: 'empty' }, 'No layers yet. Add one from the library or draw one.'));
      return;
    }
    const focus = focusedControl(panel);
    clear(panel, h('ol', { class: 'layer-list', 'aria-label': 'Layers, top first' }, ...topFirst.map((l, i) => row(l, i, topFirst))));
    focus?.();
  };

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      await ctx.refresh();
    } catch (e) {
      showError(e);
      render();
    }
  };

  /** Sends a new order; `topFirst` is the panel's order, the API wants bottom to top. */
  const reorder = (topFirst: LayerOnMap[]) => act(() => reorderLayers(ctx.view.id, topFirst.map((l) => l.layer_id).reverse()));

  const move = (list: LayerOnMap[], from: number, to: number) => {
    if (to < 0 || to >= list.length || from === to) return;
    const next = [...list];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    void reorder(next);
  };

  const row = (l: LayerOnMap, index: number, list: LayerOnMap[]) => {
    const editable = !!ctx.user;
    const visible = h('input', { type: 'checkbox', checked: l.is_visible, disabled: !editable, 'aria-label': `Show ${l.name}` });
    visible.addEventListener('change', () => act(() => updateMapLayer(ctx.view.id, l.layer_id, { is_visible: visible.checked })));
    const opacity = h('input', {
      type: 'range', min: 0, max: 1, step: 0.05, value: l.opacity, disabled: !editable,
      'aria-label': `Opacity of ${l.name}`, 'aria-valuetext': `${Math.round(l.opacity * 100)}%`,
    });
    opacity.addEventListener('input', () => previewOpacity(ctx, l.layer_id, Number(opacity.value)));
    opacity.addEventListener('change', () => act(() => updateMapLayer(ctx.view.id, l.layer_id, { opacity: Number(opacity.value) })));
    const item = h(
      'li',
      { class: 'layer-row', draggable: editable ? 'true' : null, 'data-layer-id': l.layer_id, tabindex: 0,
        'aria-label': `${l.name}, ${l.source_type}, position ${index + 1} of ${list.length}` },
      h('span', { class: 'drag', 'aria-hidden': 'true' }, '⋮⋮'),
      visible,
      h('span', { class: 'layer-name', title: l.name }, l.name, h('small', {}, ` ${l.source_type}`)),
      opacity,
      editable ? h('button', { type: 'button', class: 'icon', 'aria-label': `Move ${l.name} up`, disabled: index === 0, onclick: () => move(list, index, index - 1) }, '↑') : null,
      editable ? h('button', { type: 'button', class: 'icon', 'aria-label': `Move ${l.name} down`, disabled: index === list.length - 1, onclick: () => move(list, index, index + 1) }, '↓') : null,
      editable
        ? h('button', { type: 'button', class: 'icon danger', 'aria-label': `Remove ${l.name} from the map`,
            onclick: () => confirm(`Remove “${l.name}” from this map? It stays in the library.`) && act(() => removeMapLayer(ctx.view.id, l.layer_id)) }, '✕')
        : null,
    );
    item.addEventListener('keydown', (e) => {
      if (e.target !== item || !e.altKey) return;
      if (e.key === 'ArrowUp') { e.preventDefault(); move(list, index, index - 1); }
      if (e.key === 'ArrowDown') { e.preventDefault(); move(list, index, index + 1); }
    });
    item.addEventListener('dragstart', (e) => {
      e.dataTransfer?.setData('text/plain', String(index));
      item.classList.add('dragging');
    });
    item.addEventListener('dragend', () => item.classList.remove('dragging'));
    item.addEventListener('dragover', (e) => { e.preventDefault(); item.classList.add('drop-target'); });
    item.addEventListener('dragleave', () => item.classList.remove('drop-target'));
    item.addEventListener('drop', (e) => {
      e.preventDefault();
      item.classList.remove('drop-target');
      const from = Number(e.dataTransfer?.getData('text/plain'));
      if (Number.isInteger(from)) move(list, from, index);
    });
    return item;
  };

  ctx.onChange(render);
  render();
}

/**
 * The panel is drawn again after every refresh, which a colleague's edit (live events) can start at any moment: a
 * keyboard user's focus must not fall to the page. Returns what gives the focus back to the same row or control of
 * the same layer in the new rows (a moved layer keeps it, so Alt+↓ can be pressed again), or null.
 */
function focusedControl(panel: HTMLElement): (() => void) | null {
  const focused = document.activeElement as HTMLElement | null;
  const row = focused && panel.contains(focused) ? focused.closest<HTMLElement>('.layer-row') : null;
  if (!focused || !row) return null;
  const label = focused === row ? null : focused.getAttribute('aria-label');
  return () => {
    const again = panel.querySelector<HTMLElement>(`.layer-row[data-layer-id="${CSS.escape(row.dataset.layerId ?? '')}"]`);
    const control = label ? again?.querySelector<HTMLButtonElement>(`[aria-label="${CSS.escape(label)}"]`) : null;
    (control && !control.disabled ? control : again)?.focus(); // a move button at the end of the list is disabled
  };
}

/** While the slider moves, change the drawn opacity at once; the server's value follows on release. */
function previewOpacity(ctx: MapContext, layerId: string, opacity: number): void {
  const source = `layer-${layerId}`;
  for (const layer of ctx.map.getStyle().layers) {
    if (!('source' in layer) || layer.source !== source) continue;
    const property = ({ raster: 'raster-opacity', fill: 'fill-opacity', line: 'line-opacity', circle: 'circle-opacity' } as Record<string, string>)[layer.type];
    if (!property) continue;
    const base = layer.type === 'fill' ? 0.3 : 1;
    (ctx.map.setPaintProperty as (layer: string, name: string, value: number) => void)(layer.id, property, base * opacity);
  }
}
