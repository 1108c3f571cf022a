import type { EquivalentMutant } from './mutationEquivalent.js';

/**
 * Equivalent mutants of the cubic-toy claims (src/claims/damian/fourStages.ts, constrainedTrajectory.ts,
 * odeConservedQuantity.ts, timeAverages.ts) and of src/claims/classical/classical.ts, with the reason none of them can change a verdict.
 */

const FOUR = 'src/claims/damian/fourStages.ts';

/** Stage (2)'s two sides are one quantity: |x⁺| − |x| = (|1 + ηỹ| − 1)·|x| up to an ulp, judged against the same 4·4096-ulp relative threshold. */
const ONE_QUANTITY =
  'stage (2) compares ∣x⁺∣ − ∣x∣ with ∣1 + ηỹ∣ − 1, one quantity (x⁺ = −(1 + ηỹ)x, up to an ulp) against the same relative threshold (4·4096 ulps of ∣x∣ and of 1): ' +
  'the sides disagree only if that ulp straddles the threshold, so the "unsure" branch and blow_up_iff are unreachable from the map';

const fourStages: readonly EquivalentMutant[] = [
  ...(
    [
      [24, '[]'],
      [25, '[]'],
      [172, '[]'],
    ] as const
  ).map(([line, replacement]) => ({
    file: FOUR,
    line,
    replacement,
    why: "the `steps` range of a generator: four-stages reads no step count (stage (6) runs its own T₁ + 2 steps), so the draws' verdicts do not depend on it",
  })),
  ...(
    [
      [56, 'true'],
      [56, 'margins.length >= 0'],
      [56, '{}'],
      [56, 'bound + observed'],
    ] as const
  ).map(([line, replacement]) => ({
    file: FOUR,
    line,
    replacement,
    why: 'every failure comes after stage (1) or (2) has pushed its margin, so `margins` is never empty there and the `{ margin: bound − observed }` branch is unreachable',
  })),
  {
    file: FOUR,
    line: 63,
    replacement: 'v >= 0',
    why: 'v = 0 has returned 0 on the line above (∣0∣ ≤ slack·scale, the scale being ≥ 0)',
  },
  ...(
    [
      [74, 'false'],
      [74, 'd >= slack * yScale + u'],
      [74, 'slack * yScale - u'],
      [75, 'slack / yScale'],
    ] as const
  ).map(([line, replacement]) => ({
    file: FOUR,
    line,
    replacement,
    why: 'at x = 0 the map computes ỹ⁺ = ỹ + η(α − 0), so ỹ⁺ − ỹ − ηα is two roundings of ∣ỹ∣ + ηα, far below slack·yScale − u (4095 ulps of the same size): sharpening_rate cannot fail',
  })),
  ...(
    [
      [85, 'true'],
      [85, 'grow === 0 && factor === 0'],
      [85, 'false'],
      [85, 'grow !== 0'],
      [85, 'factor !== 0'],
      [86, 'false'],
      [87, 'true'],
      [87, 'false'],
      [87, 'grow >= 0'],
      [87, 'grow <= 0'],
    ] as const
  ).map(([line, replacement]) => ({ file: FOUR, line, replacement, why: ONE_QUANTITY })),
  {
    file: FOUR,
    line: 92,
    replacement: 'false',
    why: "for −2 < ηỹ < 0, ∣1 + ηỹ∣ − 1 ∈ (−1, 0], so stage (2)'s margin (growth)·(∣1 + ηỹ∣ − 1) is at most −growth: pushing −growth never lowers the least margin",
  },
  {
    file: FOUR,
    line: 93,
    replacement: 'false',
    why: `for −2 < ηỹ < 0 the factor side is −1 or 0: grow > 0 there has returned blow_up_iff already, or is the straddle of line 85 (${ONE_QUANTITY})`,
  },
  {
    file: FOUR,
    line: 100,
    replacement: 'false',
    why:
      'the `above === 0` half: x² within 4·4096 ulps of δ² with the fall of ỹ decided needs ∣α − βδ²/2∣ past what the period-2 orbit allows ' +
      '(∣ỹ₂∣ = 2η∣α − βδ²/2∣ ≤ 8·4096 ulps of 1 + ηα, and the x error η²∣α − βδ²/2∣), so such a map fails period_two whichever way this branch goes',
  },
  ...(
    [
      [104, 'above >= 0'],
      [104, 'fall >= 0'],
    ] as const
  ).map(([line, replacement]) => ({
    file: FOUR,
    line,
    replacement,
    why: 'the wording of the self_stabilization_iff message, written only when both sides are decided (≠ 0), where `> 0` and `>= 0` agree',
  })),
  {
    file: FOUR,
    line: 118,
    replacement: 't <= 1_000_000',
    why: 'one more step of the stage-(6) loop only when T₁ ≥ 10⁶ and ỹ has not fallen by then: the verdict (no fall) is the same',
  },
  {
    file: FOUR,
    line: 128,
    replacement: 'false',
    why: 'with β > 0 ỹ falls once βx²/2 > α, long before ∣x∣ overflows, and with β = 0 an infinite x makes ỹ NaN, which never compares as a fall: the loop ends without a fall either way',
  },
  {
    file: FOUR,
    line: 130,
    replacement: 'true',
    why: 'T₁ ≥ 1, so the stage-(6) loop runs at least once and `drop` is always defined',
  },
];

