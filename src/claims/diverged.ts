import type { CheckContext, Outcome } from './claim.js';

/** A run that stopped before it could be judged: divergence is a verdict, with no number to report (and the step where one is known). */
export function diverged<T>(ctx: CheckContext<T>, code: string, message: string, step?: number): Outcome {
  return ctx.diverged({ code, message, observed: Number.NaN, bound: 0, margin: Number.NaN, ...(step !== undefined ? { step } : {}) });
}

/** A run that left the finite numbers at `step`. */
export function nonFinite<T>(ctx: CheckContext<T>, step: number, message: string): Outcome {
  return diverged(ctx, 'non_finite', message, step);
}
