import type { CheckContext, Claim, EvidenceInput, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { COHEN } from '../papers.js';
import { EDGE, type MlpEosInstance, NETWORK_F64_ONLY, TRACK_TOL, fmt, mlpEosInstances, netLabel, slope, trainedRun } from './cohenNetworks.js';

// ─── cohen.progressive-sharpening ──────────────────────────────────────────────────────────────

const PS_STEPS = 1500;
const PS_EVERY = 10;

export const progressiveSharpening: Claim<MlpEosInstance> = defineClaim<MlpEosInstance>({
  id: 'cohen.progressive-sharpening',
  notCertifiable: NETWORK_F64_ONLY,
  title: 'Progressive sharpening: on a tanh MLP fitting random labels, full-batch GD drives the sharpness up to 2/η',
  citation: { paper: COHEN, where: 'abstract and §3 (progressive sharpening); docs/claims/cohen.md and the M-MLP benchmark §2.10', recalled: true },
  statement:
    'Full-batch GD (float64) on a one-hidden-layer tanh MLP (8-16-1, W ~ N(0, 1/fan_in), biases 0) fitting n = 100 Gaussian inputs with ' +
    'N(0, 1) labels, loss ½·mean of squared residuals, started at η·S₀/2 ∈ [0.3, 0.7] (S = λ_max(∇²L)): within 1500 steps the sharpness, ' +
    'measured every 10 steps, reaches η·S/2 ≥ 0.95, after a rise (least-squares slope of S over the measurements up to the crossing > 0) — ' +
    'on most network and data seeds (statistical; "typically", not always).',
  kind: 'statistical',
  hypotheses: [
    'fully connected tanh network, biases, scalar output, W ~ N(0, 1/fan_in), biases 0',
    'random N(0, 1) labels on Gaussian inputs (a task hard enough to sharpen)',
    'η·S₀/2 ∈ [0.3, 0.7]: GD starts below the edge',
    'float64 arithmetic (exact gradients and R-operator HVPs; sharpness by Lanczos to residual 1e-3·λ)',
  ],
  arbitrary: mlpEosInstances({ task: 'random-labels', kappa: [0.3, 0.7], steps: PS_STEPS, every: PS_EVERY }),
  check<T>(inst: MlpEosInstance, ctx: CheckContext<T>): Outcome {
    const run = trainedRun(inst, ctx, 'cohen.progressive-sharpening', true);
    if ('verdict' in run) return run;
    const ks = run.points.map((q) => q.kappa);
    const max = Math.max(...ks);
    const details = {
      eta: inst.lr,
      kappa0: fmt(run.kappa0, 4),
      maxKappa: fmt(max, 4),
      measurements: run.points.length,
      unconverged: run.unconverged,
      net: netLabel(inst),
    };
    if (run.cross < 0) {
      const last = run.points[run.points.length - 1];
      return ctx.violated({
        code: 'never_reached_edge',
        observed: max,
        bound: EDGE,
        margin: max - EDGE,
        step: last.t,
        details: { ...details, lossEnd: last.loss },
        message:
          `η·S/2 peaked at ${fmt(max)} < ${EDGE} over ${inst.steps} steps (float64, η = ${inst.lr}, η·S₀/2 = ${fmt(run.kappa0)}; ` +
          `loss ${run.points[0].loss.toExponential(2)} → ${last.loss.toExponential(2)}): no progressive sharpening to the edge`,
      });
    }
    const upTo = run.points.filter((q) => q.t <= run.cross);
    const rate = slope(
      upTo.map((q) => q.t),
      upTo.map((q) => (2 * q.kappa) / run.eta),
    );
    const margin = Math.min(max - EDGE, rate > 0 ? 1 : -1);
    if (!(rate > 0)) {
      return ctx.violated({
        code: 'no_rise',
        observed: rate,
        bound: 0,
        margin,
        step: run.cross,
        details,
        message: `η·S/2 reached ${fmt(max)} at step ${run.cross} but S did not rise on average (slope ${rate}) (float64)`,
      });
    }
    return ctx.holds({
      code: 'sharpened_to_edge',
      observed: max,
      bound: EDGE,
      margin,
      step: run.cross,
      details: { ...details, slope: rate },
      message: `η·S/2 rose from ${fmt(run.kappa0)} to ${fmt(max)} ≥ ${EDGE} by step ${run.cross} (float64, η = ${inst.lr}, slope of S ${rate.toExponential(2)}/step)`,
    });
  },
  negativeControl: {
    description:
      'the easy teacher task (labels from a network of the same shape, docs/claims/cohen.md [E]): the sharpness plateaus below the edge ' +
      '(measured: η·S/2 ≤ 0.95, mostly ≈ η·S₀/2), so the edge is never reached',
    arbitrary: mlpEosInstances({ task: 'teacher', kappa: [0.3, 0.7], steps: PS_STEPS, every: PS_EVERY }),
  },
  tolerance: { rel: TRACK_TOL },
  minHoldFraction: 0.75,
  runs: 20,
  ladder: ['f64'],
  rationale:
    'docs/claims/cohen.md: max ηS/2 ≥ 0.95 with a rising sharpness, statistical over seeds (CKLKT say "typically"). The M-MLP benchmark (§2.10 [E], ' +
    '8-32-1 tanh, n = 200) costs ~1.2 ms a GD step on the reference machine, so the claim runs the smallest configuration found that still ' +
    'sharpens robustly: 8-16-1 tanh (161 parameters), n = 100 random labels, ≤ 1500 steps, S measured every 10 steps, the run stopping at the ' +
    'crossing. MEASURED (harness seeds 1 and 7, 80 instances): 76 hold (0.95), crossing at steps 30–1060; the 4 failures all start at κ₀ ≤ 0.35 ' +
    'and converge (loss ~1e-3) with the sharpness plateauing at 0.72–0.91 of the edge — "typically", not always. ~0.1–0.3 s per instance. ' +
    'minHoldFraction 0.75 at 20 runs: a false alarm needs ≤ 14 of 20 at p = 0.95 (probability 3e-4). With 8-16-1 and n = 50 GD often ' +
    'interpolates before reaching the edge (measured). Control: on the teacher task ηS/2 stays ≈ κ₀ (peaks 0.32–0.69 on 10 instances; one of 12 in an exploratory scan peaked just below 0.95). The ' +
    'tolerance is the Lanczos residual (ηS/2 is a Ritz value, within 1e-3 relative below λ_max), far inside the 0.05 margin of the 0.95 test. ' +
    "Larger configuration for users (docs/claims/cohen.md M-MLP): mlpEosInstances({ task: 'random-labels', kappa: [0.3, 0.7], net: PAPER_MLP, " +
    'n: 200, steps: 5000, every: 20 }) in a claims file: 6 of 6 held (crossing at steps 80–1580), 0.6–2.2 s per instance.',
});

// ─── cohen.eos.hover ───────────────────────────────────────────────────────────────────────────

const HOVER_STEPS = 1500;
const HOVER_EVERY = 20;
/** Fraction of the post-crossing run discarded as burn-in. */
const BURN = 0.2;
const BAND = { lo: 0.97, hi: 1.05, max: 1.25, lossDrop: 0.1 } as const;

export const eosHover: Claim<MlpEosInstance> = defineClaim<MlpEosInstance>({
  id: 'cohen.eos.hover',
  notCertifiable: NETWORK_F64_ONLY,
  title: 'Edge of stability on a tanh MLP: once at 2/η the sharpness hovers there while the loss decreases non-monotonically',
  citation: {
    paper: COHEN,
    where:
      'abstract (the sharpness hovers at, or just above, 2/η while the loss keeps decreasing over long timescales, non-monotonically over short ones; ' +
      "as quoted by Damian et al.'s abstract) and §3 [R]; docs/claims/cohen.md",
    recalled: true,
  },
  statement:
    'Full-batch GD (float64) on the 8-16-1 tanh MLP fitting n = 100 random labels, η·S₀/2 ∈ [0.3, 0.7], run 1500 steps with S measured every 20: ' +
    'after the sharpness first reaches η·S/2 ≥ 0.95 at step T_c, over the measurements from T_c + 0.2·(1500 − T_c) on, the median of η·S/2 lies ' +
    'in [0.97, 1.05] and its maximum is ≤ 1.25; the loss rises at some step after T_c, and still falls long-term: L_1500 ≤ 0.1·L_{T_c} — ' +
    'on most seeds (statistical).',
  kind: 'statistical',
  hypotheses: [
    'fully connected tanh network, biases, scalar output, W ~ N(0, 1/fan_in), biases 0',
    'random N(0, 1) labels on Gaussian inputs',
    'η·S₀/2 ∈ [0.3, 0.7]',
    'the sharpness reaches η·S/2 ≥ 0.95 within the run, in its first half (else the hover window is too short): otherwise inconclusive',
    'float64 arithmetic; sharpness at the iterates θ_t (not midpoints, docs/claims/cohen.md)',
  ],
  arbitrary: mlpEosInstances({ task: 'random-labels', kappa: [0.3, 0.7], steps: HOVER_STEPS, every: HOVER_EVERY }),
  check<T>(inst: MlpEosInstance, ctx: CheckContext<T>): Outcome {
    const run = trainedRun(inst, ctx, 'cohen.eos.hover', false);
    if ('verdict' in run) return run;
    const T = run.losses.length - 1;
    const ks = run.points.map((q) => q.kappa);
    const base = { eta: inst.lr, kappa0: fmt(run.kappa0, 4), maxKappa: fmt(Math.max(...ks), 4), unconverged: run.unconverged, net: netLabel(inst) };
    // The hover is claimed once the edge is reached: a run that never gets there did not exercise the
    // claim (progressive sharpening is the other claim's business) — except in the negative control.
    ctx.assume(run.cross >= 0, 'edge_not_reached', `η·S/2 stayed below ${EDGE} (max ${fmt(Math.max(...ks))}) over ${T} steps: the hover was not exercised`);
    if (run.cross < 0) {
      let rises = 0;
      for (let t = 1; t <= T; t++) if (run.losses[t] > run.losses[t - 1]) rises++;
      const max = Math.max(...ks);
      return ctx.violated({
        code: 'never_reached_edge',
        observed: max,
        bound: EDGE,
        margin: max - EDGE,
        step: T,
        details: { ...base, rises, lossEnd: run.losses[T] },
        message:
          `η·S/2 stayed below ${EDGE} (max ${fmt(max)}) over ${T} steps and the loss rose at ${rises} steps (float64, η = ${inst.lr}, ` +
          `η·S₀/2 = ${fmt(run.kappa0)}): GD never reached the edge, so there is no hover`,
      });
    }
    ctx.assume(
      run.cross <= T / 2,
      'late_crossing',
      `the edge was reached at step ${run.cross}, after half of the ${T} steps: too short a window to measure the hover`,
    );
    const from = run.cross + BURN * (T - run.cross);
    const window = run.points
      .filter((q) => q.t >= from)
      .map((q) => q.kappa)
      .sort((a, b) => a - b);
    let rises = 0;
    for (let t = run.cross + 1; t <= T; t++) if (run.losses[t] > run.losses[t - 1]) rises++;
    const median = window[Math.floor(window.length / 2)];
    const max = window[window.length - 1];
    const drop = run.losses[T] / run.losses[run.cross];
    const details = {
      ...base,
      cross: run.cross,
      window: window.length,
      median,
      max,
      rises,
      lossCross: run.losses[run.cross],
      lossEnd: run.losses[T],
      lossRatio: drop,
    };
    const margin = Math.min(median - BAND.lo, BAND.hi - median, BAND.max - max, rises > 0 ? 1 : -1, BAND.lossDrop - drop);
    const where = `after the crossing at step ${run.cross} (float64, η = ${inst.lr}, ${window.length} measurements from step ${Math.ceil(from)})`;
    if (!(median >= BAND.lo && median <= BAND.hi && max <= BAND.max)) {
      return ctx.violated({
        code: 'no_hover',
        observed: median,
        bound: 1,
        margin,
        step: run.cross,
        details,
        message: `${where}: median η·S/2 = ${fmt(median, 4)} (band [${BAND.lo}, ${BAND.hi}]), max ${fmt(max, 4)} (≤ ${BAND.max})`,
      });
    }
    if (rises === 0) {
      return ctx.violated({ code: 'monotone_loss', observed: 0, bound: 1, margin, step: run.cross, details, message: `${where}: the loss never rose` });
    }
    if (!(drop <= BAND.lossDrop)) {
      return ctx.violated({
        code: 'loss_not_decreasing',
        observed: drop,
        bound: BAND.lossDrop,
        margin,
        step: run.cross,
        details,
        message: `${where}: L_end/L_cross = ${drop.toExponential(2)} > ${BAND.lossDrop}: the loss did not keep falling`,
      });
    }
    const e: EvidenceInput = {
      code: 'hovers',
      observed: median,
      bound: 1,
      margin,
      step: run.cross,
      details,
      message:
        `${where}: median η·S/2 = ${fmt(median, 4)}, max ${fmt(max, 4)}; ${rises} loss increases, yet L fell ${(1 / drop).toFixed(0)}× ` +
        `(${run.losses[run.cross].toExponential(2)} → ${run.losses[T].toExponential(2)})`,
    };
    return ctx.holds(e);
  },
  negativeControl: {
    description:
      'η ten times below the hypothesis (η·S₀/2 ∈ [0.03, 0.07]): the sharpness stays far below 2/η and the loss decreases ' +
      'monotonically (docs/claims/cohen.md [E]: 0 increases), so there is no edge and no hover',
    arbitrary: mlpEosInstances({ task: 'random-labels', kappa: [0.03, 0.07], steps: HOVER_STEPS, every: HOVER_EVERY }),
  },
  tolerance: { rel: TRACK_TOL },
  minHoldFraction: 0.6,
  runs: 12,
  ladder: ['f64'],
  rationale:
    'Bands of docs/claims/cohen.md (cohen.eos.hover; [E] median 1.000, max 1.018 on M-MLP at η ∈ {0.2, 0.4, 0.6}): median ηS/2 ∈ [0.97, 1.05], ' +
    'max ≤ 1.25, loss increases after the crossing, L_end ≤ 0.1·L_cross. The first 20% of the post-crossing run is discarded: ' +
    'right after the crossing the sharpness overshoots to 1.1–1.6 before settling (measured). Smallest configuration found to hold robustly: ' +
    '8-16-1 tanh, n = 100 random labels, 1500 steps, S every 20 steps (with 1000 steps a quarter of the seeds fail the loss-drop test; with ' +
    '8-16-1 on 4 inputs and n = 64 almost all do). MEASURED (harness seeds 1 and 7, 84 instances): 12 inconclusive (9 never reached the edge, ' +
    '3 reached it after step 750), 65 of the 72 exercised hold (0.90): medians 0.991–1.031, window maxima ≤ 1.240, hundreds of loss increases, ' +
    'L falling 11–300×; the 7 failures are late crossings (steps 380–660) with L_end/L_cross = 0.13–0.25 (5) or no loss increase (2). ' +
    '~0.4 s per instance (1.1 s on a loaded machine). minHoldFraction 0.6 at 12 runs (≈ 10 exercised): a false alarm (fraction < 0.6 at p = 0.9) has ' +
    'probability 2e-3 with 10 exercised, ≤ 1e-2 with 8–11. The tolerance is the Lanczos residual (1e-3 relative), well inside the bands. The small network oscillates ' +
    'more than M-MLP (window maxima up to 1.24 against 1.02–1.03). Larger configuration for users (docs/claims/cohen.md M-MLP): ' +
    "mlpEosInstances({ task: 'random-labels', kappa: [0.3, 0.7], net: PAPER_MLP, n: 200, steps: 6000, every: 50 }) in a claims file: 3 of 3 " +
    'exercised held (medians 1.000–1.003, maxima ≤ 1.033, L falling 16–315×; 1 of 4 never reached the edge), 5–11 s per instance; ' +
    'docs/claims/wang-roberts.md runs 30 000 steps with S every 200.',
});
