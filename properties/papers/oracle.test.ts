import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/harness/evaluate.js';
import { MODELS } from '../../src/models/registry.js';
import { ORACLE_CLAIMS, type OracleInstance } from '../../src/claims/oracles/oracle.js';

const claim = (model: string) => {
  const c = ORACLE_CLAIMS.find((x) => x.id === `oracle.${model}.closed-forms`);
  if (c === undefined) throw new Error(`no oracle claim for ${model}`);
  return c;
};

describe('oracle.<model>.closed-forms', () => {
  it('exists for every model family with an instance generator; its ladder is f64 then dec:50', () => {
    expect(ORACLE_CLAIMS.map((c) => c.id)).toEqual(MODELS.map((m) => `oracle.${m.id}.closed-forms`));
    for (const c of ORACLE_CLAIMS) expect(c.ladder).toEqual(['f64', 'dec:50']);
  });

  it('an f64 evaluation spoiled by cancellation is an artifact, not a violation (found by `check --seed 11`)', () => {
    // log cosh(xy − 0.3) at xy = 0.298656: the f64 loss keeps only ~10 digits.
    const x: OracleInstance = {
      model: 'expr',
      theta: ['1.037', '0.288'],
      params: {},
      expr: 'log(cosh(x*y - 0.3))',
      vars: ['x', 'y'],
      u: ['0', '0'],
      v: ['0', '0'],
    };
    const v = evaluate(claim('expr'), x, { mode: 'claim' }).verdict;
    expect(v).toMatchObject({ verdict: 'artifact', failure: { precision: 'f64', code: 'derivative_mismatch' }, evidence: { precision: 'dec:50' } });
    expect(v.verdict === 'artifact' && v.failure.message).toMatch(/^f64 evaluation error 1\.\d+e-10 exceeds 1e-10$/);
  });

  it('holds on a hand-made instance and reports each error in its evidence', () => {
    const x: OracleInstance = { model: 'deep-scalar', theta: ['1.2', '0.9', '-1.1'], params: { target: '1' }, u: ['1', '0', '0.5'], v: ['0.3', '-1', '1'] };
    const v = evaluate(claim('deep-scalar'), x, { mode: 'claim' }).verdict;
    expect(v).toMatchObject({ verdict: 'holds', evidence: { code: 'closed_forms_match', precision: 'f64', bound: expect.any(Number) } });
    expect(v.evidence.margin).toBeGreaterThan(0);
    expect(Object.keys(v.evidence.details ?? {})).toEqual(['grad', 'hessian', 'third', 'hvp', 'f64', 'dec50']);
  });

  it('flags a Hessian that is wrong by one part in a million', () => {
    const x: OracleInstance = {
      model: 'minimalist',
      theta: ['1.3', '0.7'],
      params: {},
      u: ['1', '1'],
      v: ['0.5', '-0.5'],
      mutate: { hessianScale: '1.000001' },
    };
    const v = evaluate(claim('minimalist'), x, { mode: 'control' }).verdict;
    expect(v).toMatchObject({ verdict: 'violated', evidence: { code: 'derivative_mismatch', bound: 1e-30 } });
    expect(v.evidence.observed).toBeGreaterThan(1e-7);
    expect(v.evidence.observed).toBeLessThan(1e-5);
    expect(v.evidence.margin).toBeLessThan(-20);
  });
});
