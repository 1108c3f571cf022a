import type { QuadraticGdInstance } from '../../src/claims/classical/quadraticGdInstance.js';
import { type MomentumInstance, momentumThresholds, quadraticDivergenceRate } from '../../src/claims/cohen/cohen.js';
import type { MlpEosInstance } from '../../src/claims/cohen/cohenNetworks.js';
import { eosHoverCubicToy } from '../../src/claims/cohen/hoverCubicToy.js';
import { eosHover, progressiveSharpening } from '../../src/claims/cohen/mlpEos.js';
import type { ToyInstance } from '../../src/claims/damian/damian.js';
import { ball } from '../../test-support/momentumInstance.js';
import { quadratic1D } from '../../test-support/quadraticInstance.js';
import { type Boundary, boundary } from './boundary.js';

/** `steps` GD steps on L = ½θ² (λ_max = 1, θ* = 0) from θ₀ = 1, so κ = η. */
const q = (lr: string, steps = 3): QuadraticGdInstance => quadratic1D('1', '1', lr, steps);

/** Momentum with β = 0.5 on ½θ² from θ₀ = 1 at ηλ = f × its threshold (3 for heavy ball, 1.5 for Nesterov), stopped after `steps`. */
const mom = (method: 'heavy-ball' | 'nesterov', factor: '0.99' | '1.01', steps: number): MomentumInstance => {
  const lr = { 'heavy-ball': { '0.99': '2.97', '1.01': '3.03' }, nesterov: { '0.99': '1.485', '1.01': '1.515' } }[method][factor];
  return { ...ball(method, '0.5', lr, factor), steps };
};

/** The generator's cubic toy at η = 0.03, b = 1, ỹ₀ = −50ηα (the edge 50 steps away) from x₀ = δ/2, with c = g²/(2bη²) for the stated g = η√(2α). */
const hover = (c: string, a0: string, x0: string, steps: number): ToyInstance => {
  const toy = { a0, b: '1', c };
  return { model: 'cubic-toy', params: { ...toy }, toy, theta: [x0, '0'], lr: '0.03', steps };
};

/** A generated instance of the 8-16-1 tanh MLP on n = 100 random labels (network and data seeds, κ₀ and η as drawn), run for `steps`, S measured every `every`. */
const mlp = (seed: number, dataSeed: number, kappa0: string, lr: string, steps: number, every: number): MlpEosInstance => ({
  model: 'mlp-f64',
  net: { inputDim: 8, widths: [16], activation: 'tanh' },
  task: 'random-labels',
  n: 100,
  seed,
  dataSeed,
  kappa0,
  steps,
  every,
  lr,
});

/** Why ×10 on the network claims' tolerance cannot turn an instance: it restates the Lanczos residual, a constant of the check. */
const LANCZOS =
  'the declared tolerance restates the residual 1e-3 of the tracked sharpness, which the check takes from its own constant and does not read; the bands are constants of the statement';

