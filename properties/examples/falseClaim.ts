/**
 * A deliberately FALSE claim, as a user would register it: `eoscheck check --claims
 * properties/examples/falseClaim.ts`. It says GD on a quadratic is monotone for every η < 3/λ_max;
 * the truth is η < 2/λ_max, so the harness must report it violated, with a counterexample shrunk
 * to κ = η·λ_max just above 2. Used by the acceptance tests of the harness.
 */
import { checkMonotoneLoss, defineClaim, quadraticGdInstance, type QuadraticGdInstance } from '../../src/claims/index.js';

export const monotoneBelowThree = defineClaim<QuadraticGdInstance>({
  id: 'example.quadratic.monotone-below-3-over-lambda',
  title: 'FALSE on purpose: GD on a quadratic is monotone for every η < 3/λ_max',
  citation: { paper: 'none: a deliberately wrong variant of the classical 2/λ_max threshold', where: 'eoscheck acceptance example' },
  statement: 'For L(θ) = ½θᵀAθ − bᵀθ with A ⪰ 0 and 0 < η·λ_max < 3, GD never increases the loss. (Wrong: the threshold is 2.)',
  kind: 'forall',
  hypotheses: ['A symmetric positive semi-definite', 'κ = η·λ_max ∈ (0, 3)'],
  // Shrinking moves κ toward the low end, so the smallest failing κ, just above 2, is what remains.
  arbitrary: quadraticGdInstance({ kappa: [0, 3], toward: 'lo', start: 'any', steps: [1, 100] }),
  check: (instance, ctx) => checkMonotoneLoss(instance, ctx, 3),
  negativeControl: {
    description: 'κ ∈ (2, 3) from a start along q_max, past the horizon: the loss rises',
    arbitrary: quadraticGdInstance({ kappa: [2, 3], start: 'top', steps: 'until-increase' }),
  },
  tolerance: { ulps: 4096 },
  rationale: 'the slack of the classical monotone claim: 9.1e-13 relative in f64, 4.1e-36 at dec:40',
});

export default monotoneBelowThree;
