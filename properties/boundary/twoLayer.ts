import type { EdgeFamilyInstance, EdgeRung } from '../../src/claims/damian/edgeFamilyTwoLayer.js';
import { forgetRungRuns, type RungRun } from '../../src/claims/damian/edgeRun.js';
import {
  twoLayerLossPredictionOrder,
  twoLayerSharpnessPredictionOrder,
  twoLayerTrackingOrder,
  twoLayerTracksPgdNotFlow,
} from '../../src/claims/damian/twoLayerSelfStabilization.js';
import {
  diagonalLinearLossPredictionOrder,
  diagonalLinearSharpnessPredictionOrder,
  diagonalLinearTrackingOrder,
  diagonalLinearTracksPgdNotFlow,
} from '../../src/claims/damian/diagonalLinearSelfStabilization.js';
import { deepLinearLossPredictionOrder } from '../../src/claims/damian/deepLinearSelfStabilization.js';
import type { Claim, Instance } from '../../src/claims/claim.js';
import { rungRunner } from '../../src/claims/damian/edgeClaims.js';
import { orderFit } from '../../src/numerics/orderFit.js';
import { type Boundary, boundary } from './boundary.js';

/**
 * The self-stabilization claims on the two-layer, diagonal-linear and deep-linear networks decide on a ladder of runs (four ε, each thousands of steps
 * of dense eigendecompositions: seconds). Their boundary is in the decision, so the controls here feed
 * each claim's own check a stated ladder: the measured runs of the pinned instance (seed 1), perturbed
 * in the one quantity the claim reads. A rung carries its run as `stated`, which the claims' rung runner returns
 * in place of running it while `statedRungs` is in force (every other rung runs).
 */

/** Makes the two-layer claims answer a rung that states its run with it; returns the function that undoes it. */
export function statedRungs(): () => void {
  const run = rungRunner.run;
  rungRunner.run = (instance, rung, data, ctx, options) => (rung as { stated?: RungRun }).stated ?? run(instance, rung, data, ctx, options);
  return () => {
    rungRunner.run = run;
  };
}

/** The measured runs of the pinned instance at ε ≈ 0.039, 0.028, 0.020, 0.014 (f64, seed 1). */
export const TWO_LAYER_MEASURED: readonly RungRun[] = [
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
].map(measuredRun);

/** The numbers a measured run states, in the order `measuredRun` reads them. */
const STATED = [
  'eps',
  'err',
  'errNoCubic',
  'lossErr',
  'lossErrNoEnergy',
  'sharpErr',
  'sharpErrNoY',
  'sharpErrPointwise',
  'maxDagger',
  'maxFlow',
  'endFlow',
  'steps',
] as const;

/** The stated numbers on which a run differs from a measured one by more than `rel` of the measured value. */
function runDifferences(run: RungRun, measured: RungRun, rel: number): string[] {
  return STATED.filter((k) => !(Math.abs(run[k] - measured[k]) <= rel * Math.abs(measured[k]))).map((k) => `${k}: ${run[k]}, stated ${measured[k]}`);
}

/**
 * Where the runs a claim's check reads on `instance` (through the claims' rung runner, so with the family's own options) differ from
 * the `measured` ladder the boundary controls state (by more than 1e-9 relative, or in their number). The stated ladders are the
 * measured runs of the pinned instance perturbed in one quantity, so every number of each rung's run (the claim's errors and the
 * controls': without the cubic terms, without x²/η, without y, the flow's distance, the largest distance to θ†) must be what runRung
 * measures: a change to any of them in edgeRun.ts shows here.
 */
export function statedRunDifferences(check: () => void, measured: Ladder): string[] {
  // Computed here, not replayed from an earlier test's shared run: a mutation run credits runRung's lines to the test that ran them.
  forgetRungRuns();
  const runs: RungRun[] = [];
  const run = rungRunner.run;
  rungRunner.run = (instance, rung, data, ctx, options) => {
    const r = run(instance, rung, data, ctx, options);
    if (!('verdict' in r)) runs.push(r);
    return r;
  };
  try {
    check();
  } finally {
    rungRunner.run = run;
  }
  const count = runs.length === measured.length ? [] : [`${runs.length} rungs run, ${measured.length} stated`];
  return [...count, ...runs.flatMap((r, k) => (k < measured.length ? runDifferences(r, measured[k], 1e-9) : []))];
}

