import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODEL_INSTANCES } from '../arbitraries/modelInstance.js';
import { UsageError } from '../errors.js';
import { getModelDef } from '../models/registry.js';
import { decimalField } from '../numerics/decimalField.js';
import { eigSym } from '../numerics/eigSym.js';
import { f64 } from '../numerics/f64Field.js';
import type { Field } from '../numerics/field.js';
import {
  balancednessObserver,
  catapultObserver,
  defaultObservers,
  edgeCrossingObserver,
  edgeMarginObserver,
  lossObserver,
  referenceDistanceObserver,
  rotationObserver,
  selfStabilizationObserver,
} from './index.js';
import { replayFrom } from '../dynamics/replayFrom.js';
import { runTrajectory, type RunResult } from '../dynamics/runTrajectory.js';
import { traceJson } from '../dynamics/traceJson.js';

/** Fields that may be null (undefined quantities): everything else must be a finite value. */
const NULLABLE = new Set(['rotationAngle', 'eigengap', 'delta', 'balancedness']);

/** Every θ and every observed value of every row is finite (no NaN row passed off as data). */
function allRowsFinite<T>(r: RunResult<T>): boolean {
  const finite = (v: unknown): boolean =>
    Array.isArray(v)
      ? v.every(finite)
      : typeof v === 'boolean' || typeof v === 'string'
        ? true
        : typeof v === 'number'
          ? Number.isFinite(v)
          : v !== null && r.F.isFinite(v as T);
  return r.rows.every(
    (row) => row.theta.every((x) => r.F.isFinite(x)) && Object.entries(row.fields).every(([k, v]) => (v === null ? NULLABLE.has(k) : finite(v))),
  );
}

const spdQuadratic = fc
  .integer({ min: 1, max: 4 })
  .chain((p) =>
    fc.tuple(
      fc.array(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: p, maxLength: p }), { minLength: p, maxLength: p }),
      fc.array(
        fc.integer({ min: -20, max: 20 }).filter((k) => k !== 0),
        { minLength: p, maxLength: p },
      ),
    ),
  )
  .map(([B, t]) => {
    const p = t.length;
    // A = BᵀB/100 + I/10 (exact decimals), θ₀ = t/10.
    const A = Array.from({ length: p }, (_, i) =>
      Array.from({ length: p }, (_, j) => String((B.reduce((s, row) => s + row[i] * row[j], 0) + (i === j ? 10 : 0)) / 100)),
    );
    return { A, theta: t.map((k) => String(k / 10)) };
  });

