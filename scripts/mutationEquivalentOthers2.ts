import type { EquivalentMutant } from './mutationEquivalent.js';

/** Equivalent mutants of the Even et al., Agarwala et al. and Cohen et al. claim files, with the reason each cannot change a verdict. */
export const OTHERS2_EQUIVALENT_MUTANTS: readonly EquivalentMutant[] = [
  {
    file: 'src/claims/even/evenBias.ts',
    line: 47,
    replacement: 'new Array()',
    why: 'the back substitution assigns every z[i], i = n − 1 … 0, before returning, so a presized array and an empty one end with the same n entries',
  },
  {
    file: 'src/claims/even/eosFinalSharpness.ts',
    line: 40,
    replacement: '2 - EDGE_SLACK',
    why:
      'the upper arm 2 ± 1e-6 − γ·S_∞ is the smaller one only for a limit within 1e-6 of the edge, whose top-direction error contracts by at most 1 − 1e-6 a step: ' +
      'from an oscillating start the loss cannot fall to 1e-14 within the 20 000-step cap, so no converged run has it (measured: limits up to 1.9994, then no convergence)',
  },
  {
    file: 'src/claims/even/eosFinalSharpness.ts',
    line: 43,
    replacement: 'margin.margin <= 0',
    why: 'the margin is 0 only when the computed γ·S_∞ equals 1.97 to the last bit (the upper arm being positive on converged runs), which no decimal instance can be built to hit',
  },
  {
    file: 'src/claims/even/eosFinalSharpness.ts',
    line: 84,
    replacement: '{}',
    why: 'the check compares with the constant band [1.97, 2] and does not read its tolerance; the declared 0 and the default are the same there',
  },
  ...(['false', '{}'] as const).map((replacement) => ({
    file: 'src/claims/even/even.ts',
    line: 49,
    replacement,
    why: 'dlnInstances is never given a variant (the negative controls add theirs with a map), so the spread is {} either way',
  })),
  ...[163, 259].map((line) => ({
    file: 'src/claims/even/even.ts',
    line,
    replacement: 'm && F.from(margin)',
    why:
      'm is a field value: an f64 or decimal margin of exactly 0 gives F.from(margin) = 0 as well, and otherwise the least margin a holding identity reports is ' +
      'F.toNumber of it, the same double; only an interval enclosure would shrink to the point of the f64-computed margin, which lies on the same side of 0 as the ' +
      'enclosure for an identity whose errors (1e-16) are four orders below its slack',
  })),
];
