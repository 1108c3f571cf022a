import { EoscheckError } from '../errors.js';

/**
 * A quantity of a trajectory (θ, the loss, the Hessian, ...) is not finite, or beyond the run's
 * divergence bound. The runner turns it into a `diverged` event and ends the run there; it never
 * escapes `runTrajectory`.
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