/** A measured run from its numbers (eps, err, errNoCubic, lossErr, lossErrNoEnergy, sharpErr, sharpErrNoY, sharpErrPointwise, maxDagger, maxFlow, endFlow, steps). */
function measuredRun([
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
]: readonly number[]): RungRun {
  return {
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
    // The extremes along θ† (α/α₀, ηλ₂/2, η(λ₁ − λ₂)) enter only the evidence details, never a decision: placeholders inside the
    // hypotheses' ranges (the two-layer ones, rounded), for either family.
    alphaMin: 0.2,
    lambda2Max: 0.6,
    gapMin: 0.79,
    failed: [],
    evaluations: 0,
  };
}

/** A family's four claims, the template of its instances and the measured runs of its pinned instance (seed 1). */
interface Family {
  readonly tracking: Claim<Instance>;
  readonly loss: Claim<Instance>;
  readonly sharpness: Claim<Instance>;
  readonly tracksPgd: Claim<Instance>;
  readonly template: Omit<EdgeFamilyInstance, 'rungs' | 'model' | 'params' | 'data'> & { model: string; params?: unknown; data: unknown };
  readonly measured: Ladder;
}

type Ladder = readonly RungRun[];
type Field = 'err' | 'lossErr' | 'sharpErr';

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

/** The width of the slope's 95% interval for `field` (a tilt keeps it). */
const widthOf = (runs: Ladder, field: Field): number => {
  const fit = orderFit(runs.map((r) => ({ eps: r.eps, error: r[field] })));
  return fit.hi - fit.lo;
};

/**
 * The lowest tilt that still holds: the interval ending 2% above order 1, or, where the interval is wider than that,
 * starting 0.02 above 0 (below, the ladder no longer shows that the error shrinks: order_undetermined).
 */
const justHolding = (runs: Ladder, field: Field): Ladder => tiltedTo(runs, field, Math.max(1.02, widthOf(runs, field) + 0.02));

const LEVEL =
  'the order 1 and the level 0.1 are constants of the statement; the declared tolerance is 0 (the decision is judgeOrder, pinned by properties/orderDecision.test.ts)';
const FLOW = 'the 3δ and the ratio 1 are constants of the statement; the declared tolerance is 0';
const WHY = 'the runs are checked in f64 only';
const LOSS = '|L(θ) − L(θ†) − x²/η|/(δ²/η)';

/** The order boundaries of one measured ladder: the error at the smallest ε 5% past / within the level, and the interval just below / above order 1. */
function ladderBoundaries(template: Family['template'], measured: Ladder) {
  const instance = (runs: Ladder): Instance => {
    const rungs = runs.map((r) => ({ target: r.eps.toPrecision(2), y: [], lr: '0', theta: [], stated: r }) as EdgeRung);
    return { ...template, rungs } as unknown as Instance;
  };
  const order = (claim: Claim<Instance>, field: Field, what: string) => {
    const atSmallest = measured[measured.length - 1][field];
    return boundary(claim, {
      notTolerance: LEVEL,
      f64Only: { code: 'error_too_large', why: WHY },
      outside: {
        description: `the measured ladder of ${what} scaled so the error at the smallest ε is 0.105, 5% past the level 0.1`,
        instances: [instance(scaled(measured, field, 0.105 / atSmallest))],
      },
      inside: [instance(measured), instance(scaled(measured, field, 0.095 / atSmallest)), instance(justHolding(measured, field))],
    });
  };
  const orderTooLow = (claim: Claim<Instance>, field: Field, what: string) =>
    boundary(claim, {
      notTolerance: LEVEL,
      f64Only: { code: 'order_too_low', why: WHY },
      outside: {
        description: `the measured ladder of ${what} tilted so the 95% interval of its slope ends at 0.98, just below order 1 (at 1.02 it holds)`,
        instances: [instance(tiltedTo(measured, field, 0.98))],
      },
      inside: [],
    });
  return { instance, order, orderTooLow };
}

