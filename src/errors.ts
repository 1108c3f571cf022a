/**
 * Errors that a user caused (bad option, bad file, bad formula) carry a stable `code` and name the
 * option and the rule they broke, so the CLI can print one line and exit 2, and scripts can match
 * on the code rather than on prose.
 */
export class EoscheckError extends Error {
  readonly code: string;
  /** The CLI option (or input field) at fault, e.g. `--theta`; undefined when none applies. */
  readonly option: string | undefined;
  constructor(code: string, message: string, option?: string) {
    super(option !== undefined ? `${option}: ${message}` : message);
    this.name = 'EoscheckError';
    this.code = code;
    this.option = option;
  }
}

/** Bad usage or bad input: the CLI maps it to exit code 2. */
export class UsageError extends EoscheckError {
  constructor(message: string, option?: string, code = 'EOSCHECK_USAGE') {
    super(code, message, option);
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
