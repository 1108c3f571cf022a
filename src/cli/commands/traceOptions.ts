import { UsageError } from '../../errors.js';
import { plotFormat } from '../../harness/plots/writePlot.js';
import { checkOneStdout, checkWritable } from '../../harness/writeOutput.js';
import { decimalOption } from '../decimalOption.js';
import { optInt, optValue, type ParsedArgs } from '../parseArgs.js';
import { MAX_TRACE_STEPS } from '../traceLimits.js';

/** The run options every `trace` takes, analytic model or network: η (required, as written), steps and the recording stride. */
export function traceRunOptions(args: ParsedArgs): { lr: string; steps: number; every: number } {
  const lr = decimalOption(args, 'lr', (x) => x > 0, 'a positive decimal number');
  if (lr === undefined) throw new UsageError('is required: the learning rate η', '--lr');
  const steps = optInt(args, 'steps', 100, 0, MAX_TRACE_STEPS);
  const every = optInt(args, 'every', 1, 1, MAX_TRACE_STEPS);
  return { lr, steps, every };
}

/**
 * The files a trace writes besides its report, checked before any work: `--csv` and `--plot`
 * writable, the plot's format known from its name, and at most one of them on standard output.
 */
export function traceOutputFiles(args: ParsedArgs): { csv: string | undefined; plot: string | undefined } {
  const csv = optValue(args, 'csv');
  const plot = optValue(args, 'plot');
  if (csv !== undefined) checkWritable(csv, '--csv');
  if (plot !== undefined) {
    plotFormat(plot, '--plot');
    checkWritable(plot, '--plot');
  }
  checkOneStdout([
    ['--csv', csv],
    ['--plot', plot],
  ]);
  return { csv, plot };
}
