// One slider for the map's temporal layers (WMS TIME, COG URL templates): steps from the first temporal layer's
// range; each temporal layer gets the time snapped to its own steps, sent as ?time= on its tile URLs.
import type { Layer } from '../api/types';
import { formatTime, labelTime, parseTime, resolutionOf, snapIndex, timeSteps } from '../logic/time';
import { clear, h } from '../ui/dom';
import type { MapContext } from './context';

export function timeSlider(ctx: MapContext, bar: HTMLElement, initialTime: string | undefined, onTimeChange: () => void): void {
  let chosen: Date | null = initialTime ? safeParse(initialTime) : null;

  const temporalLayers = (): Layer[] =>
    ctx.view.layers
      .map((l) => ctx.layers.get(l.layer_id))
      .filter((l): l is Layer => !!l && l.source_type !== 'vector' && !!l.source_config?.temporal?.enabled && timeSteps(l.source_config.temporal!).length > 0);

  const apply = () => {
    ctx.times = {};
    if (!chosen) return;
    for (const layer of temporalLayers()) {
      const temporal = layer.source_config.temporal!;
      const steps = timeSteps(temporal);
      ctx.times[layer.id] = formatTime(steps[snapIndex(steps, chosen)], resolutionOf(temporal));
    }
  };

  const render = () => {
    const layers = temporalLayers();
    bar.hidden = layers.length === 0;
    if (layers.length === 0) {
      ctx.times = {};
      return;
    }
    const temporal = layers[0].source_config.temporal!;
    const steps = timeSteps(temporal);
    const resolution = resolutionOf(temporal);
    chosen ??= steps[steps.length - 1];
    let index = snapIndex(steps, chosen);
    const output = h('output', { id: 'time-value', for: 'time-slider' }, labelTime(steps[index], resolution));
    const slider = h('input', {
      id: 'time-slider', type: 'range', min: 0, max: steps.length - 1, step: 1, value: index,
      'aria-label': 'Time', 'aria-valuetext': labelTime(steps[index], resolution),
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    slider.addEventListener('input', () => {
      index = Number(slider.value);
      chosen = steps[index];
      output.textContent = labelTime(chosen, resolution);
      slider.setAttribute('aria-valuetext', output.textContent);
      // Redraw once the hand rests, not for every step it passes.
      clearTimeout(timer);
      timer = setTimeout(() => {
        apply();
        ctx.restyle();
        onTimeChange();
      }, 120);
    });
    const step = (delta: number) => {
      slider.value = String(Math.min(steps.length - 1, Math.max(0, Number(slider.value) + delta)));
      slider.dispatchEvent(new Event('input'));
    };
    clear(
      bar,
      h('button', { type: 'button', class: 'icon', 'aria-label': 'Previous time', onclick: () => step(-1) }, '◀'),
      h('label', { for: 'time-slider', class: 'time-label' }, `Time (${layers.map((l) => l.name).join(', ')})`),
      slider,
      h('button', { type: 'button', class: 'icon', 'aria-label': 'Next time', onclick: () => step(1) }, '▶'),
      output,
    );
    apply();
  };

  ctx.onChange(() => {
    const before = JSON.stringify(ctx.times);
    render();
    if (JSON.stringify(ctx.times) !== before) ctx.restyle();
  });
  render();
  if (Object.keys(ctx.times).length) ctx.restyle();
}

function safeParse(text: string): Date | null {
  try {
    return parseTime(text);
  } catch {
    return null;
  }
}