describe('runTrajectory', () => {
  it('GD on a quadratic at η = 1.5·2/λ_max ends on a diverged event with finite rows only (f64 and dec:30)', () => {
    fc.assert(
      fc.property(spdQuadratic, ({ A, theta }) => {
        const model = getModelDef('quadratic').create({ dim: theta.length, data: { A } });
        const lmax = eigSym(
          f64,
          A.map((r) => r.map(Number)),
        ).values[0];
        const lr = String(Number(((1.5 * 2) / lmax).toPrecision(6)));
        const check = <T>(F: Field<T>) => {
          const r = runTrajectory(model, F, theta, {
            optimizer: { id: 'gd', lr },
            steps: 500,
            every: 1,
            observers: [...defaultObservers(), edgeMarginObserver(), rotationObserver()],
          });
          expect(r.diverged).toBe(true);
          const last = r.events[r.events.length - 1];
          expect(last).toMatchObject({ kind: 'diverged', where: 'theta' });
          expect(r.rows.every((row) => row.t < last.t)).toBe(true);
          expect(r.rows.length).toBe(last.t);
          expect(r.lastT).toBe(last.t - 1);
          expect(allRowsFinite(r)).toBe(true);
          expect(traceJson(r).diverged).toBe(true);
        };
        check(f64);
        check(decimalField(30));
      }),
      { numRuns: 25, seed: 29 },
    );
  });

  it('NaN anywhere is divergence, not a crash or a NaN row (loss log(x) stepping to x < 0)', () => {
    const model = getModelDef('expr').create({ expr: 'log(x) + x^2', vars: ['x'], dim: 1 });
    // ∇L(0.5) = 2 + 1 = 3: with η = 1, x₁ = −2.5 and log(x₁) is NaN (in f64) or not finite (decimal).
    for (const F of [f64, decimalField(30)] as Field<unknown>[]) {
      const r = runTrajectory(model, F, ['0.5'], { optimizer: { id: 'gd', lr: 1 }, steps: 5, observers: defaultObservers() });
      expect(r.diverged).toBe(true);
      expect(r.rows.map((row) => row.t)).toEqual([0]);
      expect(r.events).toEqual([expect.objectContaining({ t: 1, kind: 'diverged', where: 'observer' })]);
      expect(allRowsFinite(r)).toBe(true);
    }
  });

  it('catapult on uv with ηλ₀ ∈ (2, 4) (docs/claims/lewkowycz.md); none at ηλ₀ = 1.5; divergence at 4.5', () => {
    let seed = 1;
    const rnd = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647 - 0.5;
    };
    const m = 8;
    for (const y of ['0', '0.3']) {
      const raw = Array.from({ length: 2 * m }, rnd);
      const scale = Math.sqrt(raw.reduce((s, x) => s + x * x, 0) / m);
      const theta = raw.map((x) => (x / scale).toFixed(4));
      const model = getModelDef('uv').create({ dim: 2 * m, params: { target: y } });
      // λ₀ = (‖u‖² + ‖v‖²)/m, the NTK (LBDSG's λ).
      const lambda0 = theta.reduce((s, x) => s + Number(x) ** 2, 0) / m;
      const run = (k: number) =>
        runTrajectory(model, f64, theta, {
          optimizer: { id: 'gd', lr: k / lambda0 },
          steps: 400,
          every: 1,
          observers: [...defaultObservers(), catapultObserver(), edgeCrossingObserver()],
        });
      for (const k of [2.5, 3, 3.5]) {
        const r = run(k);
        expect(r.diverged).toBe(false);
        const cat = r.events.find((e) => e.kind === 'catapult');
        expect(cat).toBeDefined();
        const losses = r.rows.map((row) => row.fields.loss as number);
        expect(Math.max(...losses)).toBeGreaterThan(2 * losses[0]);
        expect(cat!.peakLoss as number).toBeGreaterThanOrEqual(2 * (cat!.lossBefore as number));
        expect(cat!.sharpness as number).toBeLessThan(cat!.sharpnessBefore as number);
        // Converged below the edge.
        const last = r.rows[r.rows.length - 1];
        expect((k / lambda0) * (last.fields.sharpness as number)).toBeLessThan(2);
        expect(r.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['edge-crossed', 'edge-returned']));
      }
      const lazy = run(1.5);
      expect(lazy.events.filter((e) => e.kind === 'catapult')).toEqual([]);
      expect(run(4.5).diverged).toBe(true);
    }
  });

  it('edge events on a run that crosses 2/η: progressive sharpening then self-stabilization on the cubic toy', () => {
    // S = a₀ + bz grows by ηc·b per step while x ≈ 0, reaches 2/η = 20 near step 50, then x blows
    // up and pulls S back below (DNL's four stages; α = bc = 0.1, β = b² = 1, η√(2α) ≈ 0.045).
    const model = getModelDef('cubic-toy').create({ dim: 2, params: { a0: '19.5', b: '1', c: '0.1' } });
    const config = { optimizer: { id: 'gd' as const, lr: '0.1' }, steps: 600, observers: [...defaultObservers(), edgeCrossingObserver()] };
    const r = runTrajectory(model, f64, ['0.01', '0'], config);
    expect(r.diverged).toBe(false);
    const crossed = r.events.find((e) => e.kind === 'edge-crossed')!;
    const returned = r.events.find((e) => e.kind === 'edge-returned')!;
    expect(crossed).toBeDefined();
    expect(returned).toBeDefined();
    expect(returned.t).toBeGreaterThan(crossed.t);
    const S = (t: number) => r.rows[t].fields.sharpness as number;
    expect(S(crossed.t)).toBeGreaterThanOrEqual(20);
    for (let t = 0; t < crossed.t; t++) expect(S(t)).toBeLessThan(20);
    expect(S(returned.t)).toBeLessThan(20);
    for (let t = crossed.t; t < returned.t; t++) expect(S(t)).toBeGreaterThanOrEqual(20);
    // Only the first pair by default; every transition with { all: true }.
    expect(r.events.filter((e) => e.kind.startsWith('edge-')).length).toBe(2);
    const all = runTrajectory(model, f64, ['0.01', '0'], { ...config, observers: [edgeCrossingObserver({ all: true })] });
    expect(all.events.filter((e) => e.kind === 'edge-crossed').length).toBeGreaterThan(1);
    expect(all.events.filter((e) => e.kind === 'edge-returned').length).toBeGreaterThan(1);
  });

  it('uv GD: Δ = ‖u‖² − ‖v‖² is not conserved, but Δ⁺ = Δ(1 − η²r²/m) holds to 1e-12 in f64 (docs/claims/wang-xu-zhao-tao.md)', () => {
    let worst = 0;
    let moved = 0;
    fc.assert(
      fc.property(MODEL_INSTANCES.uv, fc.double({ min: 0.3, max: 1.9, noNaN: true }), (inst, kappa) => {
        const model = getModelDef('uv').create(inst.input);
        const m = inst.theta.length / 2;
        const S0 = eigSym(f64, model.bind(f64).hessian(inst.theta.map(Number))).values[0];
        fc.pre(S0 > 0.05);
        const lr = (kappa * 2) / S0;
        const r = runTrajectory(model, f64, inst.theta, { optimizer: { id: 'gd', lr }, steps: 100, observers: [lossObserver(), balancednessObserver()] });
        for (let k = 1; k < r.rows.length; k++) {
          const d0 = r.rows[k - 1].fields.balancedness as number;
          const d1 = r.rows[k].fields.balancedness as number;
          const r2 = 2 * (r.rows[k - 1].fields.loss as number);
          const scale = r.rows[k].theta.reduce((s, x) => s + x * x, 0);
          const err = Math.abs(d1 - d0 * (1 - (lr * lr * r2) / m)) / scale;
          worst = Math.max(worst, err);
          if (Math.abs(d1 - d0) > 1e-6 * scale) moved++;
          expect(err).toBeLessThanOrEqual(1e-12);
        }
      }),
      { numRuns: 80, seed: 31 },
    );
    console.log('uv Δ identity: max error relative to ‖θ‖²', worst, '; steps where Δ changed by > 1e-6‖θ‖²:', moved);
    expect(moved).toBeGreaterThan(0);
  });

  it('serialises to the trace --json contract: numbers in f64, full decimal strings at dec:N', () => {
    const model = getModelDef('deep-scalar').create({ dim: 3, params: { target: '1' } });
    const a = traceJson(
      runTrajectory(model, f64, ['0.5', '1.2', '0.9'], { optimizer: { id: 'gd', lr: '0.1' }, steps: 4, every: 2, observers: defaultObservers() }),
    );
    expect(Object.keys(a).slice(0, 7)).toEqual(['model', 'optimizer', 'lr', 'precision', 'diverged', 'steps', 'events']);
    expect(a).toMatchObject({ model: 'deep-scalar', optimizer: 'gd', lr: 0.1, precision: 'f64', diverged: false, events: [], every: 2 });
    expect(a.steps.map((s) => s.t)).toEqual([0, 2, 4]);
    expect(Object.keys(a.steps[0])).toEqual(['t', 'theta', 'loss', 'sharpness', 'gradNorm']);
    expect(a.steps[0].theta).toEqual([0.5, 1.2, 0.9]);
    expect(typeof a.steps[1].loss).toBe('number');
    const D = decimalField(40);
    const b = traceJson(
      runTrajectory(model, D, ['0.5', '1.2', '0.9'], { optimizer: { id: 'gd', lr: '0.1' }, steps: 4, every: 2, observers: defaultObservers() }),
    );
    expect(b.precision).toBe('dec:40');
    expect(b.lr).toBe('0.1');
    expect(typeof b.steps[1].loss).toBe('string');
    // Every digit: the JSON text is the run's decimal value exactly.
    const run = runTrajectory(model, D, ['0.5', '1.2', '0.9'], { optimizer: { id: 'gd', lr: '0.1' }, steps: 4, every: 2, observers: defaultObservers() });
    expect(b.steps[2].theta).toEqual(run.rows[2].theta.map((x) => x.toString()));
    expect(b.steps[2].loss).toBe(String(run.rows[2].fields.loss));
    expect(
      String(run.rows[2].fields.loss)
        .replace(/^-?0\.0*|e.*$/g, '')
        .replace('.', '').length,
    ).toBeGreaterThan(35);
    // Round trip: the JSON θ is the run's θ exactly.
    expect(JSON.parse(JSON.stringify(a)).steps[2].theta).toEqual(a.steps[2].theta);
  });

  it('replays from a recorded step: same field identical, dec:50 within 1e-9 (pgd reference and its state included)', () => {
    const model = getModelDef('cubic-toy').create({ dim: 2, params: { a0: '19.5', b: '1', c: '0.1' } });
    const config = {
      optimizer: { id: 'gd' as const, lr: '0.1' },
      steps: 100,
      every: 10,
      reference: 'pgd' as const,
      observers: [...defaultObservers(), referenceDistanceObserver(), selfStabilizationObserver()],
    };
    const r = runTrajectory(model, f64, ['0.01', '0'], config);
    expect(r.diverged).toBe(false);
    const j = traceJson(r);
    expect(j.reference).toEqual({ optimizer: 'pgd', lr: 0.1, params: {} });
    expect(j.steps[3]).toHaveProperty('referenceTheta');
    const same = replayFrom(r, 2, f64);
    expect(same.startT).toBe(20);
    expect(same.rows.map((row) => [row.theta, row.referenceState!.theta])).toEqual(r.rows.slice(2).map((row) => [row.theta, row.referenceState!.theta]));
    const hi = replayFrom(r, 2, { kind: 'dec', digits: 50 });
    expect(hi.rows.length).toBe(r.rows.length - 2);
    hi.rows.forEach((row, k) => {
      const want = r.rows[2 + k].theta;
      (row.theta as { toNumber(): number }[]).forEach((x, i) =>
        expect(Math.abs(x.toNumber() - want[i])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want[i]))),
      );
    });
    expect(() => replayFrom(r, 99, f64)).toThrow(RangeError);
  });

  it('runs a flow reference alongside: ‖θ_t − θ_flow(tη)‖ = |(1 − ηλ)ᵗ − e^{−ηλt}|·|θ₀| on a 1-D quadratic', () => {
    const model = getModelDef('quadratic').create({ dim: 1, data: { A: [['3']] } });
    const r = runTrajectory(model, f64, ['2'], {
      optimizer: { id: 'gd', lr: '0.1' },
      reference: 'flow',
      steps: 20,
      observers: [referenceDistanceObserver()],
    });
    for (const row of r.rows) {
      const want = Math.abs(0.7 ** row.t - Math.exp(-0.3 * row.t)) * 2;
      expect(Math.abs((row.fields.referenceDistance as number) - want)).toBeLessThan(1e-10);
    }
  });

  it('rejects bad configurations with UsageErrors', () => {
    const model = getModelDef('quartic').create({ dim: 1 });
    expect(() => runTrajectory(model, f64, ['1'], { optimizer: { id: 'gd', lr: '0.1' }, steps: -1 })).toThrow(UsageError);
    expect(() => runTrajectory(model, f64, ['1'], { optimizer: { id: 'gd', lr: '0.1' }, steps: 3, every: 0 })).toThrow(UsageError);
    expect(() => runTrajectory(model, f64, ['1', '2'], { optimizer: { id: 'gd', lr: '0.1' }, steps: 3 })).toThrow(/coordinates/);
    expect(() => runTrajectory(model, f64, ['1'], { optimizer: { id: 'gd', lr: '0.1' }, steps: 3, observers: [selfStabilizationObserver()] })).toThrow(
      /reference/,
    );
    expect(() => runTrajectory(model, f64, ['1'], { optimizer: { id: 'adam' as 'gd', lr: '0.1' }, steps: 3 })).toThrow(/unknown optimizer/);
    expect(() => runTrajectory(model, f64, ['1'], { optimizer: { id: 'gd', lr: '-1' }, steps: 3 })).toThrow(/positive/);
  });
});
