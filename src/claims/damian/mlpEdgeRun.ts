import { predictedDisplacement } from '../../dynamics/predictedDisplacement.js';
import { gdRule, stepper } from '../../dynamics/stepper.js';
import { type Center, linearProject, taylorCenter, topPairs } from '../../dynamics/taylorCenter.js';
import { f64 } from '../../numerics/f64Field.js';
import { digitsData } from '../../tfjs/digitsData.js';
import { createMlpF64, initMlpF64, randomLabelData, type MlpData, type MlpF64, type MlpSpec } from '../../tfjs/mlpF64.js';
import type { Instance } from '../claim.js';
import { dotF64 } from '../../numerics/dotF64.js';

/**
 * Damian, Nichani and Lee's self-stabilization pipeline on the float64 MLP (mlpF64.ts: exact gradient,
 * R-operator HVP and ∇³L[u,u]), as the authors' `taylor.py` runs it on networks: GD to the first
 * crossing of 2/η, then GD, the constrained trajectory θ† (projected GD onto the stable set, one
 * linearised projection a step after a re-centring) and the predicted dynamics θ† + v⋆ side by side,
 * with the loss and the sharpness of GD and of θ† + v⋆ recorded (docs/claims/damian.md,
 * "Self-stabilization on the float64 MLP").
 */

/**
 * The networks: 8-16-1 on Gaussian inputs with N(0, 1) random labels, at n = 30 (`synthetic`) and n = 100
 * (`synthetic-100`), and 16-8-3 on 4×4-pooled MNIST digits 0–2 (one-hot, MSE), n = 30.
 */
export type MlpEdgeSize = 'synthetic' | 'synthetic-100' | 'digits';

export const MLP_EDGE_SIZES: readonly MlpEdgeSize[] = ['synthetic', 'synthetic-100', 'digits'];

export interface MlpEdgeInstance extends Instance {
  /** Not a registered model id: the network is built from the fields below. */
  readonly model: 'mlp-f64';
  readonly size: MlpEdgeSize;
  /** Seed of the initialisation (W ~ N(0, 1/fan_in), biases 0) and of the data. */
  readonly seed: number;
  readonly dataSeed: number;
  /** The step η = 2κ₀/S₀, four digits (the generator writes it; the check reads it). */
  readonly lr: string;
  readonly kappa0: string;
  /** The negative control: the predicted dynamics without its cubic terms x²∇S⊥/2 + u·x·y. */
  readonly variant?: 'no-cubic';
}

/**
 * Samples: few, for the cost of a step. The digits network stays at the edge for the window at n = 30;
 * the 8-16-1 one fits 30 random labels first (α decays within a few hundred steps), 100 of them only after
 * most of the window (docs).
 */
export const MLP_EDGE_N: Readonly<Record<MlpEdgeSize, number>> = { synthetic: 30, 'synthetic-100': 100, digits: 30 };
/** Steps followed after the crossing (the claims' window). */
export const MLP_EDGE_STEPS = 1000;
/** GD steps allowed before the crossing. */
export const MLP_EDGE_MAX_CROSSING = 3000;
/** The sharpness of GD and of θ† + v⋆ is measured every this many steps, an odd stride so both phases of the period-2 oscillation are sampled (the loss at every step). */
export const MLP_EDGE_MEASURE_EVERY = 5;
/** λ₂ and the eigengap at θ† are checked every this many steps, as taylor.py does. */
export const MLP_EDGE_GAP_EVERY = 50;
/** α must stay above this fraction of its value at the crossing (the analysis holds α, hence ε and δ, slowly varying; docs). */
export const ALPHA_FLOOR = 0.1;
/** The band of κ₀ = η·S₀/2: GD starts below the edge and sharpens to it. */
export const KAPPA_BAND: readonly [number, number] = [0.4, 0.7];
/** Steps between sharpness checks before the crossing while ηS/2 < 0.9. */
const CROSS_STRIDE = 10;

export function mlpEdgeSpec(size: MlpEdgeSize): MlpSpec {
  return size === 'digits' ? { inputDim: 16, widths: [8], activation: 'tanh', outputDim: 3 } : { inputDim: 8, widths: [16], activation: 'tanh' };
}

export function mlpEdgeData(size: MlpEdgeSize, dataSeed: number): MlpData {
  if (size !== 'digits') return randomLabelData(8, MLP_EDGE_N[size], dataSeed);
  const d = digitsData({ n: MLP_EDGE_N[size], seed: dataSeed, side: 4, classes: 3 });
  return { n: d.n, inputDim: d.inputDim, x: d.x, y: d.y };
}