/**
 * A family's boundaries: the first of each claim (the smallest-ε error 5% past / within the level 0.1, the interval ending
 * 2% above order 1, or starting 0.02 above 0 where it is wider; GD 1% past / within 3δ of θ†, gradient flow ending 1.02× the largest distance to θ†) and the second,
 * judged apart (the interval ending at 0.98, just below order 1; gradient flow ending 0.98× that distance).
 */
function familyBoundaries(f: Family): { first: Boundary[]; second: Boundary[] } {
  const measured = f.measured;
  const { instance, order, orderTooLow } = ladderBoundaries(f.template, measured);
  /** The measured ladder with one rung's distances changed. */
  const withRung = (i: number, r: Partial<RungRun>): Ladder => measured.map((m, j) => (j === i ? { ...m, ...r } : m));
  const last = measured.length - 1;
  const eps = measured[2].eps.toPrecision(2);
  const TRACK = 'max‖θ − θ† − v⋆‖/δ';
  const SHARP = 'the two-step sharpness error';
  return {
    first: [
      order(f.tracking, 'err', TRACK),
      order(f.loss, 'lossErr', LOSS),
      order(f.sharpness, 'sharpErr', SHARP),
      boundary(f.tracksPgd, {
        notTolerance: FLOW,
        f64Only: { code: 'left_reference', why: WHY },
        outside: {
          description: 'the measured runs with GD straying 3.03δ from θ† at the smallest ε, 1% past the 3δ',
          instances: [instance(withRung(last, { maxDagger: 3.03 }))],
        },
        // 2.97δ (gradient flow kept beyond it on that rung), and gradient flow ending 1.02× the largest distance to θ† on the third rung.
        inside: [
          instance(measured),
          instance(withRung(last, { maxDagger: 2.97, endFlow: Math.max(measured[last].endFlow, 1.02 * 2.97) })),
          instance(withRung(2, { endFlow: 1.02 * measured[2].maxDagger })),
        ],
      }),
    ],
    second: [
      orderTooLow(f.tracking, 'err', TRACK),
      orderTooLow(f.loss, 'lossErr', LOSS),
      orderTooLow(f.sharpness, 'sharpErr', SHARP),
      boundary(f.tracksPgd, {
        notTolerance: FLOW,
        f64Only: { code: 'flow_as_close', why: WHY },
        outside: {
          description: `the measured runs with gradient flow ending 0.98× the largest distance to θ† at ε ≈ ${eps}`,
          instances: [instance(withRung(2, { endFlow: 0.98 * measured[2].maxDagger }))],
        },
        inside: [],
      }),
    ],
  };
}

/** The measured runs of the diagonal-linear pinned instance at ε ≈ 0.056, 0.040, 0.028, 0.020 (f64, seed 1). */
export const DIAGONAL_LINEAR_MEASURED: Ladder = [
  [
    0.05599819151450553, 0.7023583432135406, 2.601972991668853, 0.14464342932664898, 6.938072272804068, 0.4066624078384555, 1.2548912658448885,
    0.8997154321837987, 2.649352852663609, 5.939824609012078, 5.881686653983461, 652,
  ],
  [
    0.039999312531932785, 0.12870710214257258, 2.430836774033724, 0.08134488610734522, 6.101456718223012, 0.2582357595204927, 1.1555644313292792,
    0.7308839556345822, 2.480518807930828, 4.385099453467773, 4.195274831235395, 869,
  ],
  [
    0.027999718778529248, 0.037521469162419725, 2.2294532014483677, 0.04264512738272797, 5.179069234608907, 0.1537115884909552, 1.0487373219542266,
    0.594342366359728, 2.2794592146425696, 3.3135821649821473, 2.977583221227936, 1211,
  ],
  [
    0.01999988058926002, 0.031137464086294003, 2.008640766752744, 0.021571126552823845, 4.228044012851108, 0.09007540043571077, 0.9375991287979478,
    0.4901655314298383, 2.0586023601062977, 2.761202723262334, 2.2360341736087204, 1409,
  ],
].map(measuredRun);

