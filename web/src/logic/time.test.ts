import { describe, expect, it } from 'vitest';
import { formatTime, labelTime, parseTime, snapIndex, timeSteps } from './time';

describe('timeSteps', () => {
  it('steps monthly from start to end inclusive, across year ends', () => {
    const steps = timeSteps({ start: '2020-11-01', end: '2021-02-01', resolution: 'monthly' });
    expect(steps.map((d) => formatTime(d, 'monthly'))).toEqual(['2020-11-01', '2020-12-01', '2021-01-01', '2021-02-01']);
  });

  it('steps daily over a leap day', () => {
    const steps = timeSteps({ start: '2024-02-28', end: '2024-03-01', resolution: 'daily' });
    expect(steps.map((d) => formatTime(d, 'daily'))).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
  });

  it('thins very long ranges but keeps both ends', () => {
    const steps = timeSteps({ start: '2000-01-01T00:00:00Z', end: '2010-01-01T00:00:00Z', resolution: 'hourly' });
    expect(steps.length).toBeLessThanOrEqual(5001);
    expect(formatTime(steps[0], 'hourly')).toBe('2000-01-01T00:00:00Z');
    expect(formatTime(steps[steps.length - 1], 'hourly')).toBe('2010-01-01T00:00:00Z');
  });

  it('has no steps without a range', () => {
    expect(timeSteps({ enabled: true })).toEqual([]);
  });
});

describe('snapIndex', () => {
  const steps = timeSteps({ start: '2023-01-01', end: '2023-04-01', resolution: 'monthly' });

  it('snaps to the nearest step', () => {
    expect(snapIndex(steps, parseTime('2023-02-20'))).toBe(2); // nearer March 1 than February 1
    expect(snapIndex(steps, parseTime('2023-02-10'))).toBe(1);
  });

  it('clamps outside the range', () => {
    expect(snapIndex(steps, parseTime('1999-01-01'))).toBe(0);
    expect(snapIndex(steps, parseTime('2030-01-01'))).toBe(3);
  });

  it('answers -1 for no steps', () => {
    expect(snapIndex([], new Date())).toBe(-1);
  });
});

describe('labels', () => {
  it('show only as much as the resolution resolves', () => {
    const d = parseTime('2023-03-01T06:00:00Z');
    expect(labelTime(d, 'monthly')).toBe('2023-03');
    expect(labelTime(d, 'yearly')).toBe('2023');
    expect(labelTime(d, 'hourly')).toBe('2023-03-01 06:00 UTC');
  });
});
