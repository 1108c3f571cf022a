import { orderFitDetails, type OrderFit } from '../numerics/orderFit.js';
import type { CheckContext, Outcome } from './claim.js';

/** What an order-of-convergence check decides on (see {@link judgeOrder}). */
export interface OrderJudgement {
  /** The error measured, as the messages name it. */
  readonly what: string;
  /** The fit of log error against log of the small parameter (numerics/orderFit.ts). */
  readonly fit: OrderFit;
  /** The small parameter's symbol in messages and details ('η', 'ε'). */
  readonly symbol: string;
  /** The stated order the slope's 95% interval must reach. */
  readonly order: number;
  /** The error allowed at the smallest rung. */
  readonly level: number;
  /** Further details for the evidence (run statistics). */
  readonly details?: Record<string, string | number>;
  /** Appended to every message after a dash. */
  readonly note?: string;
}

/**
 * The verdict of an asymptotic statement checked as an order of convergence, three-way:
 * - `violated`: `order_too_low` when the slope's 95% interval lies below the stated order, else
 *   `error_too_large` when the error at the smallest rung exceeds the level;
 * - `inconclusive` (`order_undetermined`) when the interval reaches the order but also contains 0
 *   (lo ≤ 0): the ladder has not shown that the error shrinks at all, so reaching the order says
 *   nothing — a holds there would hide what the fit could not see;
 * - `holds` (`order_reached`) when the interval reaches the order and lies above 0, and the error at
 *   the smallest rung is within the level.
 * Margins in doubles (a fit is not an interval computation). The undetermined case goes through
 * `ctx.assume` (reason `hypotheses`, the fit in the message); in a negative control, where `assume`
 * does not stop the check, it is `uncertain`, so a control is never counted as failing on it.
 */
export function judgeOrder<T>(ctx: CheckContext<T>, j: OrderJudgement): Outcome {
  const { fit, order, level, symbol } = j;
  const smallest = fit.rungs[fit.rungs.length - 1];
  const last = smallest.error;
  const details = { ...orderFitDetails(fit, symbol), ...j.details };
  const note = j.note !== undefined && j.note !== '' ? ` — ${j.note}` : '';
  const fitText = `${j.what}: slope ${fit.slope.toFixed(2)} [${fit.lo.toFixed(2)}, ${fit.hi.toFixed(2)}] in ${symbol}`;
  if (!(fit.hi >= order)) {
    return ctx.violated({
      code: 'order_too_low',
      message: `${fitText}, the 95% interval lies below order ${order}${note}`,
      observed: fit.hi,
      bound: order,
      margin: fit.hi - order,
      details,
    });
  }
  if (!(last <= level)) {
    return ctx.violated({
      code: 'error_too_large',
      message: `${fitText}, but the error at ${symbol} = ${smallest.eps} is ${last.toExponential(2)} > ${level}${note}`,
      observed: last,
      bound: level,
      margin: level - last,
      details,
    });
  }
  if (!(fit.lo > 0)) {
    const message =
      `${fitText}: the 95% interval contains 0, so the ladder does not show the error shrinking and order ${order} is undetermined ` +
      `(errors ${details.fitRungs})${note}`;
    ctx.assume(false, ORDER_UNDETERMINED, message);
    return ctx.uncertain({ code: ORDER_UNDETERMINED, message, observed: fit.lo, bound: 0, margin: fit.lo, details });
  }
  return ctx.holds({
    code: 'order_reached',
    message: `${fitText} (interval reaches order ${order}); error ${last.toExponential(2)} ≤ ${level} at the smallest ${symbol}${note}`,
    observed: fit.hi,
    bound: order,
    margin: Math.min(fit.hi - order, 1 - last / level),
    details,
  });
}

/** The inconclusive code of a fit whose interval reaches the order but contains 0 (judgeOrder). */
export const ORDER_UNDETERMINED = 'order_undetermined';