const TWO_LAYER = familyBoundaries({
  tracking: twoLayerTrackingOrder as unknown as Claim<Instance>,
  loss: twoLayerLossPredictionOrder as unknown as Claim<Instance>,
  sharpness: twoLayerSharpnessPredictionOrder as unknown as Claim<Instance>,
  tracksPgd: twoLayerTracksPgdNotFlow as unknown as Claim<Instance>,
  template: { model: 'two-layer', params: { width: '3', activation: 'tanh' }, data: { X: [], y: [] }, theta: [], thetaK: [], cycles: 3 },
  measured: TWO_LAYER_MEASURED,
});

const DIAGONAL_LINEAR = familyBoundaries({
  tracking: diagonalLinearTrackingOrder as unknown as Claim<Instance>,
  loss: diagonalLinearLossPredictionOrder as unknown as Claim<Instance>,
  sharpness: diagonalLinearSharpnessPredictionOrder as unknown as Claim<Instance>,
  tracksPgd: diagonalLinearTracksPgdNotFlow as unknown as Claim<Instance>,
  template: { model: 'diagonal-linear', data: { X: [] }, theta: [], thetaK: [], cycles: 3 },
  measured: DIAGONAL_LINEAR_MEASURED,
});

/** The measured runs of the deep-linear pinned instance at ε ≈ 0.057, 0.040, 0.028, 0.020 (f64, seed 1; its horizon in slow time). */
export const DEEP_LINEAR_MEASURED: Ladder = [
  [
    0.05711610302276655, 0.7452578736918266, 0.06656118914741473, 0.0010084645065020325, 0.007896073417241016, 0.01979562087127111, 0.03782749335348061,
    1.2841362452861103, 0.10489658366471946, 0.09431714128683061, 0.09431714128683061, 338,
  ],
  [
    0.04041566038591599, 0.30453729846759364, 0.04674153024450794, 0.0005018483854776888, 0.00640497859340985, 0.011594754722642264, 0.026273889482604725,
    1.1506750422563083, 0.08877316197699597, 0.08308987051029267, 0.08308987051029267, 472,
  ],
  [
    0.02814545146830147, 0.13035420112269006, 0.03228274507207901, 0.000243314731484901, 0.005160893059429911, 0.006540471634842054, 0.018082556757240378,
    1.0275611732330394, 0.07654664483655893, 0.07350723851894099, 0.07350723851894099, 674,
  ],
  [
    0.020054017735524555, 0.06141200447373567, 0.02278679808794753, 0.00012456961876408215, 0.004331139818039845, 0.0038994917396570025, 0.012799394676488466,
    0.9374274346787612, 0.06843511381656256, 0.06674885737916426, 0.0658886913561051, 943,
  ],
].map(measuredRun);

/** The deep-linear family claims the loss prediction only (docs/claims/damian.md): its two boundaries. */
const DEEP_LINEAR = ladderBoundaries({ model: 'deep-linear', data: { X: [], Y: [], widths: [] }, theta: [], thetaK: [], cycles: 0 }, DEEP_LINEAR_MEASURED);
const deepLoss = deepLinearLossPredictionOrder as unknown as Claim<Instance>;

/** The self-stabilization families' first boundaries (two-layer, diagonal-linear, deep-linear): one a claim. */
export const TWO_LAYER_BOUNDARIES: readonly Boundary[] = [...TWO_LAYER.first, ...DIAGONAL_LINEAR.first, DEEP_LINEAR.order(deepLoss, 'lossErr', LOSS)];

/** Second boundaries of the same claims, judged apart: the order's interval just below 1, and gradient flow ending just inside the largest distance to θ†. */
export const TWO_LAYER_SECOND: readonly Boundary[] = [...TWO_LAYER.second, ...DIAGONAL_LINEAR.second, DEEP_LINEAR.orderTooLow(deepLoss, 'lossErr', LOSS)];
