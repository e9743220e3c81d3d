// Legends of the visible layers that have a legend_config: a gradient bar with its labels, or category swatches.
import { legendOf } from '../logic/legend';
import { clear, h } from '../ui/dom';
import type { MapContext } from './context';

export function legendPanel(ctx: MapContext, host: HTMLElement): void {
  const render = () => {
    const entries = [...ctx.view.layers]
      .sort((a, b) => b.display_order - a.display_order)
      .filter((l) => l.is_visible)
      .map((l) => ({ placement: l, legend: legendOf(ctx.layers.get(l.layer_id)?.legend_config) }))
      .filter((e) => e.legend !== null);
    if (entries.length === 0) {
      clear(host);
      return;
    }
    clear(
      host,
      h('h2', {}, 'Legend'),
      ...entries.map(({ placement, legend }) =>
        h(
          'figure',
          { class: 'legend-entry', 'data-layer-id': placement.layer_id },
          h('figcaption', {}, placement.name, legend!.unit ? h('small', {}, ` (${legend!.unit})`) : null),
          legend!.kind === 'gradient'
            ? h(
                'div',
                {},
                h('div', { class: 'gradient', style: `background: ${legend!.css}`, role: 'img', 'aria-label': `from ${legend!.stops[0].label} to ${legend!.stops[legend!.stops.length - 1].label}` }),
                h('div', { class: 'gradient-labels' }, ...legend!.stops.map((s) => h('span', { style: `left: ${(s.offset * 100).toFixed(1)}%` }, s.label))),
              )
            : h('ul', { class: 'categories' }, ...legend!.items.map((i) => h('li', {}, h('span', { class: 'swatch', style: `background: ${i.color}` }), i.label))),
        ),
      ),
    );
  };
  ctx.onChange(render);
  render();
}
