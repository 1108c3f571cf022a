import { describe, expect, it } from 'vitest';
import { cli } from '../../../test-support/cli.js';

describe('eoscheck trace: the self-stabilization pipeline', () => {
  const toy = ['trace', '--model', 'cubic-toy', '--param', 'a0=19.5', '--param', 'b=1.5', '--param', 'c=0.1', '--lr', '0.1'];

  it('runs GD to its first instability, then records GD beside θ†, v⋆ and gradient flow from there', async () => {
    // From x = 0, z_t = ηct and the midpoint sharpness first reaches 20 at t = 33 (gdToEdge's test).
    const r = await cli(...toy, '--theta', '0,0', '--steps', '5', '--reference', 'pgd', '--observe', 'selfStabilization', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { steps: Record<string, unknown>[]; events: { t: number; kind: string }[] };
    expect(j.events[0]).toMatchObject({ t: 33, kind: 'pipeline-start' });
    expect(j.steps.map((s) => s.t)).toEqual([33, 34, 35, 36, 37, 38]);
    for (const key of [
      'x',
      'y',
      'alpha',
      'beta',
      'delta',
      'lambda2',
      'daggerLoss',
      'daggerSharpness',
      'predictedSharpness',
      'predictedLoss',
      'predictedError',
      'predictedX',
      'flowDistance',
      'gdFlowDistance',
      'flowLoss',
      'flowSharpness',
      'rho3',
      'rho4',
    ]) {
      expect(j.steps[5], key).toHaveProperty(key);
    }
    expect(j.steps[0].gdFlowDistance).toBe(0);
  });

  it('says so when GD never reaches the edge, and records from θ₀; other rules and references run from θ₀ as before', async () => {
    // −x⁴ has S = −12x² < 0 everywhere, and GD x ← x + 4ηx³ overflows within a few steps.
    const away = await cli(
      'trace',
      '--model',
      'expr',
      '--expr',
      '-x^4',
      '--vars',
      'x',
      '--theta',
      '1',
      '--lr',
      '0.5',
      '--steps',
      '2',
      '--reference',
      'pgd',
      '--observe',
      'selfStabilization',
      '--json',
    );
    expect(away.code).toBe(0);
    const j = JSON.parse(away.out) as { steps: { t: number }[]; events: { t: number; kind: string; reason?: string }[] };
    expect(j.events[0]).toMatchObject({ kind: 'edge-not-reached', reason: expect.stringMatching(/not finite at step \d+/) });
    expect(j.steps[0].t).toBe(0);
    const flowRef = await cli(...toy, '--theta', '0,0', '--steps', '2', '--reference', 'flow', '--observe', 'selfStabilization', '--json');
    expect((JSON.parse(flowRef.out) as { steps: { t: number }[] }).steps[0].t).toBe(0);
  });
});
