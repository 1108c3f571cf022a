import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instance } from '../claims/claim.js';
import { defineClaim } from '../claims/defineClaim.js';
import { UsageError } from '../errors.js';
import { formatPrecision } from '../numerics/precision.js';
import { evaluate } from './evaluate.js';

/** What the synthetic check does at each precision (absent: holds). */
interface Scripted extends Instance {
  readonly script: { readonly [precision: string]: 'violated' | 'uncertain' | 'unmet' | 'budget' | 'throw' | 'diverged' | 'usage' };
}

const scripted = defineClaim<Scripted>({
  id: 'test.scripted', title: 't', citation: { paper: 'p', where: 'w' }, statement: 's', kind: 'forall', hypotheses: [],
  arbitrary: fc.constant({ model: 'quadratic', script: {} }),
  check(instance, ctx) {
    const p = formatPrecision(ctx.precision);
    const e = (margin: number) => ({ code: 'c', message: `at ${p}`, observed: -margin, bound: 0, margin });
    switch (instance.script[p]) {
      case 'violated': return ctx.violated(e(-1));
      case 'uncertain': return ctx.uncertain(e(0));
      case 'unmet': ctx.assume(false, 'h', 'hypothesis false'); return ctx.holds(e(1));
      case 'budget': for (;;) ctx.count(1000);
      case 'throw': throw new RangeError('boom');
      case 'diverged': return ctx.diverged(e(Number.NaN));
      case 'usage': throw new UsageError('bad data', '--data');
      default: return ctx.holds(e(1));
    }
  },
  negativeControl: { description: 'd', arbitrary: fc.constant({ model: 'quadratic', script: { f64: 'violated', 'dec:40': 'violated', 'dec:80': 'violated' } }) },
  tolerance: {}, rationale: 'r', budget: 5000,
});

const run = (script: Scripted['script'], mode: 'claim' | 'control' = 'claim') => evaluate(scripted, { model: 'quadratic', script }, { mode }).verdict;

describe('the precision ladder', () => {
  it('a holding first rung decides alone', () => {
    expect(run({})).toMatchObject({ verdict: 'holds', evidence: { precision: 'f64' } });
  });

  it('a failure confirmed at every higher rung is violated, with each rung\'s evidence', () => {
    const v = run({ f64: 'violated', 'dec:40': 'violated', 'dec:80': 'violated' });
    expect(v.verdict).toBe('violated');
    expect(v.evidence.precision).toBe('dec:80');
    expect('ladder' in v && v.ladder?.map((e) => e.precision)).toEqual(['f64', 'dec:40', 'dec:80']);
  });

  it('a failure that holds higher up is an artifact of the lower precision', () => {
    const a = run({ f64: 'violated' });
    expect(a).toMatchObject({ verdict: 'artifact', evidence: { precision: 'dec:40' }, failure: { precision: 'f64' } });
    // A failure at dec:40 that does not survive dec:80 is an artifact too.
    expect(run({ f64: 'violated', 'dec:40': 'violated' })).toMatchObject({ verdict: 'artifact', evidence: { precision: 'dec:80' } });
  });

  it('an uncertain margin climbs and takes the verdict of the rung that decides', () => {
    expect(run({ f64: 'uncertain' })).toMatchObject({ verdict: 'holds', evidence: { precision: 'dec:40' } });
    expect(run({ f64: 'uncertain', 'dec:40': 'violated', 'dec:80': 'violated' }).verdict).toBe('violated');
    expect(run({ f64: 'uncertain', 'dec:40': 'uncertain', 'dec:80': 'uncertain' })).toMatchObject({ verdict: 'inconclusive', reason: 'uncertain' });
  });

  it('unmet hypotheses and exhausted budgets are inconclusive, not passes; in a control, hypotheses do not stop the check', () => {
    expect(run({ f64: 'unmet' })).toMatchObject({ verdict: 'inconclusive', reason: 'hypotheses', evidence: { code: 'h' } });
    expect(run({ f64: 'unmet' }, 'control').verdict).toBe('holds');
    expect(run({ f64: 'budget' })).toMatchObject({ verdict: 'inconclusive', reason: 'budget', evidence: { code: 'budget_exhausted' } });
    expect(evaluate(scripted, { model: 'quadratic', script: { f64: 'budget' } }, { mode: 'claim', budget: 10 }).evaluations).toBe(1000);
  });

  it('a throwing check fails like a throwing fast-check predicate; model input errors propagate', () => {
    expect(run({ f64: 'throw', 'dec:40': 'throw', 'dec:80': 'throw' })).toMatchObject({ verdict: 'violated', evidence: { code: 'check_threw', message: 'the check threw RangeError: boom' } });
    expect(() => run({ f64: 'usage' })).toThrow(UsageError);
  });

  it('a divergence is reported as such, at the rung it happened', () => {
    expect(run({ f64: 'violated', 'dec:40': 'diverged' })).toMatchObject({ verdict: 'diverged', evidence: { precision: 'dec:40' } });
  });
});
