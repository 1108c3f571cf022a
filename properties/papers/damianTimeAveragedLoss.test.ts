import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { perturbedExpr, runBeside, type TrackInstance, trackInstance } from '../../src/claims/damian/damianTracking.js';
import { timeAveragedLoss as claim } from '../../src/claims/damian/timeAveragedLoss.js';
import { createContext } from '../../src/harness/checkContext.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * damian.time-averaged-loss through its own check at f64 (checkAt: one rung, no ladder): on the draws
 * of its generator, which must meet its stated hypotheses (ω = η√(2α) ≤ 0.07, ε ≤ 0.01, a window of a
 * period at least) on the cubic toy and each perturbation of it, and hold; on its negative control's
 * two naive readings, each violated with its own code; and its hypothesis guards, each stopping an
 * instance just outside it.
 */
const f64 = parsePrecision('f64');
const DRAWS = 10;

const omega = (i: TrackInstance): number => Number(i.lr) * Math.sqrt(2 * Number(i.toy.b) * Number(i.toy.c));
const kind = (i: TrackInstance): string => {
  const p = i.perturbation as { C: string; q: string } | undefined;
  return p === undefined ? 'none' : p.C !== '0' ? 'C' : p.q.startsWith('-') ? 'q-' : 'q+';
};

describe('damian.time-averaged-loss on its draws (seed 1, f64)', () => {
  it(`holds on each of ${DRAWS} draws, which meet its hypotheses on the toy and its perturbations`, () => {
    const draws = fc.sample(claim.arbitrary, { seed: 1, numRuns: DRAWS });
    for (const i of draws) {
      const o = checkAt(claim, i, f64, { mode: 'claim' }).outcome;
      const what = `${JSON.stringify(i)}: ${o.evidence.message}`;
      expect(o.verdict, what).toBe('holds');
      expect(o.evidence.code, what).toBe('average_holds');
      expect(o.evidence.margin, what).toBeGreaterThanOrEqual(0);
      expect(omega(i), what).toBeLessThanOrEqual(0.0701);
      const d = o.evidence.details ?? {};
      // The window spans a period 2π/ω; `relative` is the residual ⟨L − L†⟩/(⟨x²⟩/η) − 1 that `observed` measures.
      expect(Number(d.window), what).toBeGreaterThanOrEqual((2 * Math.PI) / omega(i) - 1);
      expect(Number(d.eps), what).toBeLessThanOrEqual(0.0101);
      expect(Math.abs(Number(d.relative)) * Number(d.meanX2OverEta), what).toBeCloseTo(o.evidence.observed, 12);
    }
    expect(new Set(draws.map(kind))).toEqual(new Set(['none', 'C', 'q+', 'q-']));
  });

  it('its negative control fails each naive reading with its own code: pointwise where |x| ≪ δ, and the average without x²/η', () => {
    const draws = fc.sample(claim.negativeControl.arbitrary, { seed: 1, numRuns: DRAWS });
    const codes = new Set<string>();
    for (const i of draws) {
      const o = checkAt(claim, i, f64, { mode: 'control' }).outcome;
      const what = `${JSON.stringify(i)}: ${o.evidence.message}`;
      expect(o.verdict, what).toBe('violated');
      expect(o.evidence.code, what).toBe(i.variant === 'pointwise' ? 'pointwise_fails' : 'excess_loss_ignored');
      expect(o.evidence.margin, what).toBeLessThan(0);
      // The pointwise reading fails where x passes near 0, as the control's orbits (x₀/δ ∈ [0.02, 0.17]) start.
      if (i.variant === 'pointwise') expect(Number(o.evidence.details?.xOverDelta), what).toBeLessThan(0.5);
      codes.add(o.evidence.code);
    }
    expect(codes.size).toBe(2);
  });
});

describe('damian.time-averaged-loss hypothesis guards', () => {
  /** The first draw of the claim's generator with some options changed. */
  const drawn = (o: Partial<Parameters<typeof trackInstance>[0]>, variant?: string): TrackInstance => {
    const base = { omegaMilli: [40, 40], xMilli: [500, 500], xBase: 50, yMilli: [20, 20], periodsCenti: [120, 120] } as const;
    const i = fc.sample(trackInstance({ ...base, ...o }), { seed: 1, numRuns: 1 })[0];
    return variant === undefined ? i : { ...i, variant };
  };
  const stopsAt = (i: TrackInstance) => {
    const o = checkAt(claim, i, f64, { mode: 'claim' }).outcome;
    return o.verdict === 'inconclusive' ? o.evidence.code : `${o.verdict}: ${o.evidence.message}`;
  };

  it('holds just inside them', () => {
    expect(checkAt(claim, drawn({}), f64, { mode: 'claim' }).outcome.verdict).toBe('holds');
    expect(checkAt(claim, drawn({ omegaMilli: [70, 70], perturb: ['C'], epsTenK: [100, 100] }), f64, { mode: 'claim' }).outcome.verdict).toBe('holds');
  });

  it('stops at ω = 0.08, ε = 0.02, a window of 0.9 periods, and a naive reading asked of the claim', () => {
    expect(stopsAt(drawn({ omegaMilli: [80, 80] }))).toBe('omega_small');
    expect(stopsAt(drawn({ perturb: ['C'], epsTenK: [200, 200] }))).toBe('perturbation_small');
    expect(stopsAt(drawn({ periodsCenti: [90, 90] }))).toBe('window_short');
    expect(stopsAt(drawn({}, 'pointwise'))).toBe('naive_variant');
  });
});