export const COHEN_BOUNDARIES: readonly Boundary[] = [
  boundary(quadraticDivergenceRate, {
    notTolerance:
      'the outside instance fails on the sign of the rate (it must be > 0), which the check tests before it compares with ln|1 − κ|, and no tolerance enters it; the rate matches ln|1 − κ| to 1e-23 there',
    outside: {
      description:
        'κ = η·λ_max = 2 − 3e-12, just below the edge (three steps, κ ∈ (2.04, 3) waived): the fitted rate is ln(1 − 3e-12) = −3e-12, so the q_max component does not grow',
      instances: [q('1.999999999997')],
    },
    inside: [q('2.0401'), q('2.99', 200)],
  }),
  boundary(momentumThresholds, {
    notTolerance: 'the check compares with the statement’s 1e6·|θ₀| and 1e-6·|θ₀|, constants of the statement; the declared tolerance is not read',
    outside: {
      description:
        'β = 0.5, stopped one step before the run first crosses its level: at 1.01 of the threshold |θ|/|θ₀| = 9.57e5 (heavy ball, 231 steps) and 9.84e5 (Nesterov, 604), ' +
        'short of 1e6; at 0.99 it is 1.038e-6 (heavy ball, 226 steps) and 1.023e-6 (Nesterov, 546), above 1e-6 (the statement runs 2000 steps: the slowest, plain GD at β = 0, crosses within 698)',
      instances: [mom('heavy-ball', '1.01', 231), mom('nesterov', '1.01', 604), mom('heavy-ball', '0.99', 226), mom('nesterov', '0.99', 546)],
    },
    // One step more: 1.0115e6, 1.0071e6, 9.71e-7 and 9.98e-7.
    inside: [mom('heavy-ball', '1.01', 232), mom('nesterov', '1.01', 605), mom('heavy-ball', '0.99', 227), mom('nesterov', '0.99', 547)],
  }),
  boundary(eosHoverCubicToy, {
    notTolerance: 'the check compares with the statement’s bands 0.97, 1.05 and 1.25 of ηS/2, constants of the statement; the declared tolerance is not read',
    outside: {
      description:
        'g = η√(2α) = 0.0975, past the 0.03 of the hypotheses, where the largest ηS/2 after the crossing first passes 1.25: it is 1.2517, 0.13% past ' +
        '(at g = 0.097 it is 1.2469, median 1.027); and at g = 0.09 from x₀ = δ/2, windows shorter than the four periods: to step 100 (the overshoot) ' +
        'the median is 1.0512, 0.12% past 1.05 (to step 97: 1.0472, to 99: 1.0492), to step 193 (the dip after it) 0.9683, 0.17% under 0.97 (to 194: 0.9703); ' +
        'and the generator’s g = 0.02 from x₀ = δ/20 stopped at step 118, the last before the loss first rises (monotone_loss)',
      instances: [
        hover('5.28125', '58.7447916667', '1.6250000', 358),
        hover('4.5', '59.9166666667', '1.5', 100),
        hover('4.5', '59.9166666667', '1.5', 193),
        hover('0.222222', '66.3333336667', '0.033333317', 118),
      ],
    },
    // The generator's g = 0.03 and 0.01: median ηS/2 = 1.0028 and 1.0003, max 1.020 and 1.0035.
    // Stopped one step later (119): one rise.
    inside: [
      hover('0.5', '65.9166666667', '0.50000000', 938),
      hover('0.0555556', '66.5833332667', '0.16666673', 2614),
      hover('0.222222', '66.3333336667', '0.033333317', 119),
    ],
  }),
  boundary(progressiveSharpening, {
    notTolerance: LANCZOS,
    outside: {
      description:
        'a generated run (κ₀ = 0.6) stopped at step 126, two steps before it crosses: η·S/2 peaks at 0.94863, 1.4e-3 under the 0.95 — more than the 1e-3 relative error ' +
        'of the tracked sharpness, which is a lower bound (the statement runs 1500 steps: this run crosses at step 127)',
      instances: [mlp(978366, 14, '0.6', '0.5014', 126, 10)],
    },
    // Step 127: 0.95141; and the statement's 1500 steps (crossing at step 130, measured every 10).
    inside: [mlp(978366, 14, '0.6', '0.5014', 127, 10), mlp(978366, 14, '0.6', '0.5014', 1500, 10)],
    decision: { runs: 20, holdsFrom: 19, violatedUpTo: 11 },
  }),
  boundary(eosHover, {
    notTolerance: LANCZOS,
    outside: {
      description:
        'a generated run (κ₀ = 0.66, the edge reached at step 60) stopped at step 655 instead of 1500: L_655/L_60 = 0.10031, 0.3% past the 0.1 of the long-term fall ' +
        '(median η·S/2 1.013 and max 1.136 in the window, inside their bands)',
      instances: [mlp(999984, 18, '0.66', '0.5279', 655, 20)],
    },
    // Step 656: 0.09962; and the statement's 1500 steps (0.033).
    inside: [mlp(999984, 18, '0.66', '0.5279', 656, 20), mlp(999984, 18, '0.66', '0.5279', 1500, 20)],
    decision: { runs: 12, holdsFrom: 11, violatedUpTo: 3 },
  }),
];
