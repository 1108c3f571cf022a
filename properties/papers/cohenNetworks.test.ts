import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { checkAt, evaluate } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';
import { SMALL_MLP, type MlpEosInstance } from '../../src/claims/cohen/cohenNetworks.js';
import { eosHover, progressiveSharpening } from '../../src/claims/cohen/mlpEos.js';
import { COHEN_NETWORK_CLAIMS } from '../../src/claims/cohen/index.js';

/** A hand-made instance: 8-16-1 tanh, n = 100 (seeds 3/4: S₀ = 2.618, so η = 0.382 is η·S₀/2 = 0.5). */
const inst = (over: Partial<MlpEosInstance> = {}): MlpEosInstance => ({
  model: 'mlp-f64',
  net: { ...SMALL_MLP, widths: [...SMALL_MLP.widths] },
  task: 'random-labels',
  n: 100,
  seed: 3,
  dataSeed: 4,
  lr: '0.382',
  kappa0: '0.5',
  steps: 1500,
  every: 20,
  ...over,
});

describe('COHEN_NETWORK_CLAIMS through the harness (pinned seed)', () => {
  it('exports the two float64 network claims, statistical, f64-only, with default runs', () => {
    expect(COHEN_NETWORK_CLAIMS.map((c) => c.id)).toEqual(['cohen.progressive-sharpening', 'cohen.eos.hover']);
    for (const c of COHEN_NETWORK_CLAIMS) {
      expect(c.kind).toBe('statistical');
      expect(c.ladder).toEqual(['f64']);
      expect(c.runs).toBeGreaterThan(0);
      expect(c.citation.paper).toMatch(/arXiv 2103\.00065/);
    }
  });
});

