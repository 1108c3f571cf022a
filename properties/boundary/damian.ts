import { constrainedProjection } from '../../src/claims/damian/constrainedTrajectory.js';
import type { ToyInstance } from '../../src/claims/damian/damian.js';
import { perturbedExpr, type TrackInstance } from '../../src/claims/damian/damianTracking.js';
import { odeConservedQuantity } from '../../src/claims/damian/odeConservedQuantity.js';
import { predictedDynamicsExact, predictedDynamicsTracking } from '../../src/claims/damian/predictedDynamics.js';
import { timeAveragedLoss } from '../../src/claims/damian/timeAveragedLoss.js';
import { fourStages } from '../../src/claims/damian/fourStages.js';
import { reducedMapExact } from '../../src/claims/damian/reducedMap.js';
import { timeAverageSharpness, timeAverageXSquared } from '../../src/claims/damian/timeAverages.js';
import { type Boundary, boundary } from './boundary.js';

/** The cubic toy with stated map coefficients; by default η = 0.01, a₀ = 2/η (ỹ₀ = 0), b = 1, c = 0.01 (α = bc = 0.01, β = b² = 1). */
export function toy(alpha: string, x: string, steps: number, o: { lr?: string; a0?: string; c?: string } = {}): ToyInstance {
  const p = { a0: o.a0 ?? '200', b: '1', c: o.c ?? '0.01' };
  return { model: 'cubic-toy', params: p, toy: p, theta: [x, '0'], lr: o.lr ?? '0.01', steps, map: { alpha, beta: '1' } };
}

/** The toy of `toy(…)` whose loss has one coefficient off the stated one (the statement reads `toy`, GD runs on `params`). */
const offBy = (i: ToyInstance, p: Partial<ToyInstance['toy']>): ToyInstance => ({ ...i, params: { ...i.params, ...p } });

/** The toy at ω = η√(2α) = 0.03 (η = 0.02, b = 1, c = 1.125, ηỹ₀ = 0.01) from x₀ = 0.5: θ† reaches the edge at step 1. */
export const track = (steps: number): TrackInstance => {
  const p = { a0: '100.5', b: '1', c: '1.125' };
  return { model: 'cubic-toy', params: p, toy: p, theta: ['0.5', '0'], lr: '0.02', steps };
};

/** The toy at ω = 0.03 (η = 0.02, b = 1, c = 1.125, ηỹ₀ = 0.02, √(2α) = 1.5) from x₀ = 0.3 = 0.2δ, over 400 steps. */
const cycle = (C: string, q: string): TrackInstance => {
  const p = { a0: '101', b: '1', c: '1.125' };
  return perturbed({ model: 'cubic-toy', params: p, toy: p, theta: ['0.3', '0'], lr: '0.02', steps: 400 }, C, q);
};

/** The toy at η = 0.02, b = 1, ỹ₀ = 0 with c = ω²/(2η²) (ω = 0.03, 0.08, 0.1 → c = 1.125, 8, 12.5) from x₀ = δ/2, over `steps`. */
const spiral = (c: '1.125' | '8' | '12.5', steps: number): TrackInstance => {
  const p = { a0: '100', b: '1', c };
  return { model: 'cubic-toy', params: p, toy: p, theta: [{ '1.125': '0.75', '8': '2', '12.5': '2.5' }[c], '0'], lr: '0.02', steps };
};

/** The toy at ω = 0.07 (η = 0.02, b = 1, c = 6.125, δ = 3.5, ỹ₀ = 0) from x₀ = 0.3δ; a period 2π/ω is 90 steps. */
const orbit = (steps: number): TrackInstance => {
  const p = { a0: '100', b: '1', c: '6.125' };
  return { model: 'cubic-toy', params: p, toy: p, theta: ['1.05', '0'], lr: '0.02', steps };
};

/** `track` with the fourth-order terms ½C·z² in the sharpness and q·x⁴/24 (the perturbed toy of damianTracking.ts). */
const perturbed = (i: TrackInstance, C: string, q: string): TrackInstance => ({
  ...i,
  model: 'expr',
  params: {},
  expr: perturbedExpr(i.toy.a0, i.toy.b, i.toy.c, C, q),
  vars: ['x', 'z'],
  perturbation: { C, q },
});

