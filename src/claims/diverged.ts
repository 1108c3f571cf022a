import type { CheckContext, Evidence, Outcome } from './claim.js';

/** A run that stopped before it could be judged: divergence is a verdict, with no number to report (and the step where one is known). */
export function diverged<T>(ctx: CheckContext<T>, code: string, message: string, step?: number): Outcome {
  return ctx.diverged({ code, message, observed: Number.NaN, bound: 0, margin: Number.NaN, ...(step !== undefined ? { step } : {}) });
}

/** A run that left the finite numbers at `step`. */
export function nonFinite<T>(ctx: CheckContext<T>, step: number, message: string): Outcome {
  return diverged(ctx, 'non_finite', message, step);
}

/**
 * A run that did not settle: `diverged`, or `not_converged` for one still moving when its steps ran
 * out. `verdict` says what that means for the claim: `violated` where the claim says GD converges,
 * `diverged` where converging is only what the check needs. No number to report: margin −1.
 */
export function unsettled<T>(
  ctx: CheckContext<T>,
  verdict: 'violated' | 'diverged',
  runDiverged: boolean,
  e: { readonly bound: number; readonly step: number; readonly details?: Evidence['details']; readonly message: string },
): Outcome {
  const { bound, step, details, message } = e;
  const code = runDiverged ? 'diverged' : 'not_converged';
  return ctx[verdict]({ code, observed: Number.NaN, bound, margin: -1, step, ...(details !== undefined ? { details } : {}), message });
}
