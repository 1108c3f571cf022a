/**
 * Mutants that cannot change any verdict, with the reason: `npm run mutation` sets them aside from
 * the score and lists them in docs/mutation.md. `line` and `replacement` identify the mutant as
 * Stryker reports it (1-based line, the replacement source text).
 */
import { ARORA_EQUIVALENT_MUTANTS } from './mutationEquivalentArora.js';
import { CLASSICAL_EQUIVALENT_MUTANTS } from './mutationEquivalentClassical.js';
import { TOY_EQUIVALENT_MUTANTS } from './mutationEquivalentToy.js';
import { REGULARITY_EQUIVALENT_MUTANTS } from './mutationEquivalentRegularity.js';
import { SHARED_EQUIVALENT_MUTANTS } from './mutationEquivalentShared.js';
import { OTHERS1_EQUIVALENT_MUTANTS } from './mutationEquivalentOthers1.js';
import { OTHERS2_EQUIVALENT_MUTANTS } from './mutationEquivalentOthers2.js';

export interface EquivalentMutant {
  readonly file: string;
  readonly line: number;
  readonly replacement: string;
  readonly why: string;
}

export const EQUIVALENT_MUTANTS: readonly EquivalentMutant[] = [
  ...TOY_EQUIVALENT_MUTANTS,
  ...ARORA_EQUIVALENT_MUTANTS,
  ...REGULARITY_EQUIVALENT_MUTANTS,
  ...CLASSICAL_EQUIVALENT_MUTANTS,
  ...SHARED_EQUIVALENT_MUTANTS,
  ...OTHERS1_EQUIVALENT_MUTANTS,
  ...OTHERS2_EQUIVALENT_MUTANTS,
  {
    file: 'src/claims/damian/reducedMap.ts',
    line: 69,
    replacement: 'true',
    why: 'the ỹ bound per·t·(|a₀ + b·z| + 2/η + …) and the x bound per·t·(|x| + |x̂|) + u·1e-300 are > 0 at every step, so `bound > 0` is always true and its else-branch (`err > 0 ? Infinity : 0`) is unreachable',
  },
  {
    file: 'src/claims/damian/reducedMap.ts',
    line: 69,
    replacement: 'bound >= 0',
    why: 'the ỹ bound per·t·(|a₀ + b·z| + 2/η + …) and the x bound per·t·(|x| + |x̂|) + u·1e-300 are > 0 at every step, so `bound > 0` is always true and its else-branch (`err > 0 ? Infinity : 0`) is unreachable',
  },
  {
    file: 'src/claims/damian/reducedMap.ts',
    line: 69,
    replacement: 'false',
    why: 'the ỹ bound per·t·(|a₀ + b·z| + 2/η + …) and the x bound per·t·(|x| + |x̂|) + u·1e-300 are > 0 at every step, so `bound > 0` is always true and its else-branch (`err > 0 ? Infinity : 0`) is unreachable (two `false` mutants: the NoCoverage one in that branch, and the one in the condition, which ranks every nonzero error alike as `bound <= 0` does, below)',
  },
  {
    file: 'src/claims/damian/reducedMap.ts',
    line: 69,
    replacement: 'err >= 0',
    why: 'the ỹ bound per·t·(|a₀ + b·z| + 2/η + …) and the x bound per·t·(|x| + |x̂|) + u·1e-300 are > 0 at every step, so `bound > 0` is always true and its else-branch (`err > 0 ? Infinity : 0`) is unreachable',
  },
  {
    file: 'src/claims/damian/reducedMap.ts',
    line: 69,
    replacement: 'err <= 0',
    why: 'the ỹ bound per·t·(|a₀ + b·z| + 2/η + …) and the x bound per·t·(|x| + |x̂|) + u·1e-300 are > 0 at every step, so `bound > 0` is always true and its else-branch (`err > 0 ? Infinity : 0`) is unreachable',
  },
  ...(['true', 'false', "what !== 'x'"] as const).map((replacement) => ({
    file: 'src/claims/damian/reducedMap.ts',
    line: 76,
    replacement,
    why: "only the mismatch message's wording: whether it prints GD's and the map's x or their ỹ; the verdict, the step, the numbers and the margin do not read it",
  })),
  {
    file: 'src/claims/damian/reducedMap.ts',
    line: 80,
    replacement: 'ratio >= worst.ratio',
    why: 'on a tie of the error-to-bound ratio the holds evidence names the later of two equally bad steps; the ratio it reports, the verdict and the margin (from `least`) are the same',
  },
  {
    file: 'src/claims/damian/reducedMap.ts',
    line: 69,
    replacement: 'bound <= 0',
    why: 'the ratio only picks the step the holds evidence names: with it every nonzero error ranks alike, so the first such step is named instead of the worst; the verdict (F.lt(boundF, errF)) and the margin (`least`, the least margin over all steps in the field) do not read it',
  },
  {
    file: 'src/claims/arora/sharpnessAlongFlow.ts',
    line: 36,
    replacement: '1e-6 - ctx.tol.rel',
    why: 'the declared tolerance is { rel: 0 } with no ulps, so ctx.tol.rel is 0 at every precision and 1e-6 − 0 = 1e-6 + 0',
  },
  {
    file: 'src/claims/arora/sharpnessAlongFlow.ts',
    line: 85,
    replacement: '{}',
    why: 'a tolerance {} resolves like { rel: 0 }: rel 0, abs 0 and no ulps at every precision (harness/checkContext.ts), so every comparison is the same',
  },
  {
    file: 'src/claims/arora/sharpnessAlongFlow.ts',
    line: 21,
    replacement: '{}',
    why: "the check reads `instance.sample === 'iterate'`: a claim instance without `sample` is sampled at the projection, as with 'projection'",
  },
  ...(['true', 'false', 'every !== 1'] as const).map((replacement) => ({
    file: 'src/claims/arora/sharpnessAlongFlow.ts',
    line: 61,
    replacement,
    why: 'only the plural of "step" in the violation message',
  })),
  {
    file: 'src/claims/arora/sharpnessAlongFlow.ts',
    line: 66,
    replacement: 'bound - observed <= worst.margin',
    why: "on a tie of two samples' margins the holds evidence names the later one, with the same observed rise and margin; the verdict does not read it",
  },
  ...(['true', 'false', 'least === undefined'] as const).map((replacement) => ({
    file: 'src/claims/arora/sharpnessAlongFlow.ts',
    line: 75,
    replacement,
    why:
      'every run takes at least 2 samples, so `least` is always defined (`true`); without ctx.margin(least) the margin is worst.margin, the same double at f64 ' +
      '(bound − observed of the same sample) and at dec:N its value rounded once more; the enclosure it drops is never reported, since at interval:N the check ' +
      'stops as indeterminate on the way (an interval compared with 0 contains it)',
  })),
  {
    file: 'src/claims/classical/quadraticGd.ts',
    line: 49,
    replacement: 'true',
    why: "the conjunct theta.length === p (the other conjuncts' `true` mutants are killed): ctx.model(instance) already refuses a θ whose length is not A's (the quadratic model's UsageError), so the conjunct is never false here",
  },
  {
    file: 'src/claims/classical/quadraticGd.ts',
    line: 129,
    replacement: '["Stryker was here"]',
    why: "g's initial value is never read: each step assigns g = ∇L(θ_t) before run.step() reads it through the rule",
  },
  ...(
    [
      [84, 'Math.abs(s.x) * s.delta'],
      [126, 'true'],
      [126, 'false'],
      [126, "variant !== 'no-x2'"],
      [127, 'k.delta * k.delta * eta'],
      [127, 'k.delta / k.delta'],
      [128, '(meanL - meanX) * meanX'],
      [128, 'meanL + meanX'],
      [137, 'n * k.period'],
      [137, '(meanL - meanX) * meanX'],
      [137, 'meanL + meanX'],
    ] as const
  ).map(([line, replacement]) => ({
    file: 'src/claims/damian/timeAveragedLoss.ts',
    line,
    replacement,
    why: "only a number or a choice of wording inside a verdict's message; the verdict, its code, observed, bound, margin and details do not read it",
  })),
  {
    file: 'src/claims/damian/timeAveragedLoss.ts',
    line: 42,
    replacement: '{}',
    why: 'readTrack reads `o.exact` only as a condition: undefined takes the same branch as `exact: false` (the toy or its perturbation)',
  },
  ...(
    [
      [65, 't0 <= 0'],
      [95, 't0 > 0'],
    ] as const
  ).map(([line, replacement]) => ({
    file: 'src/claims/damian/timeAveragedLoss.ts',
    line,
    replacement,
    why: 't0 is −1 until the first visited step and then that step, which is at least 1 (runBeside looks for θ† on the edge from t = 1 on): it is never 0',
  })),
  {
    file: 'src/claims/damian/timeAveragedLoss.ts',
    line: 89,
    replacement: 'res / X >= worstPt.ratio',
    why: "on a tie of two steps' ratios the pointwise holds evidence names the later step, with the same ratio, margin and verdict",
  },
  ...(['{}', '1 + RATIO'] as const).map((replacement) => ({
    file: 'src/claims/wangXuZhaoTao/balancingInLr.ts',
    line: 72,
    replacement,
    why: 'the check compares the ratio with RATIO itself and never reads ctx.tol: the declared tolerance only documents that allowance (eoscheck list)',
  })),
  {
    file: 'src/claims/arora/codimTwoEos.ts',
    line: 69,
    replacement: '2 / PAIRS',
    why: "the note judgeOrder appends to the verdict's message only; the verdict, observed, bound, margin and details do not read it",
  },
  {
    file: 'src/claims/arora/codimTwoEos.ts',
    line: 80,
    replacement: '2 / PAIRS',
    why: "a number in the claim's statement text, which no check reads",
  },
  {
    file: 'src/claims/arora/codimTwoEos.ts',
    line: 94,
    replacement: '{}',
    why: 'a tolerance {} resolves like { rel: 0 }: rel 0, abs 0 and no ulps at every precision (harness/checkContext.ts), and the check reads none of them',
  },
  {
    file: 'src/claims/wangXuZhaoTao/catapultInnerProduct.ts',
    line: 103,
    replacement: '{}',
    why: 'a tolerance {} resolves like { abs: 0 }: rel 0, abs 0 and no ulps at every precision (harness/checkContext.ts), and the check reads none of them',
  },
  {
    file: 'src/claims/wangXuZhaoTao/catapultInnerProduct.ts',
    line: 71,
    replacement: 'true',
    why: "only the wording of the verdict's message (whether it describes a catapult); the verdict, its code, observed, bound, margin and details do not read it",
  },
  ...(
    [
      [14, 'x * 180 * Math.PI'],
      [14, 'x / 180'],
      [14, '() => undefined'],
      [101, '() => undefined'],
      [111, '() => undefined'],
      [123, 'true'],
      [123, 'false'],
      [123, 'swaps !== 1'],
    ] as const
  ).map(([line, replacement]) => ({
    file: 'src/claims/wangRoberts/swapIsNotRotation.ts',
    line,
    replacement,
    why: "only an angle in degrees, a phrase or a plural inside a verdict's message; the verdict, its code, step, observed, bound, margin and details do not read it",
  })),
  {
    file: 'src/claims/wangRoberts/swapIsNotRotation.ts',
    line: 30,
    replacement: '{}',
    why: "the uv model's target defaults to 1 (models/uv.ts), the target these params state",
  },
  ...(
    [
      [
        24,
        'fc.record({\n  u: decimalText(0.2, 1.3, 2),\n  off: decimalText(0.2, 0.8, 2),\n  lr: decimalText(0.25, 1.4, 2),\n  steps: fc.integer({\n    min: 20,\n    max: 200\n  })\n})',
      ],
      [26, 'true'],
      [26, 'Math.abs(Number(u) ** 2 - 1) > 0.05'],
      [26, 'Math.abs(Number(u) ** 2 - 1) < 0.05'],
      [26, 'Number(u) ** 2 + 1'],
    ] as const
  ).map(([line, replacement]) => ({
    file: 'src/claims/wangRoberts/swapIsNotRotation.ts',
    line,
    replacement,
    why:
      'they only admit, or keep only, starts with u₀² within 0.05 of 1 (next to the minimizer u = 1; on the 2-decimal grid u₀² is never exactly 0.95 or 1.05): the identity is exact on every ' +
      'balanced start (u = v at every η, eigenvectors (1, ±1)/√2), so those draws hold as the others do (u₀ = 1: no swap, angle 0), and off the balanced set the frame moves for them too',
  })),
  ...(
    [
      [67, '() => undefined'],
      [68, 'a.lr / a.S'],
      [68, 'b.lr / b.S'],
    ] as const
  ).map(([line, replacement]) => ({
    file: 'src/claims/wangRoberts/flatteningInLr.ts',
    line,
    replacement,
    why: "only the text of a verdict's message (describe); the verdict, its code, observed, bound, margin and details do not read it",
  })),
  ...(
    [
      [114, '{}'],
      [114, '1 + RATIO'],
      [154, '{}'],
    ] as const
  ).map(([line, replacement]) => ({
    file: 'src/claims/wangRoberts/flatteningInLr.ts',
    line,
    replacement,
    why: 'the checks compare with RATIO and 0 themselves and never read ctx.tol: the declared tolerance only documents that allowance (eoscheck list)',
  })),
];
