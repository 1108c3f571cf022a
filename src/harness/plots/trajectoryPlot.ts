import { renderSvg } from './renderSvg.js';
import { trajectoryPlotSpec, type TrajectoryPlotInput } from './trajectoryPlotSpec.js';

/**
 * A trajectory plot as a self-contained SVG string (see trajectoryPlotSpec for what it shows):
 * no scripts, no fonts or images to fetch, the same bytes for the same input.
 */
export function trajectoryPlot(input: TrajectoryPlotInput, idPrefix = ''): Promise<string> {
  return renderSvg(trajectoryPlotSpec(input), idPrefix);
}
