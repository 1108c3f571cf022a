import type { EquivalentMutant } from './mutationEquivalent.js';

/**
 * Equivalent mutants of the Zhu, Lewkowycz, Kreisler and Chen claims (src/claims/zhu, lewkowycz, kreisler, chen),
 * with the reason none of them can change a verdict.
 */

const LEWKOWYCZ = 'src/claims/lewkowycz/lewkowycz.ts';

/** λ⁺ − λ and (ηf²/m)(ηλ − 4) are one quantity of the computed iterate: the increment identity is exact for GD on uv. */
const EXACT_INCREMENT =
  'λ⁺ − λ equals (ηf²/m)(ηλ − 4) for every GD step of uv with y = 0 (exact identity); both are computed from the same iterate and differ by a few ulps of λ⁺ + λ at every ' +
  'precision, so no instance reaches the 4096-ulp increment_mismatch branch (the monotonicity branch after it decides every failure)';

export const OTHERS1_EQUIVALENT_MUTANTS: readonly EquivalentMutant[] = [
  { file: LEWKOWYCZ, line: 137, replacement: 'false', why: EXACT_INCREMENT },
  { file: LEWKOWYCZ, line: 137, replacement: '{}', why: EXACT_INCREMENT },
  {
    file: LEWKOWYCZ,
    line: 125,
    replacement: 't - 1',
    why: "only the step named in the divergence message; the verdict's step (the other t + 1 on the line), code and margin do not read it",
  },
  {
    file: 'src/claims/lewkowycz/catapultWindow.ts',
    line: 42,
    replacement: 'Math.abs(F.toNumber(fl(F, th, m).f)) >= 1e6',
    why: '> and >= differ only at |f| = 1e6 exactly in doubles, which no run meets: f is a sum of products over √m that, past the window, grows by a factor above 3 per step, jumping over any one value',
  },
  {
    file: 'src/claims/chen/chaos.ts',
    line: 17,
    replacement: '{}',
    why: "the stepper's default divergence bound (1e12) instead of none: an orbit is flagged at |z| > 1e6 first, and a step that jumps past 1e12 at once makes the stepper stop at that same step, so both end in the same escape at the same step",
  },
  {
    file: 'src/claims/chen/chaos.ts',
    line: 31,
    replacement: 'Math.abs(F.toNumber(x)) >= 1e6',
    why: '> and >= differ only at |z| = 1e6 exactly in doubles, which no orbit meets: past the invariant interval |z| grows by a factor near a·z² per step, jumping over any one value',
  },
  {
    file: 'src/claims/chen/chaos.ts',
    line: 74,
    replacement: '{}',
    why: 'a tolerance {} resolves like { abs: 0 }: rel 0, abs 0 and no ulps at every precision (harness/checkContext.ts), and the check reads none of them',
  },
  {
    file: 'src/claims/lewkowycz/catapultWindow.ts',
    line: 98,
    replacement: 't - 1',
    why: "only the step count inside the catapult's message; the verdict, its code, step, observed, margin and details do not read it",
  },
  {
    file: 'src/claims/lewkowycz/catapultWindow.ts',
    line: 126,
    replacement: '{}',
    why: 'a tolerance {} resolves like { rel: 0 }: rel 0, abs 0 and no ulps at every precision (harness/checkContext.ts), and the check reads none of them',
  },
  {
    file: 'src/claims/lewkowycz/catapultWindow.ts',
    line: 62,
    replacement: 'true',
    why: 'the `fAbs !== undefined` of the margin: in doubles the other conjunct (interval) is false, and in interval arithmetic a step that left the finite range (fAbs undefined) has already returned enclosure_blew_up above, so it is always true where it is read',
  },
];
