import { UsageError } from '../errors.js';
import { formatPrecision, type Precision } from '../numerics/precision.js';
import { denseWork } from '../spectral/denseLimit.js';

/** Most steps `trace` runs; the recorded rows are further capped by MAX_TRACE_ROWS. */
export const MAX_TRACE_STEPS = 10_000_000;
/** Most rows a trace records (each a JSON object with θ): beyond this, raise `--every`. */
export const MAX_TRACE_ROWS = 100_000;
/**
 * Dense eigendecompositions over a whole trace, in denseWork units: twenty times what one `inspect`
 * may cost, so a trace stays within about a minute in any precision.
 */
const TRACE_BUDGET = 20 * denseWork(39, { kind: 'dec', digits: 30 });

/**
 * Refuses a trace that would not end in useful time: every recorded step measures the sharpness
 * from a dense eigendecomposition, whose cost grows with the dimension and the digits.
 */
export function checkTraceWork(dim: number, steps: number, every: number, p: Precision): void {
  const rows = Math.floor(steps / every) + 1;
  if (rows > MAX_TRACE_ROWS) throw new UsageError(`${steps} steps recorded every ${every} is ${rows} rows, more than ${MAX_TRACE_ROWS}: raise --every`, '--every');
  const work = rows * denseWork(dim, p);
  if (work > TRACE_BUDGET) {
    const most = Math.max(1, Math.floor(TRACE_BUDGET / denseWork(dim, p)) - 1);
    throw new UsageError(`${rows} recorded steps, each with a dense eigendecomposition of ${dim} coordinates in ${formatPrecision(p)}, ` +
      `would take far too long: record at most about ${most} (raise --every or lower --steps), or use a lower precision`, '--steps');
  }
}
