import type { EquivalentMutant } from './mutationEquivalent.js';

/**
 * Equivalent mutants of the Wang–Xu–Zhao–Tao files other than balancingInLr.ts and catapultInnerProduct.ts (src/claims/wangXuZhaoTao/),
 * of src/claims/classical/quadraticGdInstance.ts and of the Wang–Roberts rotation files, with the reason none of them can change a verdict.
 */

const RUNS = 'src/claims/wangXuZhaoTao/regularityRuns.ts';

const regularityRuns: readonly EquivalentMutant[] = [
  {
    file: RUNS,
    line: 80,
    replacement: 'Math.abs(r) <= CONVERGED',
    why: '|xᵀy − μ| after 4000 GD steps equal to the double nearest 1e-9 to the last bit: the two comparisons differ on no residual a run reaches',
  },
  {
    file: RUNS,
    line: 89,
    replacement: '{}',
    why:
      'Decimal at 20 digits instead of 40 for λ_GFS and κ/λ_GFS, both rounded to 15 digits: the two differ only at a rounding tie of the 15th digit ' +
      '(1 of 179 564 draws on a grid of the generator, e.g. (2.21, 0.54) at κ = 3.691), and then by 1e-15 relative in η, far inside every tolerance of the claims run on it',
  },
];

const identity: readonly EquivalentMutant[] = [
  {
    file: 'src/claims/wangXuZhaoTao/wangXuZhaoTao.ts',
    line: 150,
    replacement: '{}',
    why: 'innerProductInstances({}) reads `o.control` as undefined, which selects the claim generator as `control: false` does',
  },
  {
    file: 'src/claims/wangXuZhaoTao/wangXuZhaoTao.ts',
    line: 83,
    replacement: 'default:',
    why: "ellPrime's `default` (an unknown loss) is unreachable: the inner-product model, built first by ctx.model, rejects any loss but square, logcosh and quartic with a UsageError",
  },
];

/** wxzt.catapult's `above_edge` branch, after a counted rise, on a run that settled. */
const ABOVE_EDGE =
  'a settled uv run (|uv − 1| < 1e-12 three steps in a row) after a counted rise (L > 1e-24, |uv − 1| > 1.4e-12) has contracted r by |1 − ηλ_t| < 1 at its last steps, ' +
  'and λ_t moves by O(η|r|) ≈ 1e-12 there: η·S∞ ≥ 2 would need the run to end within ~1e-11 of the edge, which no start of the family, drawn or hand-made, does';

const catapult: readonly EquivalentMutant[] = (
  [
    [146, 'false'],
    [146, '{}'],
    [147, '{}'],
  ] as const
).map(([line, replacement]) => ({ file: 'src/claims/wangXuZhaoTao/uvTrajectories.ts', line, replacement, why: ABOVE_EDGE }));

const REG = 'src/claims/wangXuZhaoTao/regularity.ts';
const MESSAGE_ONLY =
  "only the text of a verdict's message (a run described, the step it diverged at); the verdict, its code, observed, bound, margin and details do not read it";

const regularity: readonly EquivalentMutant[] = [
  { file: REG, line: 14, replacement: '() => undefined', why: MESSAGE_ONLY },
  { file: REG, line: 16, replacement: 'r.lastT - 1', why: MESSAGE_ONLY },
  { file: REG, line: 40, replacement: 'r.lastT - 1', why: MESSAGE_ONLY },
  {
    file: REG,
    line: 41,
    replacement: 'observed <= NEAR',
    why: '|xy − 1| after 4000 GD steps equal to the double nearest 1e-4 to the last bit: the two comparisons differ on no residual a run reaches (converged runs end below 1e-12, the others far above)',
  },
  ...([79, 124, 181] as const).map((line) => ({
    file: REG,
    line,
    replacement: '{}',
    why: 'an empty tolerance resolves to rel 0, abs 0 (src/harness/checkContext.ts resolveTolerance), and the regularity checks read no ctx.tol: they compare with their constants NEAR, 1e-9 and EDGE_GAP, which the declared tolerance only documents',
  })),
  {
    file: REG,
    line: 151,
    replacement: 'gap > EDGE_GAP',
    why: 'a difference of two η·S∞ equal to the double nearest 0.02 to the last bit: the two comparisons differ on no pair of runs',
  },
];

