import { describe, expect, it } from 'vitest';
import { renumberIds } from './renderSvg.js';
import { svgToPng } from './svgToPng.js';
import { trajectoryPlot } from './trajectoryPlot.js';
import { formatTick, logScaleFits } from './trajectoryPlotSpec.js';

const base = { title: 't', t: [0, 1, 2, 3], sharpness: [1, 2, 3, 2], threshold: 2.5, events: [{ t: 2, kind: 'catapult' }] };

/** The `d` of every line mark (Vega draws each in a `mark-line` group). */
const linePaths = (svg: string) =>
  [...svg.matchAll(/class="mark-line[^"]*"[^>]*>(.*?)<\/g>/g)].flatMap((g) => [...g[1].matchAll(/ d="([^"]*)"/g)].map((m) => m[1]));

describe('trajectoryPlot (vega-lite → vega → SVG in Node)', () => {
  it('is deterministic and draws the labelled threshold line and the labelled events', async () => {
    const a = await trajectoryPlot({ ...base, loss: [1, 0.1, 0.01, 0.001] });
    expect((await trajectoryPlot({ ...base, loss: [1, 0.1, 0.01, 0.001] })) === a).toBe(true); // no counter leaks between renderings
    expect(a.startsWith('<svg')).toBe(true);
    expect(a).toContain('loss (log scale)');
    expect(a).toContain('>2/η = 2.5</text>');
    expect(a).toContain('>catapult</text>');
    expect(a).not.toMatch(/<script|<image|@import|https?:\/\/(?!www\.w3\.org)/);
    expect(linePaths(a)).toHaveLength(2);
  });

  it('uses a linear loss axis when a loss is not positive, and breaks lines at missing values', async () => {
    const s = await trajectoryPlot({ ...base, loss: [1, -0.5, NaN, 2], sharpness: [1, null, 3, 2] });
    expect(s).not.toContain('log scale');
    const paths = linePaths(s);
    expect(paths).toHaveLength(2);
    for (const d of paths) expect(d.match(/M/g)).toHaveLength(2); // one gap each
    expect(s).not.toMatch(/NaN/);
  });

  it('adds the rotation and reference-distance panels when given, and prefixes ids for inlining', async () => {
    const s = await trajectoryPlot(
      { ...base, loss: [1, 0.5, 0.2, 0.1], rotationAngle: [null, 0.1, 0.2, 0.05], referenceDistance: [0, 1e-3, 1e-2, 1e-1], referenceLabel: 'distance to pgd' },
      'p7-',
    );
    expect(s).toContain('rotation angle (rad)');
    expect(s).toContain('distance to pgd');
    expect(linePaths(s)).toHaveLength(4);
    expect(s).toContain('clip-path="url(#p7-clip1)"');
    expect(renumberIds('<clipPath id="clip9"/><g clip-path="url(#clip9)"/><clipPath id="clip4"/>', 'x-')).toBe(
      '<clipPath id="x-clip1"/><g clip-path="url(#x-clip1)"/><clipPath id="x-clip2"/>',
    );
  });

  it('rasterizes to PNG', async () => {
    const png = await svgToPng(await trajectoryPlot({ ...base, loss: [1, 0.1, 0.01, 0.001] }), 1);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBeGreaterThan(500); // width from the IHDR chunk
  });

  it('formats ticks and decides the log scale', () => {
    expect(formatTick(2.5)).toBe('2.5');
    expect(formatTick(123456)).toBe('1.23e+5');
    expect(logScaleFits([1, null, 2])).toBe(true);
    expect(logScaleFits([1, 0])).toBe(false);
    expect(logScaleFits([null])).toBe(false);
  });
});