const CONSTRAINED = 'src/claims/damian/constrainedTrajectory.ts';
const ODE = 'src/claims/damian/odeConservedQuantity.ts';

const constrainedAndOde: readonly EquivalentMutant[] = [
  {
    file: CONSTRAINED,
    line: 57,
    replacement: '{}',
    why:
      "the stepper's default divergence bound (DIVERGENCE_BOUND = 1e12) instead of none: θ† = (0, z†) moves by ηc a step up to the clamp (2/η − a₀)/b, " +
      'at most 20 from the start on the generators, so no run comes near it',
  },
  {
    file: ODE,
    line: 89,
    replacement: '{}',
    why:
      "the stepper's default divergence bound (DIVERGENCE_BOUND = 1e12) instead of none: E grows smoothly along the outward spiral, so it crosses the drift bound " +
      '10·ω·(1 + t/P)·E₀ (a few E₀) long before ∣θ∣ could reach 1e12',
  },
  {
    file: ODE,
    line: 125,
    replacement: 'm <= worst.m',
    why: 'only on an exact tie of the margin 1 − drift/bound between two steps: the evidence then names the later of two steps with the same margin; the verdict and the least margin (in the field) do not read it',
  },
  ...(
    [
      [51, 'PERIODS_MAX / k.period'],
      [120, 't * k.period'],
      [121, 'drift * E0'],
      [121, 'bound * E0'],
      [125, 'F.toNumber(e.E) * E0'],
      [134, 'instance.steps * k.period'],
    ] as const
  ).map(([line, replacement]) => ({
    file: ODE,
    line,
    replacement,
    why: "only a number inside a verdict's message; the verdict, its code, observed, bound, margin and details do not read it",
  })),
];

const AVERAGES = 'src/claims/damian/timeAverages.ts';

const timeAverages: readonly EquivalentMutant[] = [
  ...(
    [
      [40, 'false'],
      [105, 'false'],
    ] as const
  ).map(([line, replacement]) => ({
    file: AVERAGES,
    line,
    replacement,
    why: "the citation's `recalled` flag: metadata of the report, read by no check",
  })),
  ...(
    [
      [145, 'true'],
      [145, 'pred >= 0'],
    ] as const
  ).map(([line, replacement]) => ({
    file: AVERAGES,
    line,
    replacement,
    why: 'the prediction (η/2)⟨ỹ²⟩ is never negative, and at 0 (T = 1 from ỹ₀ = 0) meanY/pred is 0/0 = NaN, the same as the fallback',
  })),
  ...(
    [
      [153, 'Math.max(ratio - 0.5, 2 - ratio)'],
      [153, 'ratio + 0.5'],
      [153, '2 + ratio'],
      [153, 'false'],
    ] as const
  ).map(([line, replacement]) => ({
    file: AVERAGES,
    line,
    replacement,
    why:
      'the numeric margin of the naive reading is overridden by the band margin in the field whenever the prediction is > 0; at prediction 0 the ratio is NaN, ' +
      'so `ok` is false and only the other branch (−∣ln 1e-300∣) is taken, which these mutants do not change',
  })),
];

const classical: readonly EquivalentMutant[] = [112, 129, 201].map((line) => ({
  file: 'src/claims/classical/classical.ts',
  line,
  replacement: 'false',
  why: "the citation's `recalled` flag: metadata of the report, read by no check",
}));

export const TOY_EQUIVALENT_MUTANTS: readonly EquivalentMutant[] = [...fourStages, ...constrainedAndOde, ...timeAverages, ...classical];
