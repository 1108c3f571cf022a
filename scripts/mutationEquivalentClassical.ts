import type { EquivalentMutant } from './mutationEquivalent.js';

/**
 * Equivalent mutants of the quadratic instance generator (src/claims/classical/quadraticGdInstance.ts), with the
 * reason none of them can change an instance's validity or a claim's verdict.
 */
const GEN = 'src/claims/classical/quadraticGdInstance.ts';
const CLASSICAL = 'src/claims/classical/classical.ts';

/**
 * On a quadratic GD's relative change (L_{t+1} − L_t)/(L_t − L*) is a mix of the rates (1 − ηλ_i)² − 1 weighted by each
 * direction's share of the excess loss, and the share moves to the slowest direction every step: the change rises
 * monotonically, so the tightest step of a monotone run, and the step closest to a rise of a run without one, is the last.
 */
const LAST_IS_TIGHTEST =
  'which step the evidence names as the tightest: on a quadratic the relative change rises every step (the excess loss shifts to the slowest direction), so the last step is the tightest under the original comparison and under this one alike (properties/papers/classicalClassical.test.ts pins the last of 30); the verdict and the margin (the least over all steps) do not read it';

export const CLASSICAL_EQUIVALENT_MUTANTS: readonly EquivalentMutant[] = [
  ...(['true', 'F.toNumber(margin) - c.bound <= F.toNumber(best.margin) - best.bound', 'F.toNumber(best.margin) + best.bound'] as const).map((replacement) => ({
    file: CLASSICAL,
    line: 91,
    replacement,
    why: LAST_IS_TIGHTEST,
  })),
  ...(['true', 'c.observed + c.bound >= best.observed + best.bound', 'best.observed - best.bound'] as const).map((replacement) => ({
    file: CLASSICAL,
    line: 173,
    replacement,
    why: LAST_IS_TIGHTEST,
  })),
  ...(['best === undefined && least === undefined', 'false'] as const).map((replacement) => ({
    file: CLASSICAL,
    line: 94,
    replacement,
    why: 'best and least are set together at every step, so either is undefined exactly when both are: one half of the test, or both joined by &&, decide alike (the whole test replaced by false is killed)',
  })),
  ...(['false', 'eRest < 0'] as const).map((replacement) => ({
    file: GEN,
    line: 78,
    replacement,
    why: 'the early return for eRest = 0 only shortcuts the formula: log(0) = −∞ makes ceil(−∞ / log1p(δ)) = −∞ and max(0, −∞) = 0, the same T*; eRest is a sum of squares, never negative',
  })),
  {
    file: GEN,
    line: 204,
    replacement: 'eta * values[k].toNumber() <= 2',
    why: 'differs only for a direction at exactly ηλ = 2 in doubles, where r = −1 and its energy neither grows nor decays: counting it in eRest only lengthens T*, and either horizon is one at which the loss must have risen',
  },
  {
    file: CLASSICAL,
    line: 152,
    replacement: 'eta * F.toNumber(s.values[i]) <= 2',
    why: 'differs only for a direction at exactly ηλ = 2 in doubles (r = −1, its energy constant): counting it in eRest only lengthens T*, so the hypothesis asks for more steps, never for a horizon at which the loss need not have risen',
  },
  ...([134, 135] as const).map((line) => ({
    file: GEN,
    line,
    replacement: 'maxDim + 1',
    why: 'a rotation plane index is taken mod p (the drawn dimension), so a wider range draws planes of the same set; every rotation is exact, so the certificate holds whatever the planes',
  })),
  ...(['{}', 'false'] as const).map((replacement) => ({
    file: GEN,
    line: 139,
    replacement,
    why: 'how many exact rotations compose the eigenbasis (at most 3 keeps the decimals short; with maxDim 1 every plane is the identity): any number gives an exactly orthonormal basis and a certified instance',
  })),
  {
    file: GEN,
    line: 142,
    replacement: 'true',
    why: 'draws a smoothness offset also when smoothness is `none`, where build never reads it (L = λ_max, no `smoothness` field)',
  },
  {
    file: GEN,
    line: 192,
    replacement: 'true',
    why: 'with smoothness `none` the offset is the constant 0, so λ_max·(1 − 0) is λ_max exactly (decimal arithmetic): the same L and η',
  },
];
