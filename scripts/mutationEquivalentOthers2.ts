import type { EquivalentMutant } from './mutationEquivalent.js';

/** Equivalent mutants of the Even et al., Agarwala et al. and Cohen et al. claim files, with the reason each cannot change a verdict. */
const COHEN = 'src/claims/cohen/cohen.ts';

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
  {
    file: COHEN,
    line: 31,
    replacement: 'false',
    why: 'with one point the least-squares slope is 0/0 (Σ(t − t̄)² = 0 and the numerator 0): NaN either way',
  },
  {
    file: COHEN,
    line: 41,
    replacement: 't + tBar',
    why: 'Σ(t + t̄)(l_t − l̄) = Σ(t − t̄)(l_t − l̄) + 2t̄·Σ(l_t − l̄), and Σ(l_t − l̄) = 0 up to rounding (1e-16 of |l|), far below the 1e-10 the rate is held to',
  },
  ...(['true', 't >= 0'] as const).map((replacement) => ({
    file: COHEN,
    line: 72,
    replacement,
    why: 'a step taken before the first reading fits the rate from c₁ … c_{T+1} instead of c₀ … c_T: a geometric sequence has the same rate from either start, and |1 − κ| < 2 over ≤ 200 steps cannot overflow at the extra step',
  })),
  {
    file: COHEN,
    line: 77,
    replacement: 'false',
    why: 'c is a sum of products of the iterate, finite whenever the stepper accepted the step: a non-finite iterate has ended the run on the line above',
  },
  ...(['ctx.tol.rel * Math.abs(predicted) - ctx.tol.abs', 'ctx.tol.rel / Math.abs(predicted)'] as const).map((replacement) => ({
    file: COHEN,
    line: 89,
    replacement,
    why:
      'the declared tolerance has no abs part, and the fit is exact but for rounding (≤ 1e-14 against 1e-10·|ln|1 − κ|| ≥ 3.9e-12, or 1e-10/|ln|1 − κ||): the double comparison ' +
      'decides the same, and the margin is computed in the field from the unmutated expression',
  })),
  ...(['true', 'false', 'err < tol'] as const).map((replacement) => ({
    file: COHEN,
    line: 108,
    replacement,
    why: 'c_t = (1 − κ)ᵗc₀ is exact, so the fitted rate differs from ln|1 − κ| by rounding only (≤ 1e-14), never by the 1e-10 relative the mismatch needs: the branch guards the check itself and no instance reaches it',
  })),
  ...(
    [
      [77, 'c is a sum of products of the iterate, finite whenever the stepper accepted the step: the block is unreachable'],
      [108, 'the rate-mismatch block is unreachable: the fit is off by rounding only (see the `err < tol` mutant of this line)'],
      [109, 'the rate-mismatch evidence is unreachable: the fit is off by rounding only (see the `err < tol` mutant of line 108)'],
    ] as const
  ).map(([line, why]) => ({ file: COHEN, line, replacement: '{}', why })),
  {
    file: COHEN,
    line: 161,
    replacement: 'false',
    why: "the check calls thresholdOf with the instance's method, heavy-ball or nesterov, never 'gd'",
  },
  ...(['Math.abs(ratio - 0.99) <= 1e-9', 'Math.abs(ratio - 1.01) <= 1e-9'] as const).map((replacement) => ({
    file: COHEN,
    line: 224,
    replacement,
    why: 'the ratio ηλ/threshold is a double computed from decimal texts: its distance from 0.99 or 1.01 equal to the double 1e-9 to the last bit is not reachable by an instance built to hit it',
  })),
  {
    file: COHEN,
    line: 310,
    replacement: '{}',
    why: 'the check compares with 1e-6·|θ₀| and 1e6·|θ₀| and does not read its tolerance; the declared ulps and the default are the same there',
  },
  ...[141, 188].map((line) => ({
    file: 'src/claims/agarwala/agarwala.ts',
    line,
    replacement: 'firstOver <= 0',
    why: 'firstOver is −1 until a crossing sets it to a step number s + 1 ≥ 1, never 0',
  })),
  {
    file: 'src/claims/agarwala/agarwala.ts',
    line: 89,
    replacement: '{}',
    why: 'a generated claim instance states s, where η was drawn between the edges, for the reader only: the check reads η from lr and never reads s',
  },
  {
    file: 'src/claims/agarwala/agarwala.ts',
    line: 252,
    replacement: '{}',
    why: 'the check compares η·λ with 2 and does not read its tolerance; the declared 0 and the default are the same there',
  },
];
