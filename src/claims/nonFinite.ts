import type { CheckContext, Outcome } from './claim.js';

/** A run that left the finite numbers at `step`: divergence is a verdict, with no margin to report. */
export function nonFinite<T>(ctx: CheckContext<T>, step: number, message: string): Outcome {
  return ctx.diverged({ code: 'non_finite', message, observed: Number.NaN, bound: 0, margin: Number.NaN, step });
}
