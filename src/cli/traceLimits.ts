import { UsageError } from '../errors.js';
import { formatPrecision, type Precision } from '../numerics/precision.js';
import { denseWork } from '../spectral/denseLimit.js';

/** Most steps `trace` runs; the recorded rows are further capped by MAX_TRACE_ROWS. */
export const MAX_TRACE_STEPS = 10_000_000;
/** Most rows a trace records (each a JSON object with θ): beyond this, raise `--every`. */
export const MAX_TRACE_ROWS = 100_000;
/**
 * Dense eigendecompositions over a whole trace, in denseWork units: twice what one `inspect` may
 * cost (60 000 units is about 15 s of decimal Jacobi on this machine), so a trace stays well within
 * a minute in any precision.
 */
const TRACE_BUDGET = 2 * denseWork(39, { kind: 'dec', digits: 30 });
/** Decompositions per step of pgd and flow (the projection's Newton steps; the flow's step-size cap), a typical count. */
const PER_STEP_CURVATURE = 4;
/**
 * Least cost of a decomposition with the step around it (model calls, observers), in denseWork
 * units (one is about a quarter millisecond): small f64 problems are cheap but not free.
 */
const STEP_FLOOR = 0.4;

/**
 * Refuses a trace that would not end in useful time: every recorded step measures the sharpness
 * from a dense eigendecomposition, whose cost grows with the dimension and the digits, and pgd and
 * flow (`curvatureRule`, as the rule or as the reference) need them at every step too.
 */
export function checkTraceWork(dim: number, steps: number, every: number, p: Precision, curvatureRule: boolean): void {
  const rows = Math.floor(steps / every) + 1;
  if (rows > MAX_TRACE_ROWS)
    throw new UsageError(`${steps} steps recorded every ${every} is ${rows} rows, more than ${MAX_TRACE_ROWS}: raise --every`, '--every');
  const decompositions = rows + (curvatureRule ? PER_STEP_CURVATURE * steps : 0);
  const each = Math.max(STEP_FLOOR, denseWork(dim, p));
  if (decompositions * each > TRACE_BUDGET) {
    const most = Math.max(1, Math.floor(TRACE_BUDGET / each));
    throw new UsageError(
      `about ${decompositions} dense eigendecompositions of ${dim} coordinates in ${formatPrecision(p)}` +
        `${curvatureRule ? ' (pgd and flow need them at every step)' : ''} would take far too long; about ${most} fit: ` +
        'record fewer steps (raise --every or lower --steps), or use a lower precision',
      '--steps',
    );
  }
}