const RATE = 'src/claims/wangXuZhaoTao/convergenceRate.ts';
/** Why the window never starts at k = 0. */
const NO_WINDOW_AT_0 =
  'the window needs |r_k| ≤ 1e-6, and r₀ = u₀v₀ − 1 has |r₀| ≥ 0.005 (start_on_minimizers is checked first; every draw has ≥ 0.01): ' +
  'the window starts at k ≥ 1, so first and worstStep are never 0 and `< 0` / `<= 0`, `>= 0` / `> 0` agree on them';

const rate: readonly EquivalentMutant[] = [
  { file: RATE, line: 75, replacement: 't - 1', why: "only the step printed in the verdict's message; its step, code and margin do not read it" },
  ...(
    [
      [95, 'first <= 0'],
      [98, 'worstStep <= 0'],
      [103, 'first > 0'],
      [104, 'first <= 0'],
    ] as const
  ).map(([line, replacement]) => ({ file: RATE, line, replacement, why: NO_WINDOW_AT_0 })),
  {
    file: RATE,
    line: 67,
    replacement: 'hitEps <= 0',
    why: 'hitEps is −1 until set to s + 1 ≥ 1: `hitEps < 0` and `hitEps <= 0` agree on every value it takes',
  },
  {
    file: RATE,
    line: 88,
    replacement: '+1',
    why: "worstStep's first value is overwritten at the window's first step unless that step's contraction equals ρ to the last bit (dev = 0 exactly), which no run reaches",
  },
  {
    file: RATE,
    line: 98,
    replacement: 'false',
    why: "`worstStep < 0` replaced by false: at the window's first step worst is 0 and `F.lt(worst, dev)` takes the step unless dev = 0 exactly, which no run reaches (the `false` set aside is that one; the whole condition's is killed)",
  },
  { file: RATE, line: 90, replacement: '+1', why: "`last`'s first value is never read: the check returns before the fit when no window step set it" },
  ...(
    [
      [116, 'true'],
      [116, 'rhoN >= 0'],
      [116, 'rhoN <= 1'],
    ] as const
  ).map(([line, replacement]) => ({
    file: RATE,
    line,
    replacement,
    why: 'ρ = |1 − η·S| exactly 0 or exactly 1 (η·S ∈ {0, 1, 2} to the last bit, S a square root of the decimal start and η 15 digits): the bounds `> 0`, `< 1` are never met with equality (the `true` set aside is the one replacing `rhoN > 0`; the others are killed)',
  })),
];

const GAP = 'src/claims/wangXuZhaoTao/gapBelowEdge.ts';
const GAP_MESSAGE =
  "only a number printed in the verdict's message (a step, η·S∞/2, the percentage below the edge); its code, observed, margin, step and details do not read it";

const gap: readonly EquivalentMutant[] = [
  ...(
    [
      [117, 't - 1'],
      [147, 'o * 2'],
      [150, 'o * 2'],
      [172, '(1 - o / 2) / 100'],
      [172, '1 + o / 2'],
      [172, 'o * 2'],
    ] as const
  ).map(([line, replacement]) => ({ file: GAP, line, replacement, why: GAP_MESSAGE })),
  ...([139, 154] as const).map((line) => ({
    file: GAP,
    line,
    replacement: 'm.margin >= 0',
    why: 'a margin (0.05 − |η·S∞/2 − 1| or 1.9 − η·S∞) of exactly 0 in doubles: a converged run would have to end with η·S∞ equal to 1.9, 1.9 or 2.1 to the last bit, which none does',
  })),
  {
    file: GAP,
    line: 205,
    replacement: '{}',
    why: 'an empty tolerance resolves to rel 0, abs 0, the same as { rel: 0 } (src/harness/checkContext.ts resolveTolerance), and the check reads no ctx.tol',
  },
];

