import type { EdgeFamilyInstance, EdgeRung } from '../../src/claims/damian/edgeFamilyTwoLayer.js';
import type { RungRun } from '../../src/claims/damian/edgeRun.js';
import {
  twoLayerLossPredictionOrder,
  twoLayerSharpnessPredictionOrder,
  twoLayerTrackingOrder,
  twoLayerTracksPgdNotFlow,
} from '../../src/claims/damian/twoLayerSelfStabilization.js';
import { rungRunner } from '../../src/claims/damian/edgeClaims.js';
import { orderFit } from '../../src/numerics/orderFit.js';
import { type Boundary, boundary } from './boundary.js';

/**
 * The two-layer self-stabilization claims decide on a ladder of runs (four ε, each thousands of steps
 * of dense eigendecompositions: seconds). Their boundary is in the decision, so the controls here feed
 * each claim's own check a stated ladder: the measured runs of the pinned instance (seed 1), perturbed
 * in the one quantity the claim reads. A rung carries its run as `stated`, which the claims' rung runner returns
 * in place of running it while `statedRungs` is in force (every other rung runs).
 */

/** Makes the two-layer claims answer a rung that states its run with it; returns the function that undoes it. */
export function statedRungs(): () => void {
  const run = rungRunner.run;
  rungRunner.run = (instance, rung, data, ctx) => (rung as { stated?: RungRun }).stated ?? run(instance, rung, data, ctx);
  return () => {
    rungRunner.run = run;
  };
}

/** The measured runs of the pinned instance at ε ≈ 0.039, 0.028, 0.020, 0.014 (f64, seed 1). */
const MEASURED: readonly RungRun[] = [
  [
    0.03931225687320838, 0.18088000433377388, 2.136906841723963, 0.0722684249878232, 4.486638633538997, 0.19625786313413798, 0.9039182446477637,
    1.6110157303937507, 2.1886344575877366, 7.982789974551582, 7.924377129947418, 523,
  ],
  [
    0.027760004799670373, 0.11038104793428012, 2.120966474104668, 0.05277032360923666, 4.420413737090008, 0.13865897673121033, 0.8531145788858443,
    1.5471809114931059, 2.172231189234051, 6.303946455882198, 6.281011371199522, 755,
  ],
  [
    0.019909191788191904, 0.07400033145909532, 2.1064774582119665, 0.036525608886869454, 4.344186038028781, 0.09826295686585723, 0.8080974204580228,
    1.4963495831362408, 2.1576444956873573, 6.193928400345954, 6.181401894186299, 1073,
  ],
  [
    0.013967534797918839, 0.05275892186746191, 2.086164472389407, 0.02292806678139891, 4.20202972170309, 0.06715694378133814, 0.758215347914401,
    1.4444724448877377, 2.137269097932692, 6.272561039869235, 6.264162148240652, 1567,
  ],
].map(([eps, err, errNoCubic, lossErr, lossErrNoEnergy, sharpErr, sharpErrNoY, sharpErrPointwise, maxDagger, maxFlow, endFlow, steps]) => ({
  eps,
  err,
  errNoCubic,
  lossErr,
  lossErrNoEnergy,
  sharpErr,
  sharpErrNoY,
  sharpErrPointwise,
  maxDagger,
  maxFlow,
  endFlow,
  steps,
  crossing: 0,
  // The extremes along θ† enter only the evidence details: their least (α/α₀), largest (ηλ₂/2) and least (η(λ₁ − λ₂)) measured, rounded.
  alphaMin: 0.2,
  lambda2Max: 0.6,
  gapMin: 0.79,
  failed: [],
  evaluations: 0,
}));

type Ladder = readonly RungRun[];
type Field = 'err' | 'lossErr' | 'sharpErr';

/** The ladder as an instance of the claims: one rung per run, the run stated on it. */
function instance(runs: Ladder): EdgeFamilyInstance {
  const rungs = runs.map((r) => ({ target: r.eps.toPrecision(2), y: [], lr: '0', theta: [], stated: r }) as EdgeRung);
  return { model: 'two-layer', params: { width: '3', activation: 'tanh' }, data: { X: [], y: [] }, theta: [], thetaK: [], rungs, cycles: 3 };
}

/** `field` multiplied by k on every rung (the slope unchanged, the error at the smallest ε k times the measured). */
const scaled = (runs: Ladder, field: Field, k: number): Ladder => runs.map((r) => ({ ...r, [field]: r[field] * k }));

/** `field` tilted by (ε/ε_min)^−s: the fitted slope falls by s, the error at the smallest ε is kept. */
const tilted = (runs: Ladder, field: Field, s: number): Ladder => {
  const min = runs[runs.length - 1].eps;
  return runs.map((r) => ({ ...r, [field]: r[field] * (r.eps / min) ** -s }));
};