describe('hand-made instances', () => {
  it('progressive sharpening: a random-label run reaches the edge; the same network on the teacher task does not', () => {
    const v = evaluate(progressiveSharpening, inst({ every: 10 }), { mode: 'claim' }).verdict;
    expect(v, v.evidence.message).toMatchObject({ verdict: 'holds', evidence: { code: 'sharpened_to_edge', precision: 'f64' } });
    expect(v.evidence.message).toMatch(/float64/);
    expect(evaluate(progressiveSharpening, inst({ task: 'teacher', every: 10 }), { mode: 'claim' }).verdict).toMatchObject({
      verdict: 'inconclusive',
      evidence: { code: 'easy_task' },
    });
    expect(evaluate(progressiveSharpening, inst({ task: 'teacher', every: 10 }), { mode: 'control' }).verdict).toMatchObject({
      verdict: 'violated',
      evidence: { code: 'never_reached_edge', precision: 'f64' },
    });
  }, 30_000);

  it('hover: the same run hovers at the edge; a ten times smaller step never gets there and the loss never rises', () => {
    const v = evaluate(eosHover, inst(), { mode: 'claim' }).verdict;
    expect(v, v.evidence.message).toMatchObject({ verdict: 'holds', evidence: { code: 'hovers', precision: 'f64' } });
    expect(Number(v.evidence.details?.median)).toBeGreaterThan(0.97);
    const small = inst({ lr: '0.0382', kappa0: '0.05' });
    expect(evaluate(eosHover, small, { mode: 'claim' }).verdict).toMatchObject({ verdict: 'inconclusive' });
    const c = evaluate(eosHover, small, { mode: 'control' }).verdict;
    expect(c).toMatchObject({ verdict: 'violated', evidence: { code: 'never_reached_edge', details: { rises: 0 } } });
  }, 30_000);

  it('runs in float64 only: another precision is a usage error, and malformed instances are rejected', () => {
    expect(() => checkAt(eosHover, inst(), parsePrecision('dec:30'), { mode: 'claim' })).toThrow(UsageError);
    expect(() => checkAt(progressiveSharpening, inst({ n: 0 }), parsePrecision('f64'), { mode: 'claim' })).toThrow(/"n"/);
    expect(() =>
      checkAt(progressiveSharpening, inst({ net: { inputDim: 8, widths: [], activation: 'tanh' } }), parsePrecision('f64'), { mode: 'claim' }),
    ).toThrow(/widths/);
    expect(() => checkAt(progressiveSharpening, inst({ lr: '-1' }), parsePrecision('f64'), { mode: 'claim' })).toThrow(/lr/);
  });

  it('rejects each malformed field of an instance with its own rule, and accepts the values at the edges of each range', () => {
    const f64 = parsePrecision('f64');
    // Control mode: it runs past the task's hypothesis (a teacher task is an instance, not of the claim), so every field is read.
    const run = (over: Record<string, unknown>) => () => checkAt(progressiveSharpening, inst(over as Partial<MlpEosInstance>), f64, { mode: 'control' });
    const net = (o: Record<string, unknown>) => ({ net: { inputDim: 8, widths: [16], activation: 'tanh', ...o } });
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ net: undefined }, /"net" must be/],
      [{ net: null }, /"net" must be/],
      [{ net: 'mlp' }, /"net" must be/],
      [{ net: [8, 16] }, /"net" must be/],
      [net({ inputDim: 0 }), /"net.inputDim" must be an integer in \[1, 64\]/],
      [net({ inputDim: 65 }), /"net.inputDim"/],
      [net({ inputDim: 2.5 }), /"net.inputDim"/],
      [net({ inputDim: '8' }), /"net.inputDim"/],
      [net({ widths: 16 }), /"net.widths" must list 1 to 4 integer widths in \[1, 256\]/],
      [net({ widths: [16, 16, 16, 16, 16] }), /"net.widths"/],
      [net({ widths: [16, 0] }), /"net.widths"/],
      [net({ widths: [257] }), /"net.widths"/],
      [net({ activation: 'gelu' }), /"net.activation" must be one of/],
      [{ task: 'labels' }, /"task" must be "random-labels" or "teacher"/],
      [{ n: 2001 }, /"n" must be an integer in \[1, 2000\]/],
      [{ seed: -1 }, /"seed" and "dataSeed" must be integers/],
      [{ seed: 2 ** 32 }, /"seed" and "dataSeed"/],
      [{ dataSeed: 2 ** 32 - 1 }, /"seed" and "dataSeed"/],
      [{ dataSeed: 0.5 }, /"seed" and "dataSeed"/],
      [{ steps: 0 }, /"steps" must be an integer in \[1, 20000\] and "every" in \[1, steps\]/],
      [{ steps: 20_001 }, /"steps"/],
      [{ every: 0 }, /"steps"/],
      [{ steps: 10, every: 11 }, /"steps"/],
      [{ lr: 0.382 }, /"lr" must be a positive decimal/],
      [{ lr: '0.3.8' }, /"lr"/],
      [{ lr: '0' }, /"lr"/],
      [{ lr: '-0.1' }, /"lr"/],
    ];
    for (const [over, re] of bad) expect(run(over), JSON.stringify(over)).toThrow(re);
    // The edges of each range are instances (one step each: only the reading of the instance is under test).
    const one = { steps: 1, every: 1 };
    for (const over of [
      { ...net({ inputDim: 1 }) },
      { ...net({ inputDim: 64 }) },
      { ...net({ widths: [1, 2, 3, 256] }) },
      { n: 1 },
      { n: 2000 },
      { seed: 0, dataSeed: 0 },
      { seed: 2 ** 32 - 1, dataSeed: 2 ** 32 - 2 },
      { task: 'teacher' },
    ])
      expect(run({ ...one, ...over }), JSON.stringify(over)).not.toThrow();
    expect(run({ steps: 20_000, every: 20_000, lr: '0.0001' })).not.toThrow();
  });

  it('generated instances state their step explicitly, aimed at the drawn κ₀ = η·S₀/2', async () => {
    const fc = (await import('fast-check')).default;
    const [x] = fc.sample(progressiveSharpening.arbitrary, { seed: 5, numRuns: 1 });
    expect(x).toMatchObject({ model: 'mlp-f64', task: 'random-labels', n: 100, steps: 1500, every: 10 });
    expect(x.lr).toMatch(/^\d+\.\d+$/);
    const v = evaluate(progressiveSharpening, x, { mode: 'claim' }).verdict;
    expect(Number(v.evidence.details?.kappa0 ?? Number.NaN)).toBeCloseTo(Number(x.kappa0), 3);
  }, 30_000);
});
