import { Decimal } from 'decimal.js';
import type { Field, Mat, Vec } from '../numerics/field.js';
import { Interval } from '../numerics/interval.js';
import type { OptimizerState } from './optimizer.js';
import { gdRule, type UpdateRule } from './stepper.js';

/**
 * A point of the interval X (its midpoint, clamped into X), as a degenerate interval; undefined
 * when an end is not finite (there is no centre to expand about).
 *
 * Why clamp: the midpoint is rounded to a few more digits than X's ends, and rounding could push it
 * just outside X; the mean-value form below needs the centre inside X, where the Jacobian is enclosed.
 */
function centre(x: Interval): Interval | undefined {
  if (!x.lo.isFinite() || !x.hi.isFinite()) return undefined;
  if (x.isPoint()) return x;
  // Significant digits only (precision(true) would count an end's integer zeros, unbounded for a blown-up enclosure).
  const digits = Math.max(x.lo.precision(), x.hi.precision(), 20) + 2;
  const Mid = Decimal.clone({ precision: digits, rounding: Decimal.ROUND_HALF_EVEN });
  let c = new Mid(x.lo).plus(x.hi).div(2);
  if (c.lt(x.lo)) c = x.lo;
  if (c.gt(x.hi)) c = x.hi;
  return Interval.point(c);
}

/**
 * `rule` stepped in centred (mean-value) form in an interval field; `rule` itself in every other field.
 *
 * In plain interval arithmetic a map evaluated on an enclosure X loses the correlation between the
 * occurrences of θ (x − x³ on [−ε, ε] is not 0-wide), so the enclosure of an orbit widens at every
 * step even where the map contracts, and a long run of a stable map blows up. The mean-value theorem
 * gives G(X) ⊆ G(c) + J(X)·(X − c) for any c ∈ X, J the Jacobian of G enclosed over X: the width then
 * grows like ‖J‖·w + O(w²), i.e. with the orbit's own multiplier, so an orbit that converges (to a
 * point or a cycle) keeps an enclosure as tight as the working precision.
 *
 * For rules whose state is θ alone (gdRule, updateRule): G(c) is `rule.step` at θ = c. `jacobian(θ)`
 * must enclose ∂G/∂θ at every point of the boxes it is given. An enclosure with an infinite end is
 * stepped plainly (nothing to expand about); the result is an enclosure either way.
 */
export function centeredRule<T>(rule: UpdateRule<T>, jacobian: (theta: Vec<T>) => Mat<T>): UpdateRule<T> {
  const F = rule.F;
  if (F.precision.kind !== 'interval') return rule;
  return {
    F,
    init: rule.init,
    step(s: OptimizerState<T>): OptimizerState<T> {
      const X = s.theta as unknown as Interval[];
      const cs = X.map(centre);
      if (cs.some((c) => c === undefined)) return rule.step(s);
      const c = cs as unknown as T[];
      const at = rule.step({ ...s, theta: c });
      const J = jacobian(s.theta);
      const dx = s.theta.map((x, j) => F.sub(x, c[j]));
      const theta = at.theta.map((g, i) => J[i].reduce((acc, Jij, j) => F.add(acc, F.mul(Jij, dx[j])), g));
      return { ...at, theta };
    },
  };
}

/**
 * Gradient descent θ⁺ = θ − η·∇L(θ) (exactly `gdRule` outside interval fields), stepped in centred
 * form in an interval field with the Jacobian I − η·∇²L(θ).
 */
export function centeredGdRule<T>(F: Field<T>, grad: (theta: Vec<T>) => Vec<T>, hessian: (theta: Vec<T>) => Mat<T>, lr: T): UpdateRule<T> {
  return centeredRule(gdRule(F, grad, lr), (theta) => hessian(theta).map((row, i) => row.map((h, j) => F.sub(i === j ? F.one : F.zero, F.mul(lr, h)))));
}
