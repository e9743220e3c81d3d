// legend_config (gradient or categories) to what the legend panel draws.
import type { LegendConfig, LegendStop } from '../api/types';

export type Legend =
  | { kind: 'gradient'; css: string; stops: { label: string; offset: number }[]; unit?: string }
  | { kind: 'categories'; items: { color: string; label: string }[]; unit?: string };

const label = (s: LegendStop) => s.label ?? (s.value === undefined ? '' : String(s.value));

export function legendOf(config: LegendConfig | null | undefined): Legend | null {
  if (!config) return null;
  const categories = config.categories ?? (config.type === 'categories' ? config.colorStops : undefined);
  if (config.type === 'categories' || (categories && !config.colorStops)) {
    const items = (categories ?? []).map((s) => ({ color: s.color, label: label(s) }));
    return items.length ? { kind: 'categories', items, unit: config.unit } : null;
  }
  const stops = config.colorStops ?? [];
  if (stops.length === 0) return null;
  if (stops.length === 1) return { kind: 'categories', items: [{ color: stops[0].color, label: label(stops[0]) }], unit: config.unit };
  // Place the stops by value when all are numbers (a log scale when asked and possible), evenly otherwise.
  const values = stops.map((s) => (typeof s.value === 'number' ? s.value : NaN));
  const log = config.scale === 'logarithmic' && values.every((v) => v > 0);
  const scaled = values.map((v) => (log ? Math.log10(v) : v));
  const numeric = scaled.every(Number.isFinite) && scaled[scaled.length - 1] !== scaled[0];
  const offsets = stops.map((_, i) =>
    numeric ? (scaled[i] - scaled[0]) / (scaled[scaled.length - 1] - scaled[0]) : i / (stops.length - 1),
  );
  const css = `linear-gradient(to right, ${stops.map((s, i) => `${s.color} ${(offsets[i] * 100).toFixed(1)}%`).join(', ')})`;
  return { kind: 'gradient', css, stops: stops.map((s, i) => ({ label: label(s), offset: offsets[i] })), unit: config.unit };
}
