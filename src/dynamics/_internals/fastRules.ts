/**
 * The optimizers built by gd, ngd, sqrtGd and momentum, so the f64 fast path (stepperF64) takes
 * only those: an object that merely carries the same id may step differently. @internal
 */
export const FAST_RULES = new WeakSet<object>();

/** Marks a built-in optimizer as one the fast path may replace, and returns it. @internal */
export function fastRule<O extends object>(opt: O): O {
  FAST_RULES.add(opt);
  return opt;
}