export const DAMIAN_BOUNDARIES: readonly Boundary[] = [
  boundary(reducedMapExact, {
    outside: {
      description:
        'the map with α off bc by ∓1e-8 (relative 1e-6) for one step: ỹ₁ differs by ±1e-10, 2.2× the 1024-ulp bound (4.5e-11 at ỹ ≈ 2/η), of either sign',
      instances: [toy('0.01000001', '0.1', 1), toy('0.00999999', '0.1', 1)],
    },
    inside: [toy('0.01', '0.1', 1), toy('0.01', '0.1', 200)],
  }),
  boundary(fourStages, {
    outside: {
      description:
        'the map with α off bc at x₀ = 0: the period-2 ỹ error 1.7× the 8·4096-ulp bound (Δα = ±6e-10, η = 0.01), and the x error 2.2× it (Δα = ±4e-12, η = 2)',
      instances: [
        toy('0.0100000006', '0', 1),
        toy('0.0099999994', '0', 1),
        toy('1.000000000004', '0', 1, { lr: '2', a0: '1', c: '1' }),
        toy('0.999999999996', '0', 1, { lr: '2', a0: '1', c: '1' }),
      ],
    },
    inside: [toy('0.01', '0', 1), toy('1', '0', 1, { lr: '2', a0: '1', c: '1' })],
  }),
  boundary(timeAverageXSquared, {
    outside: {
      description:
        'GD on a loss whose c is off the stated 0.01 by ±5e-8 (50 steps from x₀ = 0.1, η = 0.01): δ² is off by 2Δc/b, so the identity misses by 1e-7, ' +
        '2.7× its 4096-ulp bound (3.6e-8 of the scale |lhs| + δ² + 2(max|z| + 2/η)/(ηb)), of either sign',
      instances: [offBy(toy('0.01', '0.1', 50), { c: '0.01000005' }), offBy(toy('0.01', '0.1', 50), { c: '0.00999995' })],
    },
    inside: [toy('0.01', '0.1', 1), toy('0.01', '0.1', 50), toy('0.01', '1.2', 300, { a0: '203' })],
  }),
  boundary(timeAverageSharpness, {
    outside: {
      description:
        'GD on a loss whose a₀ is off the stated 200 by ±2e-9 (50 steps from x₀ = 0.1, η = 0.01): every ln|1 + ηỹ_t| is off by ηΔa₀, ' +
        'so the identity misses by 2e-11, 2.7× its 4096-ulp bound (7.3e-12 of 8 + |mean|), of either sign',
      instances: [offBy(toy('0.01', '0.1', 50), { a0: '200.000000002' }), offBy(toy('0.01', '0.1', 50), { a0: '199.999999998' })],
    },
    inside: [toy('0.01', '0.1', 1), toy('0.01', '0.1', 50), toy('0.01', '1.2', 300, { a0: '203' })],
  }),
  boundary(constrainedProjection, {
    outside: {
      description:
        'PGD on a loss off the stated one (3 steps, η = 0.01, x₀ = 0.1): a₀ off by 5e-10 from above the edge (a₀ = 201), so z† sits on a clamp 5e-10 off ' +
        '(2/η − a₀)/b; c off by ±5e-8 from below it (a₀ = 199), so z† moves by ηc ± 5e-10; each 2.7× the 4096-ulp bound (1.8e-10 of |z†| + 2/(ηb)), the latter of either sign',
      instances: [
        offBy(toy('0.01', '0.1', 3, { a0: '201' }), { a0: '201.0000000005' }),
        offBy(toy('0.01', '0.1', 3, { a0: '199' }), { c: '0.01000005' }),
        offBy(toy('0.01', '0.1', 3, { a0: '199' }), { c: '0.00999995' }),
      ],
    },
    inside: [toy('0.01', '0.1', 3, { a0: '201' }), toy('0.01', '0.1', 3, { a0: '199' }), toy('0.01', '1.2', 60, { a0: '199.5' })],
  }),
  boundary(predictedDynamicsExact, {
    outside: {
      description:
        'the toy with a fourth-order term too small to see elsewhere (2 steps, ω = 0.03, x₀ = 0.5): C = 2e-9 or q = ±1e-8 puts GD off θ† + v⋆ by 3.4× and 3.7× ' +
        'the 1024-ulp-a-step bound',
      instances: [perturbed(track(2), '2e-9', '0'), perturbed(track(2), '0', '1e-8'), perturbed(track(2), '0', '-1e-8')],
    },
    inside: [track(2), track(40)],
  }),
  boundary(timeAveragedLoss, {
    f64Only: { code: 'average_mismatch', why: 'PGD branches on a coordinate exactly 0 on the stable set: no enclosure at interval:40' },
    outside: {
      description:
        'the average over a window shorter than the period it needs (ω = 0.07, x₀ = 0.3δ, 90-step period): over 36 and 27 steps ' +
        "⟨L(θ) − L(θ†)⟩ falls short of ⟨x²⟩/η by 3.9% and 7.2%, 1.3× and 2.4× the 0.03 (the check's own f64 outcome: its failures are not certifiable)",
      instances: [orbit(36), orbit(27)],
    },
    inside: [orbit(94), orbit(135)],
  }),
  boundary(predictedDynamicsTracking, {
    f64Only: { code: 'tracking_lost', why: 'the self-stabilization runs are checked in f64 only' },
    outside: {
      description:
        'a positive quartic term just past where the first cycle stops being tracked (ω = 0.03, x₀ = 0.2δ): q = 0.555 (ε = 0.83, past the ε ≤ 0.1 of the ' +
        "hypotheses) leaves θ† + v⋆ by 3.2·ε(1 + E₀/α)·δ, 1.3× K = 2.5 (at q = 0.5467, ε = 0.82, the first cycle is still tracked, to 2.36·ε(1 + E₀/α)·δ; the check's own f64 outcome: " +
        'its failures are not certifiable)',
      instances: [cycle('0', '0.555')],
    },
    inside: [cycle('0', '0.0666667'), cycle('0', '-0.0666667'), cycle('0.0333333', '0')],
  }),
  boundary(odeConservedQuantity, {
    outside: {
      description:
        'three periods at ω = 0.08 and 0.1 (past the ω ≤ 0.03 of the hypotheses; x₀ = δ/2, ỹ₀ = 0): the outward spiral drifts E by 11.4 and 14.6 ' +
        '× ω(1 + t/P)·E₀, 1.14× and 1.46× K = 10 (at ω = 0.03 over three periods it is 6.4)',
      instances: [spiral('8', 236), spiral('12.5', 188)],
    },
    inside: [spiral('1.125', 209), spiral('1.125', 628)],
  }),
];