const WR = 'src/claims/wangRoberts/wangRoberts.ts';
const WR_MESSAGE =
  "only the text of a verdict's message (an angle in degrees, a step, 'divergent' or 'convergent'); its code, observed, margin, step and details do not read it";
/** Why frameAt's two tests of a degenerate 2×2 frame agree. */
const DEGENERATE =
  'gap = 2ρ = 2√(d² + b²) is ≤ 0 exactly when d = b = 0, which is exactly when the chosen eigenvector is (0, 0): the two tests of a degenerate frame agree on every ' +
  'finite Hessian, and no caller passes another (the checks stop at a non-finite iterate or at |θ| ≥ 1e6 before computing a frame); ' +
  "(the `true` and `false` set aside replace one of the two tests; the whole condition's are killed)";
/** Why the running worst angle of wr.depth1.no-rotation does not depend on these. */
const WORST =
  "when the update's condition fails it would assign the same values (max(angle, worst) = worst, and the step kept), and at k = 0 the initial { 0, 0 } is what the " +
  'update gives unless angle > 0, which the other test takes: the condition only skips no-op updates; and the step is k whenever an update is taken for a larger angle ' +
  '(or at k = 0, where both choices give 0), so `true` or `>=` in its ternary picks the same step';

const wr: readonly EquivalentMutant[] = [
  {
    file: WR,
    line: 65,
    replacement: 'F.sign(d) > 0',
    why: 'at d = 0 the two closed forms give (|b|, b) and (b, |b|), the same line up to sign, and every caller compares lines (lineAngle, vectorAngle)',
  },
  ...(['() => undefined', 'false', 'true', '!(gap > 0) && top.every(x => x === 0)', 'gap >= 0'] as const).map((replacement) => ({
    file: WR,
    line: 70,
    replacement,
    why: DEGENERATE,
  })),
  { file: WR, line: 99, replacement: '{}', why: "the uv control without params: uv's target defaults to 1, the value it states" },
  {
    file: WR,
    line: 136,
    replacement: 'th.some(x => F.isFinite(x))',
    why: "gdStepper's step() already returns false once any component is non-finite (its state check rejects ±∞ and NaN whatever the divergence bound), so `stepped` catches it first",
  },
  ...(
    [
      [137, 'k - 1'],
      [151, 'angle * 180 * Math.PI'],
      [151, 'angle / 180'],
      [151, 'k - 1'],
      [165, 'true'],
      [165, 'false'],
      [165, 'kappa >= 2'],
      [165, 'kappa <= 2'],
    ] as const
  ).map(([line, replacement]) => ({ file: WR, line, replacement, why: WR_MESSAGE })),
  ...(['true', 'false', 'angle >= worst.observed', 'k !== 0'] as const).map((replacement) => ({ file: WR, line: 143, replacement, why: WORST })),
  {
    file: WR,
    line: 144,
    replacement: 'angle >= ctx.tol.rel',
    why: 'an angle between two computed eigenvectors equal to 4096 ulps (9.09e-13 rad) to the last bit: the two comparisons differ on no step',
  },
];

const EP = 'src/claims/wangRoberts/rotationEpisodes.ts';
/** Why the first row's missing observer values are never read. */
const FIRST_ROW =
  'the observer leaves rpeAngle, rpeCurvatureDrop and rpeGrowth null only at t = 0, and there prevLambda is NaN: that row is neither unstable (its growth is null, ' +
  'and null > 1 is false) nor counted as a stable step (t = startT), so its angle and relative drop are never read; the rotation claims run in f64 only, ' +
  'where F.toNumber passes null through; later rows have a finite positive λ₁';

