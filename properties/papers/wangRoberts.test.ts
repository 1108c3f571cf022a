import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/harness/evaluate.js';
import { depth1NoRotation, lrFor, type GdRunInstance } from '../../src/claims/wangRoberts/wangRoberts.js';
import { swapIsNotRotation, type UvRunInstance } from '../../src/claims/wangRoberts/swapIsNotRotation.js';

const uv = (u: string, v: string) => ({ model: 'uv' as const, params: { target: '1' }, theta: [u, v] as [string, string] });

describe('wr.depth1.no-rotation', () => {
  it('a divergent 1-D-top quadratic run (κ = 3) is exercised and holds; the same check on uv is flagged', () => {
    const quad: GdRunInstance = {
      model: 'quadratic',
      params: {},
      data: {
        A: [
          ['0.68', '0.24'],
          ['0.24', '0.82'],
        ],
        b: ['0', '0'],
      },
      eigen: {
        values: ['1', '0.5'],
        vectors: [
          ['0.6', '0.8'],
          ['-0.8', '0.6'],
        ],
      },
      thetaStar: ['0', '0'],
      theta: ['1', '1'],
      lr: '3',
      steps: 40,
    };
    const v = evaluate(depth1NoRotation, quad, { mode: 'claim' }).verdict;
    expect(v).toMatchObject({ verdict: 'holds', evidence: { code: 'no_rotation', observed: 0 } });
    expect(Number(v.evidence.details?.growth)).toBeGreaterThan(1e10);
    const c = evaluate(depth1NoRotation, { ...uv('2', '0.3'), lr: lrFor('2', '0.3', '2.6'), steps: 20 }, { mode: 'control' }).verdict;
    expect(c).toMatchObject({ verdict: 'violated', evidence: { code: 'eigenvector_rotated' } });
  });
});

describe('wr.swap-is-not-rotation (documented counterexample to "depth > 1 ⇒ rotation")', () => {
  it('balanced uv: fixed frame, the naive angle jumps 90° at the swaps; unbalanced: the frame moves', () => {
    const run: UvRunInstance = { ...uv('0.22', '0.22'), lr: '1.37', steps: 114 };
    const v = evaluate(swapIsNotRotation, run, { mode: 'claim' }).verdict;
    expect(v).toMatchObject({ verdict: 'holds', evidence: { code: 'fixed_frame' } });
    expect(Number(v.evidence.details?.swaps)).toBeGreaterThan(10);
    const c = evaluate(swapIsNotRotation, { ...run, theta: ['0.22', '0.5'] }, { mode: 'control' }).verdict;
    expect(c).toMatchObject({ verdict: 'violated', evidence: { code: 'frame_moved' } });
  });
});