export function mlpEdgeNet(size: MlpEdgeSize, dataSeed: number): MlpF64 {
  return createMlpF64(mlpEdgeSpec(size), mlpEdgeData(size, dataSeed));
}

/** A hypothesis that failed (the first of its code), or a divergence. */
export interface MlpEdgeStop {
  readonly kind: 'assumption' | 'diverged';
  readonly code: string;
  readonly message: string;
  readonly step: number;
}

/** The window's averages and errors (see the fields); `Pred` is θ† + v⋆, `Lin` the control without cubic terms. */
export interface MlpEdgeRun {
  readonly eta: number;
  readonly kappa0: number;
  readonly crossing: number;
  readonly steps: number;
  /** ε = η√ᾱ, ᾱ the mean of α = −∇L·∇S⊥ along θ†. */
  readonly eps: number;
  /** Window means: L and S of GD, of θ† + v⋆, of θ† + v_lin; δ² = 2α/β and √(2α) along θ†. */
  readonly meanL: number;
  readonly meanLPred: number;
  readonly meanLLin: number;
  readonly meanLDagger: number;
  readonly meanS: number;
  readonly meanSPred: number;
  readonly meanSLin: number;
  readonly meanDelta2: number;
  readonly meanRoot2Alpha: number;
  /** Pointwise relative errors |L − L_pred|/L and |S − S_pred|/S, averaged over the window (phase-sensitive; reported only). */
  readonly pointwiseL: number;
  readonly pointwiseS: number;
  /** Extremes along θ†: min α/α₀, max ηλ₂/2, min η(λ₁ − λ₂); max |x|/δ of GD. */
  readonly alphaMin: number;
  readonly lambda2Max: number;
  readonly gapMin: number;
  readonly xMax: number;
  readonly stop?: MlpEdgeStop;
}

/** A run and the evaluations it counted: a claim reading the shared run counts them again, so a report does not depend on order. */
const memo = new Map<string, { run: MlpEdgeRun; evaluations: number }>();

const keyOf = (inst: MlpEdgeInstance) => JSON.stringify([inst.size, inst.seed, inst.dataSeed, inst.lr]);

/**
 * Supplies the run of `inst` (a recorded one), so the claims judge it without the network: how the boundary
 * controls (properties/boundary/mlp.ts) run the claims' own check on runs a stated amount past and inside its
 * level. Returns the undo.
 */
export function recordedMlpEdgeRun(inst: MlpEdgeInstance, run: MlpEdgeRun): () => void {
  const key = keyOf(inst);
  const before = memo.get(key);
  memo.set(key, { run, evaluations: 0 });
  return () => (before === undefined ? memo.delete(key) : memo.set(key, before));
}

/**
 * Runs the pipeline for `inst` (memoised: the claim and its control read the same run). The window
 * ends at the first failed hypothesis (`stop`), as the authors' loop ends where λ₂ passes 1.9/η.
 */
export function runMlpEdge(inst: MlpEdgeInstance, count: () => void = () => {}): MlpEdgeRun {
  const key = keyOf(inst);
  const hit = memo.get(key);
  if (hit !== undefined) {
    for (let i = 0; i < hit.evaluations; i++) count();
    return hit.run;
  }
  let evaluations = 0;
  const run = compute(inst, () => {
    evaluations++;
    count();
  });
  memo.set(key, { run, evaluations });
  return run;
}