/** The first draw of the generator with `o` over a fixed base (ω = 0.04, x₀/δ = 0.55, ηỹ₀ = 0.02, 1.2 periods). */
const drawnAt = (o: Partial<Parameters<typeof trackInstance>[0]>, variant?: string): TrackInstance => {
  const base = { omegaMilli: [40, 40], xMilli: [500, 500], xBase: 50, yMilli: [20, 20], periodsCenti: [120, 120] } as const;
  const i = fc.sample(trackInstance({ ...base, ...o }), { seed: 1, numRuns: 1 })[0];
  return variant === undefined ? i : { ...i, variant };
};

/**
 * The toy with b = 1, c = ½ (α = ½, δ = 1), so that ω = η√(2α) is η itself and ε is |C| + |q|, both to the bit:
 * an instance can sit exactly on a guard's edge. x₀ = 0.55, z₀ = 0, ηỹ₀ = 0.02.
 */
const unitToy = (lr: string, steps: number, pert?: { C: string; q: string }): TrackInstance => {
  const toy = { a0: String(2.02 / Number(lr)), b: '1', c: '0.5' };
  const base = { toy, theta: ['0.55', '0'], lr, steps };
  return pert === undefined
    ? { model: 'cubic-toy', params: { ...toy }, ...base }
    : { model: 'expr', params: {}, expr: perturbedExpr(toy.a0, toy.b, toy.c, pert.C, pert.q), vars: ['x', 'z'], perturbation: pert, ...base };
};

/** The claim read with another relative tolerance τ (the check reads τ from ctx.tol.rel). */
const withTau = (rel: number) => ({ ...claim, tolerance: { rel } });
const run = (i: TrackInstance, mode: 'claim' | 'control', rel = 0.03) => checkAt(withTau(rel), i, f64, { mode }).outcome;

describe('damian.time-averaged-loss at the edges of its hypotheses', () => {
  it('admits ω and ε exactly at their guard values 0.0701 and 0.0101 and holds there; stops one step past each', () => {
    const at = run(unitToy('0.0701', 110, { C: '0.0101', q: '0' }), 'claim');
    expect(at.verdict, at.evidence.message).toBe('holds');
    expect(at.evidence.details?.eps).toBe(0.0101);
    expect(run(unitToy('0.0702', 110), 'claim').evidence.code).toBe('omega_small');
    expect(run(unitToy('0.0701', 110, { C: '0.0102', q: '0' }), 'claim').evidence.code).toBe('perturbation_small');
  });

  it('starts off the line x = 0: |x₀| = δ/1000 is checked and holds; x₀ = 0 (violated on average: ⟨x²⟩ = 0) and 0.000999δ are outside', () => {
    const from = (x0: string) => ({ ...unitToy('0.0523', 200), theta: [x0, '0'] });
    // δ = 1 here (b = 1, c = 0.5).
    const edge = run(from('0.001'), 'claim');
    expect(edge.verdict, edge.evidence.message).toBe('holds');
    expect(run(from('0.000999'), 'claim')).toMatchObject({ verdict: 'inconclusive', reason: 'hypotheses', evidence: { code: 'x0_small' } });
    expect(run(from('0'), 'claim')).toMatchObject({ verdict: 'inconclusive', reason: 'hypotheses', evidence: { code: 'x0_small' } });
    // Why: at x₀ = 0 GD never leaves x = 0, so ⟨L(θ) − L(θ†)⟩ > 0 against ⟨x²⟩/η = 0.
    expect(run(from('0'), 'control')).toMatchObject({ verdict: 'violated', evidence: { code: 'average_mismatch' } });
  });

  it('a window of exactly one period 2π/ω is enough; one step less is not', () => {
    // η = 2π/120 rounded to a double, for which 2π/η is 120 exactly.
    const lr = '0.05235987755982988';
    expect((2 * Math.PI) / Number(lr)).toBe(120);
    const t0 = Number(run(unitToy(lr, 200), 'claim').evidence.details?.t0);
    const full = run(unitToy(lr, t0 + 120), 'claim');
    expect(full.verdict, full.evidence.message).toBe('holds');
    expect(full.evidence.details?.window).toBe(120);
    expect(run(unitToy(lr, t0 + 119), 'claim').evidence.code).toBe('window_short');
  });

  it('averages from t₀, the first step θ† is on the edge, to the horizon (excluded); θ† never on the edge stops the claim, and leaves a control nothing to contradict', () => {
    for (const [i, mode] of [
      [drawnAt({}), 'claim'],
      [drawnAt({ xMilli: [0, 0], xBase: 1010, yMilli: [0, 0] }, 'pointwise'), 'control'],
    ] as const) {
      const d = run(i, mode).evidence.details ?? {};
      expect(Number(d.t0)).toBeGreaterThanOrEqual(1);
      expect(Number(d.t0) + Number(d.window), JSON.stringify(d)).toBe(i.steps);
    }
    // ηỹ₀ = −0.5: θ† starts 0.5/η below the edge and sharpens by ω²/(2η) a step, which takes 1/ω² = 625 steps, past the horizon.
    const below = drawnAt({ yMilli: [-500, -500] });
    expect(run(below, 'claim').evidence.code).toBe('never_on_edge');
    const empty = run({ ...below, variant: 'no-x2' }, 'control');
    expect([empty.verdict, empty.evidence.code, empty.evidence.observed]).toEqual(['holds', 'empty_window', 0]);
  });
});

