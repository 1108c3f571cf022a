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

  it('generated instances state their step explicitly, aimed at the drawn κ₀ = η·S₀/2', async () => {
    const fc = (await import('fast-check')).default;
    const [x] = fc.sample(progressiveSharpening.arbitrary, { seed: 5, numRuns: 1 });
    expect(x).toMatchObject({ model: 'mlp-f64', task: 'random-labels', n: 100, steps: 1500, every: 10 });
    expect(x.lr).toMatch(/^\d+\.\d+$/);
    const v = evaluate(progressiveSharpening, x, { mode: 'claim' }).verdict;
    expect(Number(v.evidence.details?.kappa0 ?? Number.NaN)).toBeCloseTo(Number(x.kappa0), 3);
  }, 30_000);
});
