import { describe, expect, it } from 'vitest';
import { run } from '../run.js';

async function trace(...argv: string[]) {
  let out = '';
  const code = await run(['trace', ...argv], { write: (s: string) => (out += s) }, { write: () => 0 });
  return { code, out };
}

const rowOf = (out: string, t: number) => out.split('\n').find((l) => new RegExp(`^ {0,7}${t} `).test(l));

describe('trace text output', () => {
  it('shows the rows of the events and of the loss peak however long the run, with the events named on them', async () => {
    // A catapult on uv: the loss peaks at step 2, the sharpness falls below the edge at step 4.
    const { code, out } = await trace('--model', 'uv', '--theta', '2,0.3', '--lr', '0.7', '--steps', '60');
    expect(code).toBe(0);
    expect(rowOf(out, 2)).toMatch(/^ +2 +1\.088171 /);
    expect(rowOf(out, 4)).toMatch(/edge-returned, catapult$/);
    expect(rowOf(out, 0)).toMatch(/edge-crossed$/);
    expect(rowOf(out, 60)).toBeDefined();
    // The events' details to significant digits (every digit is in --json).
    expect(out).toContain(
      '  step 4: catapult (spikeStart=1 peakT=2 peakLoss=1.088170552 lossBefore=0.08 sharpnessBefore=4.010203552 sharpness=0.6419173893)\n',
    );
    // Sampled, not every row.
    expect(out.split('\n').filter((l) => /^ +\d+ /.test(l)).length).toBeLessThan(30);
  });

  it('adds one column per scalar field of the observers asked for', async () => {
    const { out } = await trace(
      '--model',
      'cubic-toy',
      '--theta',
      '0.01,0',
      '--param',
      'a0=19.5',
      '--lr',
      '0.1',
      '--steps',
      '100',
      '--reference',
      'pgd',
      '--observe',
      'referenceDistance',
    );
    const head = out.split('\n')[1];
    expect(head).toMatch(/‖∇L‖ +referenceDistance +events$/);
    expect(rowOf(out, 0)).toMatch(/ 0\.01000000$/);
  });
});
