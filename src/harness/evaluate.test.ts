import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instance } from '../claims/claim.js';
import { defineClaim } from '../claims/defineClaim.js';
import { NumericalError, UsageError } from '../errors.js';
import { formatPrecision } from '../numerics/precision.js';
import { evaluate } from './evaluate.js';

/** What the synthetic check does at each precision (absent: holds). */
interface Scripted extends Instance {
  readonly script: { readonly [precision: string]: Step };
}
type Step =
  | 'violated'
  | 'uncertain'
  | 'unmet'
  | 'budget'
  | 'throw'
  | 'diverged'
  | 'usage'
  | 'numerical'
  | 'tie'
  | 'enclosed-below'
  | 'enclosed-above'
  | 'straddles'
  | 'no-enclosure';

const scripted = defineClaim<Scripted>({
  id: 'test.scripted',
  title: 't',
  citation: { paper: 'p', where: 'w' },
  statement: 's',
  kind: 'forall',
  hypotheses: [],
  arbitrary: fc.constant({ model: 'quadratic', script: {} }),
  check(instance, ctx) {
    const p = formatPrecision(ctx.precision);
    const e = (margin: number) => ({ code: 'c', message: `at ${p}`, observed: -margin, bound: 0, margin });
    const enclosed = (lo: number, hi: number) => ({ ...e((lo + hi) / 2), enclosure: { lo, hi } });
    // At interval:N the script's `interval` entry applies (default: enclosed above 0).
    const step = ctx.precision.kind === 'interval' ? (instance.script[p] ?? instance.script.interval ?? 'enclosed-above') : instance.script[p];
    switch (step) {
      case 'enclosed-below':
        return ctx.violated(enclosed(-2, -1));
      case 'enclosed-above':
        return ctx.holds(enclosed(0, 1));
      case 'straddles':
        return ctx.violated(enclosed(-1, 1));
      case 'no-enclosure':
        return ctx.violated(e(-1));
      case 'tie':
        return ctx.holds({ ...e(1e-20), allowance: 1e-15 });
      case 'numerical':
        throw new NumericalError('did not converge');
      case 'violated':
        return ctx.violated(e(-1));
      case 'uncertain':
        return ctx.uncertain(e(0));
      case 'unmet':
        ctx.assume(false, 'h', 'hypothesis false');
        return ctx.holds(e(1));
      case 'budget':
        for (;;) ctx.count(1000);
      case 'throw':
        throw new RangeError('boom');
      case 'diverged':
        return ctx.diverged(e(Number.NaN));
      case 'usage':
        throw new UsageError('bad data', '--data');
      default:
        return ctx.holds(e(1));
    }
  },
  negativeControl: {
    description: 'd',
    arbitrary: fc.constant({ model: 'quadratic', script: { f64: 'violated', 'dec:40': 'violated', 'dec:80': 'violated' } }),
  },
  tolerance: {},
  rationale: 'r',
  budget: 5000,
});

const run = (script: Scripted['script'], mode: 'claim' | 'control' = 'claim') => evaluate(scripted, { model: 'quadratic', script }, { mode }).verdict;

