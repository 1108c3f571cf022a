/**
 * Errors that a user caused (bad option, bad file, bad formula) carry a stable `code` and name the
 * input and the rule they broke, so a front end can print one line (the CLI: exit 2), and scripts
 * can match on the code rather than on prose.
 *
 * The library names inputs in API terms — a parameter of the call (`theta`, `lr`, `data`, `params`,
 * `precision`, ...) — and never a command-line flag; the CLI alone maps `param` to its flags.
 */
export class EoscheckError extends Error {
  readonly code: string;
  /** The input at fault: an API parameter (e.g. `theta`), or a flag when the CLI throws; undefined when none applies. */
  readonly param: string | undefined;
  /** The message without the `param: ` prefix. */
  readonly detail: string;
  constructor(code: string, message: string, param?: string) {
    super(param !== undefined ? `${param}: ${message}` : message);
    this.name = 'EoscheckError';
    this.code = code;
    this.param = param;
    this.detail = message;
  }
}

/**
 * Code of the UsageError a check throws when it cannot run in interval arithmetic at all (a network
 * trained in float64): asked by the user it is bad usage; in a certification it is the reason the
 * failure stays uncertified.
 */
export const NOT_CERTIFIABLE = 'EOSCHECK_NOT_CERTIFIABLE';

/** Bad usage or bad input: the CLI maps it to exit code 2. */
export class UsageError extends EoscheckError {
  constructor(message: string, param?: string, code = 'EOSCHECK_USAGE') {
    super(code, message, param);
    this.name = 'UsageError';
  }
}

/** A numerical question that the chosen arithmetic cannot decide (e.g. the sign of an interval straddling 0). */
export class IndeterminateError extends EoscheckError {
  constructor(message: string) {
    super('EOSCHECK_INDETERMINATE', message);
    this.name = 'IndeterminateError';
  }
}

/**
 * A numerical routine did not reach its answer (an eigensolver that does not converge): the
 * instance is `inconclusive` (reason `numerical`), neither a verdict about a claim nor a bad input.
 */
export class NumericalError extends EoscheckError {
  constructor(message: string, code = 'EOSCHECK_NO_CONVERGENCE') {
    super(code, message);
    this.name = 'NumericalError';
  }
}

/**
 * A quantity (θ, the loss, a Hessian entry, an eigensolver's input, ...) is not finite, or beyond a
 * divergence bound: the model overflows the arithmetic or leaves its domain (1/x at 0, log at 0,
 * asin past 1). A trajectory turns it into a `diverged` event; `inspectPoint` lets it through, so
 * the CLI reports it in one line.
 */
export class NonFiniteError extends EoscheckError {
  /** What was not finite, e.g. `hessian`, `theta`. */
  readonly what: string;
  constructor(what: string, detail = 'is not finite') {
    super('EOSCHECK_NON_FINITE', `${what} ${detail}`);
    this.name = 'NonFiniteError';
    this.what = what;
  }
}
