// Time steps of a temporal layer (source_config.temporal: start, end, resolution) and snapping a slider position to
// the step a WMS TIME parameter or a COG URL template can actually serve. All in UTC.
import type { Temporal } from '../api/types';

export type Resolution = 'hourly' | 'daily' | 'weekly' | 'monthly' | 'yearly';

const MAX_STEPS = 5000;

export function resolutionOf(temporal: Temporal): Resolution {
  const r = (temporal.resolution ?? 'daily').toLowerCase();
  if (r.startsWith('hour')) return 'hourly';
  if (r.startsWith('week')) return 'weekly';
  if (r.startsWith('month')) return 'monthly';
  if (r.startsWith('year') || r.startsWith('annual')) return 'yearly';
  return 'daily';
}

export function parseTime(text: string): Date {
  const date = new Date(/^\d{4}-\d{2}$/.test(text) ? `${text}-01T00:00:00Z` : /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(date.getTime())) throw new Error(`not a time: ${text}`);
  return date;
}

function next(date: Date, resolution: Resolution): Date {
  const d = new Date(date.getTime());
  switch (resolution) {
    case 'hourly': d.setUTCHours(d.getUTCHours() + 1); break;
    case 'daily': d.setUTCDate(d.getUTCDate() + 1); break;
    case 'weekly': d.setUTCDate(d.getUTCDate() + 7); break;
    case 'monthly': d.setUTCMonth(d.getUTCMonth() + 1); break;
    case 'yearly': d.setUTCFullYear(d.getUTCFullYear() + 1); break;
  }
  return d;
}

/** Every step from start to end inclusive (at most MAX_STEPS: longer ranges are thinned evenly, end kept). */
export function timeSteps(temporal: Temporal): Date[] {
  if (!temporal.start || !temporal.end) return [];
  const start = parseTime(temporal.start);
  const end = parseTime(temporal.end);
  const resolution = resolutionOf(temporal);
  const steps: Date[] = [];
  for (let d = start; d.getTime() <= end.getTime() && steps.length < 200_000; d = next(d, resolution)) steps.push(d);
  if (steps.length <= MAX_STEPS) return steps;
  const stride = Math.ceil(steps.length / MAX_STEPS);
  const thinned = steps.filter((_, i) => i % stride === 0);
  if (thinned[thinned.length - 1] !== steps[steps.length - 1]) thinned.push(steps[steps.length - 1]);
  return thinned;
}

/** The index of the step nearest to `time` (ties go to the earlier step). */
export function snapIndex(steps: Date[], time: Date): number {
  let lo = 0;
  let hi = steps.length - 1;
  if (hi < 0) return -1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (steps[mid].getTime() < time.getTime()) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && time.getTime() - steps[lo - 1].getTime() <= steps[lo].getTime() - time.getTime()) return lo - 1;
  return lo;
}

/** The value sent as ?time=: a date for daily and coarser steps, a full ISO instant for hourly ones. */
export function formatTime(date: Date, resolution: Resolution): string {
  const iso = date.toISOString();
  return resolution === 'hourly' ? `${iso.slice(0, 19)}Z` : iso.slice(0, 10);
}

/** What the slider shows: "2023-03" for monthly, "2023" for yearly, the date or hour otherwise. */
export function labelTime(date: Date, resolution: Resolution): string {
  const iso = date.toISOString();
  if (resolution === 'yearly') return iso.slice(0, 4);
  if (resolution === 'monthly') return iso.slice(0, 7);
  if (resolution === 'hourly') return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  return iso.slice(0, 10);
}
