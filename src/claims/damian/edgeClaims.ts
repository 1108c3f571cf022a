import { NOT_CERTIFIABLE, UsageError } from '../../errors.js';
import { orderFit } from '../../numerics/orderFit.js';
import type { CheckContext, Claim, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { judgeOrder } from '../judgeOrder.js';
import type fc from 'fast-check';
import type { InstanceJson } from '../claim.js';
import { DNL } from '../papers.js';
import { EDGE_MAX_STEPS, type EdgeInstance, type EdgeRunOptions, type EdgeVariant, isOutcome, runRung, type RungRun } from './edgeRun.js';

/** The stated order: ‖θ − θ† − v⋆‖ = O(εδ), i.e. error/δ = O(ε); the loss prediction's error, in units δ²/η, likewise. */
const ORDER = 1;
/** The level at the smallest ε: a tenth of the natural scale (δ, resp. δ²/η). Stated, not fitted (docs). */
const LEVEL = 0.1;
/** How far GD may stray from its reference, in units of δ: the slow orbit from x₀ = δ/20 reaches |x| ≈ 2δ. */
const NEAR = 3;

/** What differs between the edge families: the model and its instance family, how its rungs run, and the numbers the texts report. */
export interface EdgeClaimsSpec<I extends EdgeInstance> extends EdgeRunSpec<I> {
  /** Measured on the pinned instance, for the rationales and control descriptions (stated, never decided on). */
  readonly measured: EdgeLossSpec<I>['measured'] & {
    /** The tracking fit's interval, e.g. `its lower end is reported: 0.86 on the pinned instance`. */
    readonly trackingInterval: string;
    readonly trackingLevel: string;
    readonly sharpnessLevel: string;
    /** What the pointwise sharpness error does, e.g. `the error does not shrink (1.4–1.6 on every rung)`. */
    readonly sharpnessPointwise: string;
    /** What each control measured, e.g. `it loses GD by about 2δ at every ε (order 0)`. */
    readonly noCubic: string;
    readonly noY: string;
    readonly flow: string;
  };
}

/** The loss prediction's claim alone (a family on which the other three do not stand: docs/claims/damian.md). */
export interface EdgeLossSpec<I extends EdgeInstance> extends EdgeRunSpec<I> {
  readonly measured: {
    readonly lossLevel: string;
    readonly noEnergy: string;
    /** The size of x along the runs, as the rationale states it (default `x ≈ δ`: the slow cycle's). */
    readonly xScale?: string;
  };
}

/** The family and its runs. */
interface EdgeRunSpec<I extends EdgeInstance> {
  /** The id prefix, e.g. `damian.two-layer`. */
  readonly prefix: string;
  /** How the titles name the model, e.g. `On a 9-parameter tanh network`. */
  readonly on: string;
  /** The construction and the run, ending in a space: every statement starts with it. */
  readonly statement: string;
  /** The smallest ε of the ladder, as the statements print it. */
  readonly smallest: string;
  readonly arbitrary: (variant?: EdgeVariant) => fc.Arbitrary<I>;
  /** The model's data on a rung (the family's labels for that ε). */
  readonly rungData: (instance: I, rung: I['rungs'][number]) => InstanceJson;
  /** How the rungs run (edgeRun.ts; default: 3 slow cycles, the linearised projection). */
  readonly run?: EdgeRunOptions;
  /** The horizon as the titles name it (default `3 slow cycles`), and as the hypotheses state it (default: 3 slow cycles within EDGE_MAX_STEPS steps). */
  readonly horizon?: { readonly title: string; readonly hypothesis: string };
}

const hypotheses = (horizon = `3 slow cycles within ${EDGE_MAX_STEPS} steps (too_few_cycles)`): string[] => [
  'α = −∇L·∇S⊥ > 0 and β = ‖∇S⊥‖² > 0 at every θ†_t (else inconclusive: alpha_positive)',
  'λ₂ < 1.9/η at every θ†_t (else inconclusive: second_eigenvalue)',
  'λ₁ − λ₂ ≥ 0.1/η at every θ†_t (else inconclusive: eigengap)',
  `the projection onto the stable set succeeds at every step (else inconclusive: projection_failed); ${horizon}`,
  'f64 arithmetic (other precisions: inconclusive, not certifiable)',
];

/** What every claim of a family shares. */
const common = <I extends EdgeInstance>(spec: EdgeRunSpec<I>) => ({
  kind: 'forall' as const,
  notCertifiable: F64_ONLY,
  hypotheses: hypotheses(spec.horizon?.hypothesis),
  arbitrary: spec.arbitrary(),
  tolerance: { rel: 0 },
  ladder: ['f64'],
  budget: 50_000_000,
  runs: 1,
});

/** Runs every rung of the instance (shared between the claims: edgeRun.ts). */
/** The rung runner (edgeRun.ts), behind a seam so that a test can answer a rung with a stated run instead of seconds of GD (properties/boundary/twoLayer.ts). */
export const rungRunner: { run: typeof runRung } = { run: runRung };

function runAll<T, I extends EdgeInstance>(spec: EdgeRunSpec<I>, instance: I, ctx: CheckContext<T>): RungRun[] | Outcome {
  // The runs are thousands of steps of dense eigendecompositions: an interval re-run would not end,
  // and rounding (1e-16) is far below every error measured, so only f64 decides.
  // So a failure stays `inconclusive (not certifiable)`, in claim and control mode alike, and never
  // becomes `violated`: thrown, not assumed (an assumption does not stop a control).
  if (ctx.precision.kind !== 'f64') {
    throw new UsageError(F64_ONLY, 'precision', NOT_CERTIFIABLE);
  }
  const runs: RungRun[] = [];
  for (const rung of instance.rungs) {
    const r = rungRunner.run(instance, rung, spec.rungData(instance, rung), ctx, spec.run);
    if (isOutcome(r)) return r;
    runs.push(r);
  }
  return runs;
}

const runDetails = (runs: readonly RungRun[]): Record<string, string> => ({
  steps: runs.map((r) => `${r.crossing}+${r.steps}`).join(', '),
  alphaMinOverAlpha0: runs.map((r) => r.alphaMin.toPrecision(3)).join(', '),
  etaLambda2Over2Max: runs.map((r) => r.lambda2Max.toPrecision(3)).join(', '),
  etaGapMin: runs.map((r) => r.gapMin.toPrecision(3)).join(', '),
});

/** The order check (judgeOrder.ts): the 95% interval of the slope in ε reaches ORDER, and the error at the smallest ε is at most LEVEL. */
function judgeRuns<T>(ctx: CheckContext<T>, what: string, runs: readonly RungRun[], error: (r: RungRun) => number): Outcome {
  const fit = orderFit(runs.map((r) => ({ eps: r.eps, error: Math.max(error(r), Number.MIN_VALUE) })));
  return judgeOrder(ctx, { what, fit, symbol: 'ε', order: ORDER, level: LEVEL, details: runDetails(runs) });
}

const F64_ONLY = 'the self-stabilization runs are checked in f64 only; not certifiable';

/**
 * The runs of an instance of a claim whose negative control is the variant `control`: another
 * variant is not an instance of it, and the control variant only in control mode (claim mode stops
 * at the assumption). `isControl` says which the check judges.
 */
function controlRuns<T, I extends EdgeInstance>(
  spec: EdgeRunSpec<I>,
  instance: I,
  ctx: CheckContext<T>,
  control: EdgeVariant,
): { isControl: boolean; runs: RungRun[] | Outcome } {
  const isControl = instance.variant === control;
  ctx.assume(instance.variant === undefined || (isControl && ctx.mode === 'control'), 'control_variant', 'a control variant is not an instance of the claim');
  return { isControl, runs: runAll(spec, instance, ctx) };
}

/** An error of the runs, and how a verdict names it. */
interface RunError {
  readonly what: string;
  readonly error: (r: RungRun) => number;
}

/** The check of an order claim: `claim`'s error judged as an order in ε (judgeRuns), or with the variant `control`, the control's error. */
function orderCheck<I extends EdgeInstance>(spec: EdgeRunSpec<I>, control: EdgeVariant, claim: RunError, ctrl: RunError) {
  return <T>(instance: I, ctx: CheckContext<T>): Outcome => {
    const { isControl, runs } = controlRuns(spec, instance, ctx, control);
    if (isOutcome(runs)) return runs;
    const { what, error } = isControl ? ctrl : claim;
    return judgeRuns(ctx, what, runs, error);
  };
}

/** The loss prediction L(θ_t) ≈ L(θ†_t) + x_t²/η as an order in ε, with its control (the prediction without x²/η). */
export function edgeLossClaim<I extends EdgeInstance>(spec: EdgeLossSpec<I>): Claim<I> {
  const { on, statement: STATEMENT, smallest, measured } = spec;
  const over = spec.horizon?.title ?? '3 slow cycles';
  return defineClaim<I>({
    ...common(spec),
    id: `${spec.prefix}.loss-prediction-order`,
    title: `${on}, L(θ_t) = L(θ†_t) + x_t²/η + O(ε·δ²/η) over ${over}: the slope in ε reaches 1`,
    citation: { paper: DNL, where: 'the loss prediction L(θ_t) ≈ L(θ†_t) + x_t²/η (x_t = u·(θ_t − θ†_t)); order derived', recalled: true },
    statement:
      STATEMENT +
      `The least-squares slope of log max_t |L(θ_t) − L(θ†_t) − x_t²/η|/(δ_t²/η) against log ε has a 95% interval reaching ${ORDER}, and the value at ε = ${smallest} is at most ${LEVEL}.`,
    check: orderCheck(
      spec,
      'no-energy',
      { what: '|L(θ) − L(θ†) − x²/η|/(δ²/η)', error: (r) => r.lossErr },
      { what: 'L(θ) − L(θ†) without x²/η', error: (r) => r.lossErrNoEnergy },
    ),
    negativeControl: {
      description: `the prediction L(θ_t) ≈ L(θ†_t) without the oscillation's energy x_t²/η: ${measured.noEnergy}`,
      arbitrary: spec.arbitrary('no-energy'),
    },
    rationale:
      `The error is measured in the unit δ²/η of the predicted excess x²/η (${measured.xScale ?? 'x ≈ δ'}), so order 1 in ε is the same statement as the tracking claim's. ` +
      `The interval must reach order ${ORDER}; the level ${LEVEL} at the smallest ε is a tenth of δ²/η (measured ${measured.lossLevel}). f64 only.`,
  });
}

/** The four claims of self-stabilization on one edge family: tracking, loss and sharpness predictions as orders in ε, and GD following θ† rather than gradient flow. */
export function edgeClaims<I extends EdgeInstance>(
  spec: EdgeClaimsSpec<I>,
): {
  readonly tracking: Claim<I>;
  readonly loss: Claim<I>;
  readonly sharpness: Claim<I>;
  readonly tracksPgd: Claim<I>;
} {
  const { on, statement: STATEMENT, smallest, measured } = spec;
  const COMMON = common(spec);
  const over = spec.horizon?.title ?? '3 slow cycles';

  const tracking = defineClaim<I>({
    ...COMMON,
    id: `${spec.prefix}.tracking-order`,
    title: `${on}, GD stays within O(εδ) of θ† + v⋆ over ${over}: the slope of max‖θ − θ† − v⋆‖/δ in ε reaches 1`,
    citation: {
      paper: DNL,
      where: "main theorem: ‖θ_t − θ†_t − v⋆_t‖ = O(εδ) over the theorem's horizon (taylor.py tracks GD against the predicted dynamics); ε = η√α derived",
      recalled: true,
    },
    statement:
      STATEMENT +
      `The least-squares slope of log max_t ‖θ_t − θ†_t − v⋆_t‖/δ_t against log ε (ε = η√ᾱ measured along θ†) has a 95% interval reaching ${ORDER}, and the value at ε = ${smallest} is at most ${LEVEL}.`,
    check: orderCheck(spec, 'no-cubic', { what: 'max‖θ − θ† − v⋆‖/δ', error: (r) => r.err }, { what: 'without cubic terms', error: (r) => r.errNoCubic }),
    negativeControl: {
      description: `the predicted dynamics without its cubic terms x²∇S⊥/2 + u·x·y (the mechanism): ${measured.noCubic}`,
      arbitrary: spec.arbitrary('no-cubic'),
    },
    rationale:
      'An ε → 0 statement checked as an order of convergence, never a fitted constant; ε = η√α by dimensional analysis [D] (docs/claims/damian.md). ' +
      `The interval must reach order ${ORDER} (${measured.trackingInterval}); the level ${LEVEL}δ at the smallest ε is a tenth of δ (measured ${measured.trackingLevel}). f64 only.`,
  });

  const loss = edgeLossClaim(spec);

  const sharpness = defineClaim<I>({
    ...COMMON,
    id: `${spec.prefix}.sharpness-prediction-order`,
    title: `${on}, S(θ_t) = S(θ†_t) + y_t + O(ε√β·δ) averaged over two steps, over ${over}: the slope in ε reaches 1`,
    citation: {
      paper: DNL,
      where: 'the sharpness prediction S(θ_t) ≈ 2/η + y_t, y_t = ∇S⊥·(θ_t − θ†_t) (taylor.py compares it over two steps); order derived',
      recalled: true,
    },
    statement:
      STATEMENT +
      'With S̄ the mean over steps t − 1 and t, the least-squares slope of log max_t |S̄(θ)_t − S̄(θ† + y)_t|/(√β_t·δ_t) against log ε has a 95% interval ' +
      `reaching ${ORDER}, and the value at ε = ${smallest} is at most ${LEVEL}.`,
    check: orderCheck(
      spec,
      'no-y',
      { what: 'two-step |S(θ) − S(θ†) − y|/(√β·δ)', error: (r) => r.sharpErr },
      { what: 'S(θ) − S(θ†) without y', error: (r) => r.sharpErrNoY },
    ),
    negativeControl: {
      description: `S(θ_t) ≈ S(θ†_t) without y_t, the displacement along ∇S⊥ that carries the sharpness through its cycle: ${measured.noY}`,
      arbitrary: spec.arbitrary('no-y'),
    },
    rationale:
      'y = ∇S⊥·v is of size √β·δ = √(2α), the unit of the error. ' +
      `Pointwise ${measured.sharpnessPointwise}: S(θ_t) − S(θ†_t) has a ` +
      'term (u·∇S)·x_t, and x_t changes sign every step; over two steps it cancels to (u·∇S)(x_t + x_{t−1})/2 = O(η·y·x) = O(ε√β·δ). ' +
      `The interval must reach order ${ORDER}; the level ${LEVEL} at the smallest ε is a tenth of the unit (measured ${measured.sharpnessLevel}). f64 only.`,
  });

  const tracksPgd = defineClaim<I>({
    ...COMMON,
    id: `${spec.prefix}.tracks-pgd-not-flow`,
    title: `${on} at the edge, GD stays within 3δ of θ† while gradient flow ends farther from it than θ† ever was`,
    citation: { paper: DNL, where: 'GD follows the constrained trajectory θ† (projected GD onto {S ≤ 2/η}), not gradient flow', recalled: true },
    statement: STATEMENT + `At every ε: max_t ‖θ_t − θ†_t‖/δ_t ≤ ${NEAR}, and ‖θ_T − θ_GF(ηT)‖/δ_T at the last step exceeds that maximum.`,
    check<T>(instance: I, ctx: CheckContext<T>): Outcome {
      const { isControl: flow, runs } = controlRuns(spec, instance, ctx, 'flow');
      if (isOutcome(runs)) return runs;
      const details = {
        maxDistanceToDagger: runs.map((r) => r.maxDagger.toPrecision(3)).join(', '),
        endDistanceToFlow: runs.map((r) => r.endFlow.toPrecision(3)).join(', '),
        maxDistanceToFlow: runs.map((r) => r.maxFlow.toPrecision(3)).join(', '),
        eps: runs.map((r) => r.eps.toPrecision(4)).join(', '),
        ...runDetails(runs),
      };
      // The control asks the same of gradient flow: that GD stays within NEAR·δ of it.
      const near = Math.max(...runs.map((r) => (flow ? r.maxFlow : r.maxDagger)));
      const ref = flow ? 'gradient flow' : 'θ†';
      if (!(near <= NEAR)) {
        return ctx.violated({
          code: 'left_reference',
          message: `GD strays ${near.toFixed(2)}δ from ${ref} (> ${NEAR}δ)`,
          observed: near,
          bound: NEAR,
          margin: NEAR - near,
          details,
        });
      }
      const apart = Math.min(...runs.map((r) => r.endFlow / r.maxDagger));
      if (!flow && !(apart > 1)) {
        return ctx.violated({
          code: 'flow_as_close',
          message: `gradient flow ends within ${apart.toFixed(2)}× the largest distance to θ†: GD does not tell them apart`,
          observed: apart,
          bound: 1,
          margin: apart - 1,
          details,
        });
      }
      return ctx.holds({
        code: 'tracks_dagger',
        message: `GD within ${near.toFixed(2)}δ of ${ref}; gradient flow ends ≥ ${apart.toFixed(2)}× that far`,
        observed: near,
        bound: NEAR,
        margin: Math.min(1 - near / NEAR, apart - 1),
        details,
      });
    },
    negativeControl: {
      description: `the same bound with gradient flow as the reference: ${measured.flow}`,
      arbitrary: spec.arbitrary('flow'),
    },
    rationale: `${NEAR}δ: the slow orbit from x₀ = δ/20 reaches |x| ≈ 2δ, so ‖θ − θ†‖ ≈ |x| ≤ 2δ plus O(εδ); gradient flow, which has no mechanism keeping S at 2/η, drifts off by several δ. f64 only.`,
  });
  return { tracking, loss, sharpness, tracksPgd };
}
