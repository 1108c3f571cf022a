import { describe, expect, it } from 'vitest';
import { niceTicks, traceSvg } from './traceSvg.js';

const base = { title: 't', t: [0, 1, 2, 3], sharpness: [1, 2, 3, 2], threshold: 2.5, events: [{ t: 2, kind: 'catapult' }] };

describe('traceSvg', () => {
  it('is deterministic and draws the threshold line and the labelled events', () => {
    const a = traceSvg({ ...base, loss: [1, 0.1, 0.01, 0.001] });
    expect(traceSvg({ ...base, loss: [1, 0.1, 0.01, 0.001] })).toBe(a);
    expect(a).toContain('loss (log scale)');
    expect(a).toContain('2/η = 2.5');
    expect(a).toContain('>catapult</text>');
  });

  it('uses a linear loss axis when a loss is not positive, and breaks lines at missing values', () => {
    const s = traceSvg({ ...base, loss: [1, -0.5, NaN, 2], sharpness: [1, null, 3, 2] });
    expect(s).not.toContain('log scale');
    const paths = [...s.matchAll(/<path d="([^"]*)"/g)].map((m) => m[1]);
    expect(paths).toHaveLength(2);
    for (const d of paths) expect(d.match(/M/g)).toHaveLength(2); // one gap each
    expect(s).not.toMatch(/NaN/);
  });

  it('picks round ticks', () => {
    expect(niceTicks(0, 400)).toEqual([0, 100, 200, 300, 400]);
    expect(niceTicks(18.8, 21.1)).toEqual([19, 19.5, 20, 20.5, 21]);
  });
});