const episodes: readonly EquivalentMutant[] = [
  ...(
    [
      [91, 'e.start + run.startT'],
      [93, 'endT + run.startT'],
    ] as const
  ).map(([line, replacement]) => ({
    file: EP,
    line,
    replacement,
    why: 'runRotation starts every run at θ₀ (startT = 0), so adding or subtracting startT indexes the same row',
  })),
  ...(
    [
      [107, 'false'],
      [107, 'f.rpeAngle === null && f.rpeAngle === undefined'],
      [108, 'false'],
      [108, 'f.rpeCurvatureDrop === null && f.rpeCurvatureDrop === undefined'],
      [109, 'true'],
      [109, 'Number.isFinite(prevLambda) || prevLambda !== 0'],
      [110, 'growth !== null || growth !== undefined'],
    ] as const
  ).map(([line, replacement]) => ({ file: EP, line, replacement, why: FIRST_ROW })),
  {
    file: EP,
    line: 110,
    replacement: 'F.toNumber(growth as T) >= 1',
    why: 'a growth ratio |u·∇L(θ_{t+1})|/|u·∇L(θ_t)| equal to 1 to the last bit: the two comparisons differ on no step',
  },
  {
    file: EP,
    line: 110,
    replacement: 'eta * prevLambda >= 2',
    why: 'η·λ₁ equal to 2 to the last bit (η is κ/S(θ̄) at 12 digits, λ₁ a computed eigenvalue of a perturbed point): the two comparisons differ on no step',
  },
  {
    file: EP,
    line: 114,
    replacement: 'relDrop >= dropFloor',
    why: 'a relative curvature drop equal to the floor to the last bit: the two comparisons differ on no step',
  },
  {
    file: EP,
    line: 146,
    replacement: '{}',
    why:
      'Decimal at 20 digits instead of 40 where θ and η are rounded to 12 digits (κ/S, x ± δ): the two differ only when digits 13–20 of κ/S(θ̄) sit at a rounding tie, ' +
      'about 1e-8 of the draws, and then by 1e-12 relative in η',
  },
  {
    file: EP,
    line: 162,
    replacement: 'run.rows[run.rows.length - 1].theta',
    why: "the copy of the settled θ̄ is only read (mapped into the perturbed start), never written: sharing the row's array changes nothing",
  },
];

const RC = 'src/claims/wangRoberts/rotationClaims.ts';
const TIE = 'equality to the last bit of two sums of computed angles or curvature drops (or of one and its floor): the two comparisons differ on no run';

const rotationClaims: readonly EquivalentMutant[] = [
  ...(
    [
      [36, 's.lastT - 1'],
      [61, 'least.start - least.length'],
      [163, 'big.lastT - 1'],
    ] as const
  ).map(([line, replacement]) => ({
    file: RC,
    line,
    replacement,
    why: "only a step printed in a verdict's or an assumption's message; codes, numbers and details do not read it",
  })),
  ...(
    [
      [59, 'e.rotation <= a.rotation'],
      [62, 'least.rotation > EPISODE_FLOOR'],
      [114, 'e.episodeRelDrop >= DROP_FLOOR'],
      [168, 'b >= a + ctx.tol.abs'],
    ] as const
  ).map(([line, replacement]) => ({ file: RC, line, replacement, why: TIE })),
  ...([102, 148] as const).map((line) => ({
    file: RC,
    line,
    replacement: '{}',
    why: 'an empty tolerance resolves to rel 0, abs 0, and these two checks read no ctx.tol: they compare with EPISODE_FLOOR and DROP_FLOOR, which the declared tolerance only documents',
  })),
];

export const REGULARITY_EQUIVALENT_MUTANTS: readonly EquivalentMutant[] = [
  ...rotationClaims,
  ...regularityRuns,
  ...identity,
  ...catapult,
  ...regularity,
  ...rate,
  ...gap,
  ...wr,
  ...episodes,
];