function compute(inst: MlpEdgeInstance, count: () => void): MlpEdgeRun {
  const net = mlpEdgeNet(inst.size, inst.dataSeed);
  const p = net.dim;
  const eta = Number(inst.lr);
  const edge = 2 / eta;
  let stop: MlpEdgeStop | undefined;
  const fail = (kind: MlpEdgeStop['kind'], code: string, message: string, step: number) => {
    stop ??= { kind, code, message, step };
  };
  const g = new Float64Array(p);
  let theta = initMlpF64(mlpEdgeSpec(inst.size), inst.seed);
  const first = topPairs(net, theta, undefined, count);
  const kappa0 = (eta * first.values[0]) / 2;
  // η carries four digits, so κ₀ may miss the band by 5e-4 relative.
  if (!(kappa0 >= KAPPA_BAND[0] * (1 - 1e-3) && kappa0 <= KAPPA_BAND[1] * (1 + 1e-3))) {
    fail('assumption', 'kappa0_out_of_range', `η·S₀/2 = ${kappa0.toFixed(4)} is not in [${KAPPA_BAND[0]}, ${KAPPA_BAND[1]}]`, 0);
    return empty(eta, kappa0, 0, stop);
  }
  let U = first.vectors[0];
  let crossing = 0;
  // GD until S(θ) ≥ 2/η, the authors' find_instability: S is checked every CROSS_STRIDE steps while
  // ηS/2 < 0.9, then at every step; a crossing inside a stride is found again step by step from its start.
  let stride = CROSS_STRIDE;
  // GD on the engine (a gdRule stepper, with its divergence rule); the gradient is the fused
  // loss-and-gradient pass's, one evaluation a step.
  const gdOnG = gdRule(f64, () => Array.from(g), eta);
  let run = stepper(gdOnG, Array.from(theta));
  let saved = { state: run.state, crossing, U };
  for (;;) {
    if (crossing % stride === 0) {
      const r = topPairs(net, theta, U, count);
      U = r.vectors[0];
      if (r.values[0] >= edge) {
        if (stride === 1) break;
        ({ crossing, U } = saved);
        run = stepper(gdOnG, saved.state);
        theta = Float64Array.from(run.theta);
        stride = 1;
        continue;
      }
      if ((eta * r.values[0]) / 2 >= 0.9) stride = 1;
      saved = { state: run.state, crossing, U };
    }
    if (++crossing > MLP_EDGE_MAX_CROSSING) {
      fail('assumption', 'no_crossing', `S stayed below 2/η for ${MLP_EDGE_MAX_CROSSING} steps`, crossing);
      return empty(eta, kappa0, crossing, stop);
    }
    count();
    net.lossAndGrad(theta, g);
    if (!run.step()) {
      fail('diverged', 'non_finite', `GD diverged before the crossing, at step ${crossing}: ${run.divergence}`, crossing);
      return empty(eta, kappa0, crossing, stop);
    }
    theta = Float64Array.from(run.theta);
  }
  const center = (th: Float64Array, ref: ArrayLike<number>) => taylorCenter(net, th, ref, count);
  const project = (c: Center) => linearProject(net, c, edge, count);
  let dag = project(center(theta, U));
  const gdRun = stepper(gdOnG, Array.from(theta));
  let gd = theta;
  /** The GD step from θ† with the gradient its centre holds (taylor.py's constrained_step, before the projection). */
  const stepFrom = (c: Center) => Float64Array.from(gdRule(f64, () => Array.from(c.dL), eta).step({ t: 0, theta: Array.from(c.p) }).theta);
  let v = gd.map((x, i) => x - dag.p[i]);
  let vLin = v.slice();
  let uGd: number[] = Array.from(dag.u);
  let uPred: number[] = Array.from(dag.u);
  let uLin: number[] = Array.from(dag.u);
  const sum = { L: 0, LPred: 0, LLin: 0, LDag: 0, S: 0, SPred: 0, SLin: 0, d2: 0, r2a: 0, alpha: 0, pwL: 0, pwS: 0 };
  let measured = 0;
  let alpha0 = 0;
  let alphaMin = Infinity;
  let lambda2Max = 0;
  let gapMin = Infinity;
  let xMax = 0;
  let t = 0;
  for (; t < MLP_EDGE_STEPS && stop === undefined; t++) {
    const alpha = -dotF64(dag.dL, dag.dSperp);
    const beta = dotF64(dag.dSperp, dag.dSperp);
    if (!(alpha > 0 && beta > 0)) fail('assumption', 'alpha_positive', `α = ${alpha.toExponential(3)} at θ†_${t}: progressive sharpening (α > 0) fails`, t);
    if (t === 0) alpha0 = alpha;
    if (alpha < alpha0 * ALPHA_FLOOR)
      fail('assumption', 'alpha_decayed', `α fell to ${(alpha / alpha0).toExponential(2)}·α₀ at θ†_${t}: the window left the regime of a slowly varying α`, t);
    if (stop !== undefined) break;
    alphaMin = Math.min(alphaMin, alpha / alpha0);
    if (t % MLP_EDGE_GAP_EVERY === 0) {
      const r2 = topPairs(net, dag.p, Array.from(dag.u), count, 2);
      lambda2Max = Math.max(lambda2Max, (eta * r2.values[1]) / 2);
      gapMin = Math.min(gapMin, eta * (r2.values[0] - r2.values[1]));
      if (!(r2.values[1] < 1.9 / eta)) fail('assumption', 'second_eigenvalue', `λ₂ = ${r2.values[1].toPrecision(4)} passed 1.9/η at θ†_${t}`, t);
      if (!(r2.values[0] - r2.values[1] >= 0.1 / eta))
        fail('assumption', 'eigengap', `λ₁ − λ₂ = ${(r2.values[0] - r2.values[1]).toExponential(3)} < 0.1/η at θ†_${t}: no eigengap`, t);
      // The authors stop where λ₂ passes 1.9/η; the window ends at the first failed hypothesis.
      if (stop !== undefined) break;
    }
    const delta2 = (2 * Math.max(alpha, 0)) / beta;
    sum.alpha += alpha;
    sum.d2 += delta2;
    sum.r2a += Math.sqrt(2 * Math.max(alpha, 0));
    const pred = dag.p.map((x, i) => x + v[i]);
    const lin = dag.p.map((x, i) => x + vLin[i]);
    count();
    const L = net.lossAndGrad(gd, g);
    const LPred = net.loss(pred);
    const LLin = net.loss(lin);
    if (!Number.isFinite(L) || !Number.isFinite(LPred) || !Number.isFinite(LLin)) {
      fail('diverged', 'non_finite', `GD or the prediction left the finite numbers at step ${t}`, t);
      break;
    }
    sum.L += L;
    sum.LPred += LPred;
    sum.LLin += LLin;
    sum.LDag += dag.L;
    sum.pwL += Math.abs(L - LPred) / L;
    xMax = Math.max(
      xMax,
      Math.abs(
        dotF64(
          dag.u,
          gd.map((x, i) => x - dag.p[i]),
        ),
      ) / Math.sqrt(delta2),
    );
    if (t % MLP_EDGE_MEASURE_EVERY === 0) {
      const rg = topPairs(net, gd, uGd, count);
      const rp = topPairs(net, pred, uPred, count);
      const rl = topPairs(net, lin, uLin, count);
      uGd = rg.vectors[0];
      uPred = rp.vectors[0];
      uLin = rl.vectors[0];
      sum.S += rg.values[0];
      sum.SPred += rp.values[0];
      sum.SLin += rl.values[0];
      sum.pwS += Math.abs(rg.values[0] - rp.values[0]) / rg.values[0];
      measured++;
    }
    // The three updates: GD; v⋆ by taylor.py's predicted_step read at θ†_t (predictedDisplacement.ts, with
    // and without its cubic terms); θ† by constrained_step (a GD step from θ†, re-centred, then one
    // linearised projection).
    const at = dag;
    const frame = () => ({
      hvp: (z: number[]) => {
        count();
        return Array.from(net.hvp(at.p, Float64Array.from(z)));
      },
      top: Array.from(at.u),
      sharpnessGradientPerp: Array.from(at.dSperp),
      delta2,
    });
    const step = (cubic: boolean, z: Float64Array) => {
      const rule = predictedDisplacement(f64, eta, frame, cubic);
      return Float64Array.from(rule.step(rule.init(Array.from(z))).theta);
    };
    v = step(true, v);
    vLin = step(false, vLin);
    if (!gdRun.step()) {
      fail('diverged', 'non_finite', `GD diverged at step ${t + 1}: ${gdRun.divergence}`, t + 1);
      t++;
      break;
    }
    gd = Float64Array.from(gdRun.theta);
    dag = project(center(stepFrom(dag), dag.u));
  }
  const steps = Math.max(t, 1);
  const m = Math.max(measured, 1);
  return {
    eta,
    kappa0,
    crossing,
    steps: t,
    eps: eta * Math.sqrt(Math.max(sum.alpha / steps, 0)),
    meanL: sum.L / steps,
    meanLPred: sum.LPred / steps,
    meanLLin: sum.LLin / steps,
    meanLDagger: sum.LDag / steps,
    meanS: sum.S / m,
    meanSPred: sum.SPred / m,
    meanSLin: sum.SLin / m,
    meanDelta2: sum.d2 / steps,
    meanRoot2Alpha: sum.r2a / steps,
    pointwiseL: sum.pwL / steps,
    pointwiseS: sum.pwS / m,
    alphaMin,
    lambda2Max,
    gapMin,
    xMax,
    ...(stop !== undefined ? { stop } : {}),
  };
}

function empty(eta: number, kappa0: number, crossing: number, stop: MlpEdgeStop | undefined): MlpEdgeRun {
  const nan = Number.NaN;
  return {
    eta,
    kappa0,
    crossing,
    steps: 0,
    eps: nan,
    meanL: nan,
    meanLPred: nan,
    meanLLin: nan,
    meanLDagger: nan,
    meanS: nan,
    meanSPred: nan,
    meanSLin: nan,
    meanDelta2: nan,
    meanRoot2Alpha: nan,
    pointwiseL: nan,
    pointwiseS: nan,
    alphaMin: nan,
    lambda2Max: nan,
    gapMin: nan,
    xMax: nan,
    ...(stop !== undefined ? { stop } : {}),
  };
}