/** The upper end of the slope's 95% interval for `field`. */
const hiOf = (runs: Ladder, field: Field): number => orderFit(runs.map((r) => ({ eps: r.eps, error: r[field] }))).hi;

/** `field` tilted so that the slope's 95% interval ends at `hi` (a tilt moves the interval and keeps its width). */
const tiltedTo = (runs: Ladder, field: Field, hi: number): Ladder => tilted(runs, field, hiOf(runs, field) - hi);

const LEVEL =
  'the order 1 and the level 0.1 are constants of the statement; the declared tolerance is 0 (the decision is judgeOrder, pinned by properties/orderDecision.test.ts)';

/** An order claim's boundary: the smallest-ε error 5% past / within the level 0.1, and the interval ending 2% below / above order 1. */
const order = (claim: typeof twoLayerTrackingOrder, field: Field, what: string) => {
  const atSmallest = MEASURED[MEASURED.length - 1][field];
  return boundary(claim, {
    notTolerance: LEVEL,
    f64Only: { code: 'error_too_large', why: 'the runs are checked in f64 only' },
    outside: {
      description: `the measured ladder of ${what} scaled so the error at the smallest ε is 0.105, 5% past the level 0.1`,
      instances: [instance(scaled(MEASURED, field, 0.105 / atSmallest))],
    },
    inside: [instance(MEASURED), instance(scaled(MEASURED, field, 0.095 / atSmallest)), instance(tiltedTo(MEASURED, field, 1.02))],
  });
};

/** The same claims with the slope's interval ending at 0.98, just below order 1: order_too_low. */
const orderTooLow = (claim: typeof twoLayerTrackingOrder, field: Field, what: string) =>
  boundary(claim, {
    notTolerance: LEVEL,
    f64Only: { code: 'order_too_low', why: 'the runs are checked in f64 only' },
    outside: {
      description: `the measured ladder of ${what} tilted so the 95% interval of its slope ends at 0.98, just below order 1 (at 1.02 it holds)`,
      instances: [instance(tiltedTo(MEASURED, field, 0.98))],
    },
    inside: [],
  });

/** The measured ladder with one rung's distances changed. */
const withRung = (i: number, r: Partial<RungRun>): Ladder => MEASURED.map((m, j) => (j === i ? { ...m, ...r } : m));

export const TWO_LAYER_BOUNDARIES: readonly Boundary[] = [
  order(twoLayerTrackingOrder, 'err', 'max‖θ − θ† − v⋆‖/δ'),
  order(twoLayerLossPredictionOrder, 'lossErr', '|L(θ) − L(θ†) − x²/η|/(δ²/η)'),
  order(twoLayerSharpnessPredictionOrder, 'sharpErr', 'the two-step sharpness error'),
  boundary(twoLayerTracksPgdNotFlow, {
    notTolerance: 'the 3δ and the ratio 1 are constants of the statement; the declared tolerance is 0',
    f64Only: { code: 'left_reference', why: 'the runs are checked in f64 only' },
    outside: {
      description: 'the measured runs with GD straying 3.03δ from θ† at the smallest ε, 1% past the 3δ',
      instances: [instance(withRung(3, { maxDagger: 3.03 }))],
    },
    // 2.97δ, and gradient flow ending 1.02× the largest distance to θ† at ε ≈ 0.020.
    inside: [instance(MEASURED), instance(withRung(3, { maxDagger: 2.97 })), instance(withRung(2, { endFlow: 1.02 * MEASURED[2].maxDagger }))],
  }),
];

/**
 * Second boundaries of the same claims, judged apart (a claim has one boundary in TWO_LAYER_BOUNDARIES): the order's
 * interval just below 1, and gradient flow ending just inside the largest distance to θ†.
 */
export const TWO_LAYER_SECOND: readonly Boundary[] = [
  orderTooLow(twoLayerTrackingOrder, 'err', 'max‖θ − θ† − v⋆‖/δ'),
  orderTooLow(twoLayerLossPredictionOrder, 'lossErr', '|L(θ) − L(θ†) − x²/η|/(δ²/η)'),
  orderTooLow(twoLayerSharpnessPredictionOrder, 'sharpErr', 'the two-step sharpness error'),
  boundary(twoLayerTracksPgdNotFlow, {
    notTolerance: 'the 3δ and the ratio 1 are constants of the statement; the declared tolerance is 0',
    f64Only: { code: 'flow_as_close', why: 'the runs are checked in f64 only' },
    outside: {
      description: 'the measured runs with gradient flow ending 0.98× the largest distance to θ† at ε ≈ 0.020',
      instances: [instance(withRung(2, { endFlow: 0.98 * MEASURED[2].maxDagger }))],
    },
    inside: [],
  }),
];
