import { describe, expect, it } from 'vitest';
import { legendOf } from './legend';

describe('legendOf', () => {
  it('places gradient stops by value', () => {
    const legend = legendOf({
      type: 'gradient',
      colorStops: [
        { value: -200, color: '#000033', label: '-200m' },
        { value: -50, color: '#0066cc' },
        { value: 0, color: '#66ccff', label: '0m' },
      ],
      unit: 'm',
    });
    expect(legend).toEqual({
      kind: 'gradient',
      css: 'linear-gradient(to right, #000033 0.0%, #0066cc 75.0%, #66ccff 100.0%)',
      stops: [
        { label: '-200m', offset: 0 },
        { label: '-50', offset: 0.75 },
        { label: '0m', offset: 1 },
      ],
      unit: 'm',
    });
  });

  it('uses a log scale when asked', () => {
    const legend = legendOf({ colorStops: [{ value: 0.01, color: 'a' }, { value: 1, color: 'b' }, { value: 10, color: 'c' }], scale: 'logarithmic' });
    expect(legend?.kind === 'gradient' && legend.stops.map((s) => +s.offset.toFixed(3))).toEqual([0, 0.667, 1]);
  });

  it('lists categories', () => {
    expect(legendOf({ type: 'categories', categories: [{ value: 'no-take', color: '#f00', label: 'No-take zone' }] })).toEqual({
      kind: 'categories',
      items: [{ color: '#f00', label: 'No-take zone' }],
      unit: undefined,
    });
  });

  it('is null without stops', () => {
    expect(legendOf(null)).toBeNull();
    expect(legendOf({ type: 'gradient', colorStops: [] })).toBeNull();
  });
});
