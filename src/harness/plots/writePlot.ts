import { UsageError } from '../../errors.js';
import { writeOutput } from '../writeOutput.js';
import { svgToPng } from './svgToPng.js';
import { trajectoryPlot } from './trajectoryPlot.js';
import type { TrajectoryPlotInput } from './trajectoryPlotSpec.js';

/** Checks the file name of a `--plot` option: it must end in .svg or .png. */
export function plotFormat(file: string, option: string): 'svg' | 'png' {
  const lower = file.toLowerCase();
  if (lower.endsWith('.svg')) return 'svg';
  if (lower.endsWith('.png')) return 'png';
  throw new UsageError(`"${file}" must end in .svg or .png`, option);
}

/** Draws a trajectory and writes it atomically, as SVG or (file name ending in .png) as PNG. */
export async function writePlot(file: string, input: TrajectoryPlotInput, option: string): Promise<void> {
  const svg = await trajectoryPlot(input);
  writeOutput(file, plotFormat(file, option) === 'png' ? await svgToPng(svg) : svg + '\n', option);
}