describe('damian.time-averaged-loss: its tolerance and rounding slack', () => {
  it('the pointwise reading holds near the fixed point x = ±δ, ỹ = 0, reporting its worst ratio; τ just below that ratio fails it at |x| ≈ δ', () => {
    const near = drawnAt({ xMilli: [0, 0], xBase: 1010, yMilli: [0, 0] }, 'pointwise');
    const o = run(near, 'control');
    const worst = o.evidence.observed;
    expect([o.verdict, o.evidence.code, o.evidence.bound]).toEqual(['holds', 'pointwise_holds', 0.03]);
    expect(worst).toBeGreaterThan(0);
    expect(worst).toBeLessThan(1e-4);
    expect(o.evidence.margin).toBe(0.03 - worst);
    // Rounding (64 ulps of |L| + |L†| over x²/η ≈ 9, about 1e-14) is far inside the 1e-6 relative steps here.
    const above = run(near, 'control', worst * (1 + 1e-6));
    expect([above.verdict, above.evidence.observed]).toEqual(['holds', worst]);
    const below = run(near, 'control', worst * (1 - 1e-6));
    expect([below.verdict, below.evidence.code]).toEqual(['violated', 'pointwise_fails']);
    expect(below.evidence.margin).toBeLessThan(0);
    expect(Number(below.evidence.details?.xOverDelta)).toBeCloseTo(1, 1);
  });

  it('at x₀ = δ, ỹ₀ = 0 (the fixed point to 8 digits) L(θ) − L(θ†) − x²/η is rounding: the pointwise reading holds even at τ = 0, within its 64-ulp slack', () => {
    const o = run(drawnAt({ xMilli: [0, 0], xBase: 1000, yMilli: [0, 0] }, 'pointwise'), 'control', 0);
    expect([o.verdict, o.evidence.code], o.evidence.message).toEqual(['holds', 'pointwise_holds']);
    expect(o.evidence.observed).toBeGreaterThan(0);
  });

  it('the average has a slack of 64 ulps of the mean |L(θ)| + |L(θ†)|: a residual past τ⟨x²⟩/η by 99% of it holds, by 101% is violated', () => {
    const i = drawnAt({});
    const o = run(i, 'claim');
    const res = o.evidence.observed;
    const meanX = Number(o.evidence.details?.meanX2OverEta);
    const slack = o.evidence.bound - 0.03 * meanX;
    // The mean |L(θ)| + |L(θ†)| over the window, from the two runs' losses.
    const { ctx } = createContext({ precision: f64, tolerance: claim.tolerance, mode: 'claim', budget: claim.budget });
    let sum = 0;
    let n = 0;
    runBeside(i, ctx, {
      predict: false,
      losses: true,
      edgeTol: 1e-9,
      visit: (s) => {
        if (s.t < i.steps) {
          sum += Math.abs(s.loss as number) + Math.abs(s.daggerLoss as number);
          n++;
        }
        return undefined;
      },
    });
    expect(slack / ((64 * 2 ** -53 * sum) / n)).toBeCloseTo(1, 2);
    const inside = run(i, 'claim', (res - 0.99 * slack) / meanX);
    expect([inside.verdict, inside.evidence.code]).toEqual(['holds', 'average_holds']);
    const outside = run(i, 'claim', (res - 1.01 * slack) / meanX);
    expect([outside.verdict, outside.evidence.code]).toEqual(['violated', 'average_mismatch']);
  });

  it('a residual exactly at its bound τ⟨x²⟩/η + slack holds (the statement is ≤)', () => {
    const i = drawnAt({});
    const o = run(i, 'claim');
    const res = o.evidence.observed;
    const meanX = Number(o.evidence.details?.meanX2OverEta);
    const slack = o.evidence.bound - 0.03 * meanX;
    // Walk τ by the bound's own error until the bound the check computes is the residual to the bit.
    let tau = (res - slack) / meanX;
    let at = run(i, 'claim', tau);
    for (let k = 0; k < 40 && at.evidence.bound !== res; k++) {
      tau += (res - at.evidence.bound) / meanX || (at.evidence.bound < res ? 1 : -1) * Number.EPSILON * tau;
      at = run(i, 'claim', tau);
    }
    expect(at.evidence.bound).toBe(res);
    expect([at.verdict, at.evidence.margin]).toEqual(['holds', 0]);
  });
});