describe('the precision ladder', () => {
  it('a holding first rung decides alone', () => {
    expect(run({})).toMatchObject({ verdict: 'holds', evidence: { precision: 'f64' } });
  });

  const allRungs = (s: Step) => ({ f64: s, 'dec:40': s, 'dec:80': s });

  it("a failure confirmed at every rung and certified by an enclosure below 0 is violated, with each rung's evidence", () => {
    const v = run({ ...allRungs('violated'), interval: 'enclosed-below' });
    expect(v.verdict).toBe('violated');
    expect(v.evidence.precision).toBe('dec:80');
    expect('ladder' in v && v.ladder?.map((e) => e.precision)).toEqual(['f64', 'dec:40', 'dec:80']);
    expect('certificate' in v && v.certificate).toEqual({ precision: 'interval:40', margin: { lo: -2, hi: -1 } });
  });

  it('a failure the enclosure cannot certify is inconclusive, never violated; raising the digits may certify it', () => {
    expect(run({ ...allRungs('violated'), interval: 'straddles' })).toMatchObject({
      verdict: 'inconclusive',
      reason: 'uncertified',
      evidence: { code: 'not_certified', message: expect.stringMatching(/^not certified: enclosure width 2.00e\+0 at interval:320/) },
    });
    expect(run({ ...allRungs('violated'), interval: 'no-enclosure' })).toMatchObject({
      verdict: 'inconclusive',
      reason: 'uncertified',
      evidence: { message: expect.stringContaining('gives no enclosure') },
    });
    expect(run({ ...allRungs('violated'), interval: 'straddles', 'interval:160': 'enclosed-below' })).toMatchObject({
      verdict: 'violated',
      certificate: { precision: 'interval:160' },
    });
    // An enclosure at or above 0 shows the failure was rounding: an artifact, certified.
    expect(run({ ...allRungs('violated'), interval: 'enclosed-above' })).toMatchObject({
      verdict: 'artifact',
      certificate: { precision: 'interval:40' },
      failure: { precision: 'f64' },
    });
  });

  it('a margin within the rounding allowance decides nothing: it climbs, and a tie at the top is inconclusive unless certified', () => {
    expect(run({ f64: 'tie' })).toMatchObject({ verdict: 'holds', evidence: { precision: 'dec:40' } });
    expect(run({ ...allRungs('tie'), interval: 'straddles' })).toMatchObject({
      verdict: 'inconclusive',
      reason: 'uncertain',
      evidence: { code: 'tie', message: expect.stringMatching(/^a tie within 10\^-15 at dec:80/) },
    });
    // A tie dec:80 could not break is re-run from interval:80 up.
    expect(run({ ...allRungs('tie'), interval: 'enclosed-above' })).toMatchObject({ verdict: 'holds', certificate: { precision: 'interval:80' } });
    expect(run({ ...allRungs('tie'), interval: 'enclosed-below' })).toMatchObject({ verdict: 'violated', certificate: { precision: 'interval:80' } });
  });

  it('a negative control is not re-run in intervals: its failures show that the check can fail', () => {
    expect(run({ ...allRungs('violated'), interval: 'straddles' }, 'control')).toMatchObject({ verdict: 'violated', evidence: { precision: 'dec:80' } });
  });

  it('a failure that holds higher up is an artifact of the lower precision', () => {
    const a = run({ f64: 'violated' });
    expect(a).toMatchObject({ verdict: 'artifact', evidence: { precision: 'dec:40' }, failure: { precision: 'f64' } });
    // A failure at dec:40 that does not survive dec:80 is an artifact too.
    expect(run({ f64: 'violated', 'dec:40': 'violated' })).toMatchObject({ verdict: 'artifact', evidence: { precision: 'dec:80' } });
  });

  it('an uncertain margin climbs and takes the verdict of the rung that decides', () => {
    expect(run({ f64: 'uncertain' })).toMatchObject({ verdict: 'holds', evidence: { precision: 'dec:40' } });
    expect(run({ f64: 'uncertain', 'dec:40': 'violated', 'dec:80': 'violated', interval: 'enclosed-below' }).verdict).toBe('violated');
    expect(run({ ...allRungs('uncertain'), interval: 'straddles' })).toMatchObject({ verdict: 'inconclusive', reason: 'uncertain' });
  });

  it('unmet hypotheses and exhausted budgets are inconclusive, not passes; in a control, hypotheses do not stop the check', () => {
    expect(run({ f64: 'unmet' })).toMatchObject({ verdict: 'inconclusive', reason: 'hypotheses', evidence: { code: 'h' } });
    expect(run({ f64: 'unmet' }, 'control').verdict).toBe('holds');
    expect(run({ f64: 'budget' })).toMatchObject({ verdict: 'inconclusive', reason: 'budget', evidence: { code: 'budget_exhausted' } });
    expect(evaluate(scripted, { model: 'quadratic', script: { f64: 'budget' } }, { mode: 'claim', budget: 10 }).evaluations).toBe(1000);
  });

  it('a throwing check is an error with its stack, never a violation; model input errors propagate', () => {
    const v = run({ f64: 'throw' });
    expect(v).toMatchObject({ verdict: 'error', evidence: { code: 'check_threw', message: 'the check threw RangeError: boom', precision: 'f64' } });
    expect('stack' in v && v.stack).toMatch(/RangeError: boom\n\s+at /);
    expect(() => run({ f64: 'usage' })).toThrow(UsageError);
  });

  it('a numerical routine that does not converge makes the instance inconclusive (numerical)', () => {
    expect(run({ f64: 'numerical' })).toMatchObject({ verdict: 'inconclusive', reason: 'numerical', evidence: { message: 'did not converge' } });
  });

  it('a divergence is reported as such, at the rung it happened', () => {
    expect(run({ f64: 'violated', 'dec:40': 'diverged' })).toMatchObject({ verdict: 'diverged', evidence: { precision: 'dec:40' } });
  });
});

describe('a claim that declares itself not certifiable', () => {
  const declared = defineClaim<Scripted>({ ...scripted, id: 'test.not-certifiable', notCertifiable: 'its margin is a double' });

  it('never reaches interval arithmetic: its failure is inconclusive with the declared reason', () => {
    // Every rung fails and the interval re-run WOULD certify it (enclosed below 0): the declaration wins.
    const inst: Scripted = { model: 'quadratic', script: { f64: 'violated', 'dec:40': 'violated', 'dec:80': 'violated', interval: 'enclosed-below' } };
    expect(evaluate(scripted, inst, { mode: 'claim' }).verdict.verdict).toBe('violated');
    const r = evaluate(declared, inst, { mode: 'claim' });
    expect(r.verdict.verdict).toBe('inconclusive');
    expect(r.verdict.evidence.message).toContain('its margin is a double');
  });

  it('is rejected with an empty reason', () => {
    expect(() => defineClaim<Scripted>({ ...scripted, id: 'test.bad', notCertifiable: ' ' })).toThrow(/notCertifiable/);
  });
});
