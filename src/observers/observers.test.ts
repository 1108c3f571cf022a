import { decimalField } from '../numerics/decimalField.js';
import { describe, expect, it } from 'vitest';
import type { ObserveContext, ObserverEnv } from '../dynamics/observer.js';
import type { PointInfo } from '../dynamics/pointInfo.js';
import { runTrajectory } from '../dynamics/runTrajectory.js';
import { getModelDef } from '../models/registry.js';
import { f64 } from '../numerics/f64Field.js';
import {
  BALANCEDNESS,
  balancednessObserver,
  catapultObserver,
  edgeCrossingObserver,
  edgeMarginObserver,
  lossObserver,
  observersByName,
  referenceDistanceObserver,
  rotationObserver,
  selfStabilizationObserver,
  sharpnessObserver,
} from './index.js';
import { quadraticModel } from '../../test-support/quadraticModel.js';

describe('observers', () => {
  it('rotation: fixed eigenvectors on the balanced uv slice give angle 0, and the eigenvalue crossing is a swap, not a rotation (docs/claims/wang-roberts.md)', () => {
    // u = v is invariant; the eigenvectors are (1, ±1)/√2 with eigenvalues 3u² − y and y − u²,
    // which cross at u² = y/2: GD from u = v = 0.3 (y = 1) goes through it.
    const model = getModelDef('uv').create({ dim: 2, params: { target: '1' } });
    const r = runTrajectory(model, f64, ['0.3', '0.3'], {
      optimizer: { id: 'gd', lr: '0.05' },
      steps: 200,
      observers: [sharpnessObserver(), rotationObserver()],
    });
    const swaps = r.rows.filter((row) => row.fields.swap === true);
    expect(swaps.length).toBe(1);
    expect(swaps[0].fields.rotationAngle as number).toBeCloseTo(Math.PI / 2, 10);
    const u2 = swaps[0].theta[0] ** 2;
    const before = r.rows[swaps[0].t - 1].theta[0] ** 2;
    expect(before < 0.5 && u2 >= 0.5).toBe(true);
    expect(r.rows[0].fields.rotationAngle).toBeNull();
    // Away from the swap the true angle is 0; an arccos of |u_t·u_s| would floor at ~2e-8 rad here.
    for (const row of r.rows.slice(1)) if (row.fields.swap !== true) expect(row.fields.rotationAngle as number).toBeLessThan(1e-15);
    expect(r.rows.every((row) => typeof row.fields.eigengap === 'number')).toBe(true);
  });

  it('rotation at dec:50 on the balanced uv slice: the angle is 0 to the precision (no arccos floor of 2e-25)', () => {
    const model = getModelDef('uv').create({ dim: 2, params: { target: '1' } });
    const D = decimalField(50);
    const r = runTrajectory(model, D, ['0.3', '0.3'], { optimizer: { id: 'gd', lr: '0.05' }, steps: 5, observers: [rotationObserver()] });
    for (const row of r.rows.slice(1)) expect(Math.abs(D.toNumber(row.fields.rotationAngle as never))).toBeLessThan(1e-45);
  });

  it('selfStabilization on the cubic toy against pgd: α = bc, β = b², δ = √(2c/b), x = u·(θ − θ†), y = ∇S⊥·(θ − θ†)', () => {
    const [a0, b, c] = [19.5, 1.5, 0.1];
    const model = getModelDef('cubic-toy').create({ dim: 2, params: { a0: String(a0), b: String(b), c: String(c) } });
    const r = runTrajectory(model, f64, ['0.01', '0'], {
      optimizer: { id: 'gd', lr: '0.1' },
      reference: 'pgd',
      steps: 300,
      every: 3,
      observers: [selfStabilizationObserver(), referenceDistanceObserver()],
    });
    expect(r.diverged).toBe(false);
    for (const row of r.rows) {
      const [x, z] = row.theta;
      const [xd, zd] = row.referenceState!.theta;
      expect(Math.abs(xd)).toBeLessThan(1e-12);
      const f = row.fields;
      expect(f.alpha as number).toBeCloseTo(b * c, 10);
      expect(f.beta as number).toBeCloseTo(b * b, 10);
      expect(f.delta as number).toBeCloseTo(Math.sqrt((2 * c) / b), 10);
      expect(f.x as number).toBeCloseTo(x - xd, 10);
      expect(f.y as number).toBeCloseTo(b * (z - zd), 10);
      expect(f.referenceDistance as number).toBeCloseTo(Math.hypot(x - xd, z - zd), 12);
    }
    // α ≤ 0 (c < 0: moving down the loss lowers S): δ is undefined, reported null, never NaN.
    const neg = getModelDef('cubic-toy').create({ dim: 2, params: { a0: '1', b: '1', c: '-0.1' } });
    const rn = runTrajectory(neg, f64, ['0.01', '0'], {
      optimizer: { id: 'gd', lr: '0.1' },
      reference: 'pgd',
      steps: 3,
      observers: [selfStabilizationObserver()],
    });
    expect(rn.rows.map((row) => row.fields.delta)).toEqual([null, null, null, null]);
    expect(rn.rows[0].fields.alpha as number).toBeCloseTo(-0.1, 10);
  });

  it('balancedness per model family', () => {
    const bal = (id: string, input: object, theta: number[]) => BALANCEDNESS[id](f64, theta, getModelDef(id).create({ dim: theta.length, ...input }));
    expect(bal('uv', {}, [1, 2, 3, 5])).toBe(1 + 4 - 9 - 25);
    expect(bal('deep-scalar', {}, [1, 2, 3])).toEqual([1 - 4, 4 - 9]);
    expect(bal('minimalist', {}, [2, 3])).toBe(4 - 9);
    expect(bal('diagonal-linear', { data: { X: [['1', '0']], y: ['1'] } }, [1, 2, 3, 5])).toEqual([1 - 9, 4 - 25]);
    // U (2×2) = [[1, 2], [3, 4]], V (1×2) = [[5, 6]]: UᵀU − VᵀV.
    const mf = bal('matrix-factorization', { data: { A: [['1'], ['2']], rank: '2' } }, [1, 2, 3, 4, 5, 6]);
    expect(mf).toEqual([
      [1 + 9 - 25, 2 + 12 - 30],
      [2 + 12 - 30, 4 + 16 - 36],
    ]);
    const quad = quadraticModel([['1']]);
    const r = runTrajectory(quad, f64, ['1'], { optimizer: { id: 'gd', lr: '0.1' }, steps: 1, observers: [balancednessObserver()] });
    expect(r.rows[0].fields.balancedness).toBeNull();
  });

  it('momentum is judged against its own edge (2 + 2β)/η: no edge event below it, a negative margin', () => {
    const q = quadraticModel([['5']], ['0']);
    // η·λ = 2.5 > 2 (beyond the GD edge) but < 2 + 2β = 3.8: heavy ball converges.
    const r = runTrajectory(q, f64, ['1'], {
      optimizer: { id: 'momentum', lr: '0.5', beta: '0.9' },
      steps: 200,
      every: 50,
      observers: [edgeMarginObserver(), edgeCrossingObserver()],
    });
    expect(r.events.filter((e) => e.kind === 'edge-crossed')).toEqual([]);
    expect(r.rows[0].fields.edgeMargin).toBeCloseTo((2 * 5) / 7.6 - 2, 12);
    const g = runTrajectory(q, f64, ['1'], { optimizer: { id: 'gd', lr: '0.5' }, steps: 0, observers: [edgeCrossingObserver()] });
    expect(g.events.map((e) => e.kind)).toEqual(['edge-crossed']);
  });

  it('edgeMargin = ηS − 2; observersByName resolves ids and rejects unknown ones', () => {
    const model = quadraticModel([
      ['4', '0'],
      ['0', '1'],
    ]);
    const r = runTrajectory(model, f64, ['1', '1'], { optimizer: { id: 'gd', lr: '0.25' }, steps: 0, observers: [edgeMarginObserver(), lossObserver()] });
    expect(r.rows[0].fields).toEqual({ edgeMargin: 0.25 * 4 - 2, loss: 2.5 });
    expect(observersByName(['loss', 'catapult']).map((o) => o.id)).toEqual(['loss', 'catapult']);
    expect(() => observersByName(['nope'])).toThrow(/unknown observer "nope"/);
  });

  it('catapult follows its documented rule exactly (synthetic loss/sharpness sequences)', () => {
    const env = { F: f64, bound: { lossStar: 0 } } as unknown as ObserverEnv<number>;
    const feed = (seq: [number, number][]) => {
      const o = catapultObserver().create(env);
      return seq.flatMap(
        ([loss, S], t) =>
          o.observe({
            t,
            point: { loss: () => loss, sharpness: () => S } as unknown as PointInfo<number>,
          } as ObserveContext<number>).events ?? [],
      );
    };
    // Spike at t = 2 (2 ≥ 2·0.5), peak 3 at t = 3, S below S_before = 5 (the row before the spike) at t = 4.
    expect(
      feed([
        [1, 5],
        [0.5, 5],
        [2, 6],
        [3, 4],
        [1, 3],
      ]),
    ).toEqual([
      {
        t: 4,
        kind: 'catapult',
        spikeStart: 2,
        peakT: 3,
        peakLoss: 3,
        lossBefore: 0.5,
        sharpnessBefore: 5,
        sharpness: 3,
      },
    ]);
    // The sharpness must drop after the peak, not at it.
    expect(
      feed([
        [1, 5],
        [3, 4],
        [2, 6],
      ]),
    ).toEqual([]);
    // A loss increase of less than 2× is not a spike.
    expect(
      feed([
        [1, 5],
        [1.9, 6],
        [0.5, 1],
      ]),
    ).toEqual([]);
    // A spike that falls back below 2m without a sharpness drop is dropped; a later one can fire.
    expect(
      feed([
        [1, 5],
        [3, 6],
        [1.5, 7],
        [4, 7],
        [2, 1],
      ]).map((e) => [e.t, e.spikeStart]),
    ).toEqual([[4, 3]]);
  });
});
